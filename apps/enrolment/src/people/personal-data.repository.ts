import { Clock } from '@forma/domain';
import { Identity, isAcademyWide } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ExportedRegistration, PersonalDataAccess, PersonalDataExport, PersonCompletion } from './people.views';

/** Pseudonymisation of a person and the access log of administrators' reads, as SQL. */
@Injectable()
export class PersonalDataRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Keeps a read of personal data by an administrator (the académie-wide roles): who, why, whose, when. */
  async logAccess(
    caller: Identity,
    purpose: string,
    subject: { participantId?: string; sessionId?: string },
  ): Promise<void> {
    if (!isAcademyWide(caller)) return;
    await this.dataSource.query(
      `INSERT INTO personal_data_access (actor, roles, academy, purpose, participant_id, session_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        caller.sub,
        caller.roles,
        caller.scope.academy,
        purpose,
        subject.participantId ?? null,
        subject.sessionId ?? null,
      ],
    );
  }

  /** Keeps one read of several people's data at once (a page of a school's registrations), one line each. */
  async logAccessOfMany(caller: Identity, purpose: string, participantIds: readonly string[]): Promise<void> {
    if (!isAcademyWide(caller) || !participantIds.length) return;
    await this.dataSource.query(
      `INSERT INTO personal_data_access (actor, roles, academy, purpose, participant_id)
       SELECT $1, $2, $3, $4, id FROM unnest($5::uuid[]) AS id`,
      [caller.sub, caller.roles, caller.scope.academy, purpose, [...new Set(participantIds)]],
    );
  }

  accessLog(participantId: string): Promise<PersonalDataAccess[]> {
    return this.dataSource.query(
      `SELECT actor, roles, academy, purpose, at FROM personal_data_access WHERE participant_id = $1 ORDER BY id`,
      [participantId],
    );
  }

  /**
   * Pseudonymises a person in place: identity fields, the history of their changes and the import rows that held them.
   * Their registrations stay (attendance and payment are kept by law), now pointing to nobody nameable.
   */
  async pseudonymise(manager: EntityManager, participantId: string, mailKey: string): Promise<void> {
    const alias = `efface-${participantId}@forma.invalid`;
    await manager.query(
      `UPDATE participant SET mail = $2, mail_key = $2, last_name = 'Personne effacée', first_name = '', function = NULL, grade = NULL,
         uai = NULL, profile = NULL, field_sources = '{}', erased_at = $3, version = version + 1, updated_at = $3
       WHERE id = $1`,
      [participantId, alias, this.clock.now()],
    );
    await manager.query(`UPDATE participant_history SET changes = '{"effacé": true}' WHERE participant_id = $1`, [
      participantId,
    ]);
    await manager.query(
      `UPDATE import_rejection SET cells = '{}', message = 'Ligne effacée (RGPD).'
       WHERE EXISTS (SELECT 1 FROM unnest(cells) c WHERE lower(trim(c)) = $1)`,
      [mailKey],
    );
    await manager.query(
      `DELETE FROM convocation WHERE state = 'pending' AND registration_id IN (SELECT id FROM registration WHERE participant_id = $1)`,
      [participantId],
    );
  }

  async registrationIds(manager: EntityManager, participantId: string): Promise<string[]> {
    return (
      (await manager.query('SELECT id FROM registration WHERE participant_id = $1', [participantId])) as {
        id: string;
      }[]
    ).map((r) => r.id);
  }

  /** Everything enrolment holds of a person: their record, its history, their registrations and completions. */
  async everythingOf(manager: EntityManager, id: string): Promise<Omit<PersonalDataExport, 'exportedAt' | 'service'>> {
    const [person] = (await manager.query(
      `SELECT id, mail, last_name AS "lastName", first_name AS "firstName", function, grade, uai, profile, field_sources AS "fieldSources",
         created_at AS "createdAt", updated_at AS "updatedAt", erased_at AS "erasedAt" FROM participant WHERE id = $1`,
      [id],
    )) as PersonalDataExport['person'][];
    const [history, registrations, completions] = (await Promise.all([
      manager.query(
        'SELECT version, changes, source, changed_at AS "changedAt" FROM participant_history WHERE participant_id = $1 ORDER BY id',
        [id],
      ),
      manager.query(
        `SELECT r.id, r.session_id AS "sessionId", r.module_id AS "moduleId", r.kind, r.state, r.academy, r.created_at AS "createdAt",
           (SELECT json_agg(json_build_object('from', t.from_state, 'to', t.to_state, 'reason', t.reason, 'at', t.at) ORDER BY t.id)
              FROM registration_transition t WHERE t.registration_id = r.id) AS transitions
         FROM registration r WHERE r.participant_id = $1 ORDER BY r.created_at`,
        [id],
      ),
      manager.query(
        'SELECT module_id AS "moduleId", session_id AS "sessionId", completed_at AS "completedAt" FROM completion WHERE participant_id = $1',
        [id],
      ),
    ])) as [PersonalDataExport['history'], ExportedRegistration[], PersonCompletion[]];
    return { person, history, registrations, completions };
  }
}
