import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Moment } from './feedback.rules';

/** Impressions, referents and the facilitators' pool, as SQL. */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly clock: Clock) {}

  /** False when this participant already gave this moment's impressions. */
  async give(
    manager: EntityManager,
    f: { sessionId: string; registrationId: string; moment: Moment; text: string },
  ): Promise<boolean> {
    const rows = (await manager.query(
      'INSERT INTO feedback (session_id, registration_id, moment, text) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
      [f.sessionId, f.registrationId, f.moment, f.text],
    )) as unknown[];
    return rows.length === 1;
  }

  async ofSession(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ registrationId: string; moment: Moment; text: string; givenOn: string }[]> {
    return manager.query(
      `SELECT registration_id AS "registrationId", moment, text, to_char(given_on, 'YYYY-MM-DD') AS "givenOn" FROM feedback WHERE session_id = $1 ORDER BY moment DESC, given_on`,
      [sessionId],
    );
  }

  async flag(
    manager: EntityManager,
    r: { sessionId: string; registrationId: string; concern: string; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO referent (session_id, registration_id, concern, flagged_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (registration_id, concern) DO UPDATE SET flagged_by = EXCLUDED.flagged_by, flagged_at = $5`,
      [r.sessionId, r.registrationId, r.concern, r.by, this.clock.now()],
    );
  }

  async referents(
    manager: EntityManager,
    sessionId: string,
  ): Promise<{ registrationId: string; concern: string; flaggedBy: string; flaggedAt: Date }[]> {
    return manager.query(
      'SELECT registration_id AS "registrationId", concern, flagged_by AS "flaggedBy", flagged_at AS "flaggedAt" FROM referent WHERE session_id = $1 ORDER BY concern, flagged_at',
      [sessionId],
    );
  }

  async putFacilitator(
    manager: EntityManager,
    f: { academy: string; mail: string; name: string; concerns: string[]; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO facilitator (academy, mail, name, concerns, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (academy, mail) DO UPDATE SET name = EXCLUDED.name, concerns = EXCLUDED.concerns, updated_by = EXCLUDED.updated_by, updated_at = $6`,
      [f.academy, f.mail, f.name, f.concerns, f.by, this.clock.now()],
    );
  }

  async facilitators(
    manager: EntityManager,
    academy: string,
    concern: string | null,
  ): Promise<{ mail: string; name: string; concerns: string[] }[]> {
    return manager.query(
      `SELECT mail, name, concerns FROM facilitator
        WHERE academy = $1 AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM unnest(concerns) c WHERE lower(c) = lower($2)))
        ORDER BY name`,
      [academy, concern],
    );
  }
}
