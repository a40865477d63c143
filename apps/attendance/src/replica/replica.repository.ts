import { Clock } from '@forma/domain';
import {
  EnrolmentCancelledV1,
  EnrolmentConfirmedV1,
  PersonErasedV1,
  mailHashSql,
  ModuleArchivedV1,
  ModulePublishedV1,
  SchoolRegisteredV1,
  SessionCancelledV1,
  SessionDeliveredV1,
  SessionScheduledV1,
} from '@forma/contracts';
import { upsertSchoolReplica } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

const minutes = (hours: number) => Math.round(hours * 60);

/**
 * The catalog's and enrolment's facts attendance keeps (sessions, modules, schools, the roster), as SQL. (An UPDATE
 * whose
 * rows are read is wrapped in a WITH: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].)
 */
@Injectable()
export class ReplicaRepository {
  constructor(private readonly clock: Clock) {}

  async upsertModule(manager: EntityManager, m: ModulePublishedV1): Promise<void> {
    await manager.query(
      `INSERT INTO module_replica (module_id, revision, title, academy, face_to_face_minutes, synchronous_minutes, asynchronous_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (module_id) DO UPDATE SET revision = EXCLUDED.revision, title = EXCLUDED.title, academy = EXCLUDED.academy,
         face_to_face_minutes = EXCLUDED.face_to_face_minutes, synchronous_minutes = EXCLUDED.synchronous_minutes,
         asynchronous_minutes = EXCLUDED.asynchronous_minutes
       WHERE module_replica.revision <= EXCLUDED.revision`,
      [
        m.moduleId,
        m.revision,
        m.title,
        m.academy,
        minutes(m.durations.faceToFaceHours),
        minutes(m.durations.distanceSynchronousHours),
        minutes(m.durations.distanceAsynchronousHours),
      ],
    );
  }

  async archiveModule(manager: EntityManager, m: ModuleArchivedV1): Promise<void> {
    await manager.query('UPDATE module_replica SET archived = true WHERE module_id = $1', [m.moduleId]);
  }

  async upsertSession(manager: EntityManager, s: SessionScheduledV1): Promise<void> {
    const trainers = s.trainers ?? (s.trainerMails ?? []).map((mail) => ({ name: mail, mail, role: 'trainer' }));
    await manager.query(
      `INSERT INTO session_replica (session_id, module_id, academy, group_number, slots, place_uai, place_label, status, trainers, trainer_mails, distance_ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (session_id) DO UPDATE SET module_id = EXCLUDED.module_id, academy = EXCLUDED.academy, group_number = EXCLUDED.group_number,
         slots = EXCLUDED.slots, place_uai = EXCLUDED.place_uai, place_label = EXCLUDED.place_label,
         status = CASE WHEN session_replica.status = 'delivered' THEN 'delivered' ELSE EXCLUDED.status END,
         trainers = EXCLUDED.trainers, trainer_mails = EXCLUDED.trainer_mails, distance_ends_on = EXCLUDED.distance_ends_on`,
      [
        s.sessionId,
        s.moduleId,
        s.academy,
        s.groupNumber,
        JSON.stringify(s.slots),
        s.placeUai ?? null,
        s.placeLabel ?? null,
        s.status,
        JSON.stringify(trainers),
        (s.trainerMails ?? []).map((m) => m.toLowerCase()),
        s.distanceEndsOn ?? null,
      ],
    );
  }

  async cancelSession(manager: EntityManager, s: SessionCancelledV1): Promise<void> {
    await manager.query("UPDATE session_replica SET status = 'cancelled' WHERE session_id = $1", [s.sessionId]);
  }

  /** Marks the session delivered; true the first time (so its trainers' hours are announced once). */
  async deliverSession(manager: EntityManager, s: SessionDeliveredV1): Promise<boolean> {
    const rows = (await manager.query(
      "WITH changed AS (UPDATE session_replica SET status = 'delivered', delivered_at = $2 WHERE session_id = $1 AND delivered_at IS NULL RETURNING session_id) SELECT session_id FROM changed",
      [s.sessionId, s.deliveredAt],
    )) as unknown[];
    return rows.length > 0;
  }

  async upsertSchool(manager: EntityManager, s: SchoolRegisteredV1): Promise<void> {
    await upsertSchoolReplica(manager, s);
  }

  /**
   * Confirmed registrations join their sessions' rosters (again, if they had been cancelled), in one statement; a
   * registration confirmed twice in the batch keeps its last confirmation.
   */
  async confirm(manager: EntityManager, confirmations: readonly EnrolmentConfirmedV1[]): Promise<void> {
    const last = [...new Map(confirmations.map((r) => [r.registrationId, r])).values()];
    if (!last.length) return;
    await manager.query(
      `INSERT INTO roster (registration_id, session_id, module_id, participant_id, academy, mail, last_name, first_name, uai, state, confirmed_at)
       SELECT registration_id, session_id, module_id, participant_id, academy, mail, last_name, first_name, uai, 'confirmed', confirmed_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
              AS r(registration_id, session_id, module_id, participant_id, academy, mail, last_name, first_name, uai, confirmed_at)
       ON CONFLICT (registration_id) DO UPDATE SET mail = EXCLUDED.mail, last_name = EXCLUDED.last_name, first_name = EXCLUDED.first_name,
         uai = EXCLUDED.uai, state = 'confirmed', cancelled_at = NULL
       WHERE roster.erased_at IS NULL`,
      [
        last.map((r) => r.registrationId),
        last.map((r) => r.sessionId),
        last.map((r) => r.moduleId),
        last.map((r) => r.participantId),
        last.map((r) => r.academy),
        last.map((r) => r.mail.trim().toLowerCase()),
        last.map((r) => r.lastName),
        last.map((r) => r.firstName),
        last.map((r) => r.uai ?? null),
        last.map((r) => r.confirmedAt),
      ],
    );
  }

  /** Cancelled registrations leave their rosters (their lines stay, cancelled), in one statement per batch. */
  async cancel(manager: EntityManager, cancellations: readonly EnrolmentCancelledV1[]): Promise<void> {
    await manager.query(
      "UPDATE roster SET state = 'cancelled', cancelled_at = $2 WHERE registration_id = ANY($1::uuid[])",
      [cancellations.map((r) => r.registrationId), this.clock.now()],
    );
  }

  /**
   * RGPD: the roster's lines of an erased person are pseudonymised (by id, or by their mail's hash), and the images of
   * their drawn signatures deleted (each signature's digest, method and time stay: the mark keeps its proof).
   */
  async erasePerson(manager: EntityManager, p: PersonErasedV1): Promise<void> {
    await manager.query(
      `WITH erased AS (
         UPDATE roster SET last_name = 'Personne effacée', first_name = '', mail = 'effacee-' || registration_id || '@forma.invalid', uai = NULL, erased_at = $3
          WHERE erased_at IS NULL AND (participant_id = $1 OR ${mailHashSql('mail')} = $2)
         RETURNING registration_id)
       UPDATE signature SET drawing = NULL, erased_at = $3 WHERE registration_id IN (SELECT registration_id FROM erased)`,
      [p.participantId, p.mailHash, p.erasedAt],
    );
  }
}
