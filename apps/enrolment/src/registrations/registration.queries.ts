import { RegistrationState } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const LIST = `SELECT r.id, r.session_id AS "sessionId", r.participant_id AS "participantId", r.kind, r.state,
  r.cancel_reason AS "cancelReason", r.created_at AS "createdAt", p.mail, p.last_name AS "lastName", p.first_name AS "firstName",
  p.function, p.grade, p.uai,
  CASE WHEN r.state = 'waitlisted' THEN (SELECT count(*)::int FROM registration w WHERE w.session_id = r.session_id
    AND w.state = 'waitlisted' AND (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id)) END AS position
  FROM registration r JOIN participant p ON p.id = r.participant_id`;

export interface RegistrationView {
  id: string;
  sessionId: string;
  participantId: string;
  kind: string;
  state: RegistrationState;
  cancelReason: string | null;
  createdAt: Date;
  mail: string;
  lastName: string;
  firstName: string;
  function: string | null;
  grade: string | null;
  uai: string | null;
  position: number | null;
}

/** What the API reads of registrations. */
@Injectable()
export class RegistrationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A session's registrations: by state then waitlist rank (`order: 'state'`), or by name (`order: 'name'`, exports). */
  ofSession(sessionId: string, state: RegistrationState | null, order: 'state' | 'name'): Promise<RegistrationView[]> {
    const by = order === 'state' ? 'r.state, r.waitlisted_at NULLS FIRST, p.last_name, r.id' : 'p.last_name, p.first_name, r.id';
    return this.dataSource.query(`${LIST} WHERE r.session_id = $1 AND ($2::text IS NULL OR r.state = $2) ORDER BY ${by}`, [sessionId, state]);
  }

  /** One registration with the history of its states; undefined when unknown. */
  async withHistory(id: string): Promise<(RegistrationView & { history: object[] }) | undefined> {
    const [row] = (await this.dataSource.query(`${LIST} WHERE r.id = $1`, [id])) as RegistrationView[];
    if (!row) return undefined;
    const history = (await this.dataSource.query(
      `SELECT from_state AS "from", to_state AS "to", reason, actor, at FROM registration_transition WHERE registration_id = $1 ORDER BY id`,
      [id],
    )) as object[];
    return { ...row, history };
  }
}
