import {
  ModuleArchivedV1,
  ModulePublishedV1,
  CompletionRevokedV1,
  ParticipantCompletedV1,
  SchoolRegisteredV1,
  SessionScheduledV1,
} from '@forma/contracts';
import { upsertSchoolReplica } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Enrolment's local copies of other contexts' facts, as SQL, in the inbox's transaction. Each write is idempotent. */
@Injectable()
export class ReplicaRepository {
  async upsertModule(manager: EntityManager, m: ModulePublishedV1): Promise<void> {
    const hours =
      m.durations.faceToFaceHours + m.durations.distanceSynchronousHours + m.durations.distanceAsynchronousHours;
    await manager.query(
      `INSERT INTO module_replica (module_id, revision, title, academy, prerequisite_module_ids, themes, total_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (module_id) DO UPDATE SET revision = EXCLUDED.revision, title = EXCLUDED.title, academy = EXCLUDED.academy,
         prerequisite_module_ids = EXCLUDED.prerequisite_module_ids, themes = EXCLUDED.themes, total_hours = EXCLUDED.total_hours
       WHERE module_replica.revision <= EXCLUDED.revision`,
      [m.moduleId, m.revision, m.title, m.academy, m.prerequisiteModuleIds ?? [], m.themes ?? [], hours],
    );
  }

  async archiveModule(manager: EntityManager, m: ModuleArchivedV1): Promise<void> {
    await manager.query(
      `INSERT INTO module_replica (module_id, revision, title, academy, archived) VALUES ($1, $2, '', '', true)
       ON CONFLICT (module_id) DO UPDATE SET archived = true`,
      [m.moduleId, m.revision],
    );
  }

  /** Writes the session's facts (a cancelled or delivered session stays so); returns the capacity it had, if known. */
  async upsertSession(
    manager: EntityManager,
    s: SessionScheduledV1,
  ): Promise<{ previousCapacity: number | undefined }> {
    const [previous] = (await manager.query('SELECT capacity FROM session_replica WHERE session_id = $1 FOR UPDATE', [
      s.sessionId,
    ])) as {
      capacity: number;
    }[];
    await manager.query(
      `INSERT INTO session_replica (session_id, module_id, module_revision, academy, group_number, capacity, status, slots, place_uai, gaia_session_id, trainer_mails)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (session_id) DO UPDATE SET module_id = EXCLUDED.module_id, module_revision = EXCLUDED.module_revision,
         academy = EXCLUDED.academy, group_number = EXCLUDED.group_number, capacity = EXCLUDED.capacity,
         status = CASE WHEN session_replica.status IN ('cancelled', 'delivered') THEN session_replica.status ELSE EXCLUDED.status END,
         slots = EXCLUDED.slots, place_uai = EXCLUDED.place_uai, gaia_session_id = EXCLUDED.gaia_session_id,
         trainer_mails = EXCLUDED.trainer_mails, updated_at = now()`,
      [
        s.sessionId,
        s.moduleId,
        s.moduleRevision,
        s.academy,
        s.groupNumber,
        s.capacity,
        s.status,
        JSON.stringify(s.slots),
        s.placeUai ?? null,
        s.gaiaSessionId ?? null,
        (s.trainerMails ?? []).map((m) => m.toLowerCase()),
      ],
    );
    return { previousCapacity: previous?.capacity };
  }

  /** Marks a known session cancelled; false when it was never scheduled here (nothing registered to it). */
  async cancelSession(manager: EntityManager, sessionId: string, reason: string): Promise<boolean> {
    const [, count] = (await manager.query(
      `UPDATE session_replica SET status = 'cancelled', cancel_reason = $2, updated_at = now() WHERE session_id = $1`,
      [sessionId, reason],
    )) as [unknown, number];
    return count > 0;
  }

  async markDelivered(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE session_replica SET status = 'delivered', updated_at = now() WHERE session_id = $1`, [
      sessionId,
    ]);
  }

  async upsertSchool(manager: EntityManager, s: SchoolRegisteredV1): Promise<void> {
    await upsertSchoolReplica(manager, s);
  }

  async recordCompletion(manager: EntityManager, c: ParticipantCompletedV1): Promise<void> {
    await manager.query(
      `INSERT INTO completion (participant_id, module_id, session_id, completed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (participant_id, module_id) DO NOTHING`,
      [c.participantId, c.moduleId, c.sessionId, c.completedAt],
    );
  }

  /** A revoked completion no longer meets the prerequisites that named its module (unless another session's does). */
  async revokeCompletion(manager: EntityManager, c: CompletionRevokedV1): Promise<void> {
    await manager.query('DELETE FROM completion WHERE participant_id = $1 AND module_id = $2 AND session_id = $3', [
      c.participantId,
      c.moduleId,
      c.sessionId,
    ]);
  }
}
