import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const VIEW = `SELECT id, mail, last_name AS "lastName", first_name AS "firstName", function, grade, uai, profile, version,
  created_at AS "createdAt", updated_at AS "updatedAt" FROM participant`;

/** What the API reads of people (outside any write transaction). */
@Injectable()
export class PeopleQueries {
  constructor(private readonly dataSource: DataSource) {}

  search(filter: { mailKey: string | null; uai: string | null }): Promise<object[]> {
    return this.dataSource.query(
      `${VIEW} WHERE ($1::text IS NULL OR mail_key = $1) AND ($2::text IS NULL OR uai = $2) ORDER BY last_name, first_name LIMIT 500`,
      [filter.mailKey, filter.uai],
    );
  }

  /** A person with the history of their changes, their registrations and completions; undefined when unknown. */
  async profile(id: string): Promise<object | undefined> {
    const [person] = (await this.dataSource.query(`${VIEW} WHERE id = $1`, [id])) as object[];
    if (!person) return undefined;
    const [history, registrations, completions] = await Promise.all([
      this.dataSource.query(
        `SELECT version, changes, source, actor, changed_at AS "changedAt" FROM participant_history WHERE participant_id = $1 ORDER BY id`,
        [id],
      ),
      this.dataSource.query(
        `SELECT id, session_id AS "sessionId", module_id AS "moduleId", kind, state FROM registration WHERE participant_id = $1 ORDER BY created_at`,
        [id],
      ),
      this.dataSource.query(
        `SELECT module_id AS "moduleId", session_id AS "sessionId", completed_at AS "completedAt" FROM completion WHERE participant_id = $1`,
        [id],
      ),
    ]);
    return { ...person, history, registrations, completions };
  }
}
