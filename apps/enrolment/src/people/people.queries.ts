import { Identity, reachesPerson } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeopleRepository } from './people.repository';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonChange, PersonCompletion, PersonProfile, PersonRegistration, PersonView } from './people.views';

const VIEW = `SELECT id, mail, last_name AS "lastName", first_name AS "firstName", function, grade, uai, profile, version, field_sources AS "fieldSources",
  created_at AS "createdAt", updated_at AS "updatedAt" FROM participant`;

/** What the API reads of people, within the caller's reach (docs/scopes.md): others are not found. */
@Injectable()
export class PeopleQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly personal: PersonalDataRepository,
  ) {}

  private async reachable<T extends { id: string }>(caller: Identity, rows: T[]): Promise<T[]> {
    const places = await this.people.places(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return rows.filter((r) => {
      const place = places.get(r.id);
      return !!place && reachesPerson(caller, place);
    });
  }

  async search(caller: Identity, filter: { mailKey: string | null; uai: string | null }): Promise<PersonView[]> {
    const rows: PersonView[] = await this.dataSource.query(
      `${VIEW} WHERE ($1::text IS NULL OR mail_key = $1) AND ($2::text IS NULL OR uai = $2) ORDER BY last_name, first_name LIMIT 500`,
      [filter.mailKey, filter.uai],
    );
    return this.reachable(caller, rows);
  }

  /** A person with the history of their changes, their registrations (in the caller's académie) and completions. */
  async profile(caller: Identity, id: string): Promise<PersonProfile | undefined> {
    const [person] = await this.reachable(
      caller,
      (await this.dataSource.query(`${VIEW} WHERE id = $1`, [id])) as PersonView[],
    );
    if (!person) return undefined;
    await this.personal.logAccess(caller, 'profile', { participantId: id });
    const [history, registrations, completions]: [PersonChange[], PersonRegistration[], PersonCompletion[]] =
      await Promise.all([
        this.dataSource.query(
          `SELECT version, changes, source, actor, changed_at AS "changedAt" FROM participant_history WHERE participant_id = $1 ORDER BY id`,
          [id],
        ),
        this.dataSource.query(
          `SELECT id, session_id AS "sessionId", module_id AS "moduleId", kind, state FROM registration
         WHERE participant_id = $1 AND academy = $2 ORDER BY created_at`,
          [id, caller.scope.academy],
        ),
        this.dataSource.query(
          `SELECT module_id AS "moduleId", session_id AS "sessionId", completed_at AS "completedAt" FROM completion WHERE participant_id = $1`,
          [id],
        ),
      ]);
    return { ...person, history, registrations, completions };
  }
}
