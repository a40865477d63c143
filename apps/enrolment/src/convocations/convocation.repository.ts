import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConvocationFacts } from './convocation-message';

/** What a convocation says, read for the dispatcher and for the participant's own space. */
const FACTS_COLUMNS = `r.id AS "registrationId", p.mail, p.first_name AS "firstName", p.last_name AS "lastName",
    coalesce(m.title, 'Formation') AS "moduleTitle", coalesce(m.themes, '{}') AS themes,
    coalesce(m.total_hours, 0)::float AS "totalHours", s.slots,
    coalesce(sc.name || ' (' || s.place_uai || ')', s.place_uai) AS place, s.group_number AS "groupNumber"`;
const FACTS_FROM = `FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session_replica s ON s.session_id = r.session_id
  LEFT JOIN school_replica sc ON sc.uai = s.place_uai
  LEFT JOIN module_replica m ON m.module_id = r.module_id`;

/** A participant's registration with its convocation's facts and where its mailing stands. */
export interface OwnConvocationRow extends ConvocationFacts {
  registrationState: string;
  /** `pending`, `sending`, `sent` or `failed`; null before the registration was confirmed. */
  state: ConvocationState | null;
  sentAt: Date | null;
}

export type ConvocationState = 'pending' | 'sending' | 'sent' | 'failed';

/** The convocation outbox: one row per confirmed registration, `pending` > `sending` > `sent` (or `failed`). */
@Injectable()
export class ConvocationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims up to `batch` pending convocations of confirmed registrations (`sending`, committed at once: two
   * dispatchers never claim the same), oldest first, with what their mail says.
   */
  async claim(batch: number): Promise<ConvocationFacts[]> {
    const [rows] = (await this.dataSource.query(
      `WITH next AS (
         SELECT c.registration_id FROM convocation c JOIN registration r ON r.id = c.registration_id
         WHERE c.state = 'pending' AND r.state = 'confirmed' ORDER BY c.created_at LIMIT $1 FOR UPDATE OF c SKIP LOCKED)
       UPDATE convocation c SET state = 'sending', attempts = c.attempts + 1 FROM next WHERE c.registration_id = next.registration_id
       RETURNING c.registration_id AS "registrationId"`,
      [batch],
    )) as [{ registrationId: string }[], number];
    if (!rows.length) return [];
    return (await this.dataSource.query(`SELECT ${FACTS_COLUMNS} ${FACTS_FROM} WHERE r.id = ANY($1::uuid[])`, [
      rows.map((r) => r.registrationId),
    ])) as ConvocationFacts[];
  }

  /**
   * A participant's own registration and its convocation (issue 27): the registration is found only among those of
   * the person whose mail is given, in the académie given, so another person's identifier finds nothing.
   */
  async ofParticipant(registrationId: string, mail: string, academy: string): Promise<OwnConvocationRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${FACTS_COLUMNS}, r.state AS "registrationState", c.state, c.sent_at AS "sentAt"
       ${FACTS_FROM} LEFT JOIN convocation c ON c.registration_id = r.id
       WHERE r.id = $1 AND lower(p.mail) = lower($2) AND r.academy = $3`,
      [registrationId, mail, academy],
    )) as OwnConvocationRow[];
    return row;
  }

  /** A failed attempt: back to `pending`, or `failed` after `maxAttempts`. */
  async failed(registrationId: string, error: string, maxAttempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE convocation SET state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END, last_error = $2
       WHERE registration_id = $1`,
      [registrationId, error.slice(0, 500), maxAttempts],
    );
  }

  async sent(registrationId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE convocation SET state = 'sent', sent_at = $2, last_error = NULL WHERE registration_id = $1`,
      [registrationId, this.clock.now()],
    );
  }
}
