import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationItem, SCALE, Tally } from './evaluation.rules';

export interface EvaluationRow {
  sessionId: string;
  moduleId: string;
  academy: string;
  items: EvaluationItem[];
  answered: boolean;
  closedOn: string | null;
}

/** The anonymous evaluation in SQL: questionnaire, who answered (no time), and counters only (no row per answer). */
@Injectable()
export class EvaluationRepository {
  async get(manager: EntityManager, sessionId: string, lock = false): Promise<EvaluationRow | undefined> {
    const [row] = (await manager.query(
      `SELECT session_id AS "sessionId", module_id AS "moduleId", academy, items, answered, to_char(closed_on, 'YYYY-MM-DD') AS "closedOn"
         FROM evaluation WHERE session_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [sessionId],
    )) as EvaluationRow[];
    return row;
  }

  /** Sets the questionnaire (before any answer) and lays out its counters, all at zero. */
  async define(
    manager: EntityManager,
    e: { sessionId: string; moduleId: string; academy: string; items: EvaluationItem[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO evaluation (session_id, module_id, academy, items) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id) DO UPDATE SET items = EXCLUDED.items`,
      [e.sessionId, e.moduleId, e.academy, JSON.stringify(e.items)],
    );
    await manager.query('DELETE FROM evaluation_tally WHERE session_id = $1', [e.sessionId]);
    await manager.query(
      `INSERT INTO evaluation_tally (session_id, item, value) SELECT $1, item, value FROM unnest($2::text[]) AS item CROSS JOIN unnest($3::smallint[]) AS value`,
      [e.sessionId, e.items.map((i) => i.key), [...SCALE]],
    );
  }

  /** Records that this registration answered; false when it already had. */
  async markAnswered(manager: EntityManager, sessionId: string, registrationId: string): Promise<boolean> {
    const rows = (await manager.query(
      'INSERT INTO evaluation_respondent (session_id, registration_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [sessionId, registrationId],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Adds one answer: +1 to the chosen value of each item and +0 to every other cell, in one statement. */
  async addAnswer(manager: EntityManager, sessionId: string, answers: Record<string, number>): Promise<void> {
    await manager.query(
      `UPDATE evaluation_tally SET count = count + CASE WHEN ($2::jsonb ->> item)::smallint = value THEN 1 ELSE 0 END
        WHERE session_id = $1`,
      [sessionId, JSON.stringify(answers)],
    );
    await manager.query('UPDATE evaluation SET answered = true WHERE session_id = $1 AND NOT answered', [sessionId]);
  }

  async close(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query('UPDATE evaluation SET closed_on = current_date WHERE session_id = $1', [sessionId]);
  }

  async respondents(manager: EntityManager, sessionId: string): Promise<number> {
    const [row] = (await manager.query('SELECT count(*)::int AS n FROM evaluation_respondent WHERE session_id = $1', [
      sessionId,
    ])) as { n: number }[];
    return row.n;
  }

  async tallies(manager: EntityManager, sessionId: string): Promise<Tally[]> {
    return manager.query('SELECT item, value, count FROM evaluation_tally WHERE session_id = $1', [sessionId]);
  }

  async ofModule(manager: EntityManager, moduleId: string, academy: string): Promise<EvaluationRow[]> {
    return manager.query(
      `SELECT session_id AS "sessionId", module_id AS "moduleId", academy, items, answered, to_char(closed_on, 'YYYY-MM-DD') AS "closedOn"
         FROM evaluation WHERE module_id = $1 AND academy = $2`,
      [moduleId, academy],
    );
  }
}
