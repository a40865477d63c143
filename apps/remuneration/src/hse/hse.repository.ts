import { mailHashSql, PersonErasedV1, SchoolRegisteredV1, TrainerHoursDeliveredV1 } from '@forma/contracts';
import { upsertSchoolReplica } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The hours delivered (attendance's facts), the schools, and the HSE allocated under the cap, as SQL. */
@Injectable()
export class HseRepository {
  async recordHours(manager: EntityManager, h: TrainerHoursDeliveredV1): Promise<void> {
    await manager.query(
      `INSERT INTO delivered_hours (session_id, trainer_key, name, mail, role, face_to_face_minutes, virtual_class_minutes, follow_up_minutes, delivered_at, academy)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (session_id, trainer_key) DO UPDATE SET name = EXCLUDED.name, face_to_face_minutes = EXCLUDED.face_to_face_minutes,
         virtual_class_minutes = EXCLUDED.virtual_class_minutes, follow_up_minutes = EXCLUDED.follow_up_minutes, delivered_at = EXCLUDED.delivered_at`,
      [
        h.sessionId,
        (h.trainer.mail ?? h.trainer.name).trim().toLowerCase(),
        h.trainer.name,
        h.trainer.mail ?? null,
        h.trainer.role,
        h.faceToFaceMinutes,
        h.virtualClassMinutes,
        h.followUpMinutes,
        h.deliveredAt,
        h.academy,
      ],
    );
  }

  async upsertSchool(manager: EntityManager, s: SchoolRegisteredV1): Promise<void> {
    await upsertSchoolReplica(manager, s);
  }

  /**
   * Adds `hse` to a trainer's allocation in one statement, only while the total stays within the trainer's cap and the
   * hours they delivered on the convention's sessions; concurrent proposals queue on the row and each sees the last
   * total. The CHECK constraint `hse_within_cap` holds the cap even against a wrong statement.
   */
  async allocate(
    manager: EntityManager,
    conventionId: string,
    trainerId: string,
    hse: string,
  ): Promise<{ allocated: string } | { refusal: 'cap_exceeded' | 'above_delivered_hours'; allocated: string }> {
    const [row] = (await manager.query(
      `WITH delivered AS (
         SELECT COALESCE(sum(d.face_to_face_minutes + d.virtual_class_minutes + d.follow_up_minutes), 0) / 60.0 AS hours
           FROM delivered_hours d JOIN convention_trainer t ON t.id = $2 AND d.trainer_key = t.mail
           JOIN convention c ON c.id = $1 AND c.academy = d.academy
          WHERE d.session_id IN (SELECT session_id FROM plan_line WHERE convention_id = $1 AND session_id IS NOT NULL)
       ), changed AS (
         UPDATE convention_trainer t SET allocated_hse = t.allocated_hse + $3::numeric
          WHERE t.id = $2 AND t.convention_id = $1 AND t.allocated_hse + $3::numeric <= t.cap_hse
            AND t.allocated_hse + $3::numeric <= (SELECT hours FROM delivered)
         RETURNING t.allocated_hse
       )
       SELECT (SELECT allocated_hse::text FROM changed) AS allocated`,
      [conventionId, trainerId, hse],
    )) as { allocated: string | null }[];
    if (row.allocated !== null) return { allocated: row.allocated };
    // refused: why is read again in a new statement (the one above saw the total before the proposals it waited for)
    const [now] = (await manager.query(
      `SELECT allocated_hse + $2::numeric > cap_hse AS "overCap", allocated_hse::text AS allocated FROM convention_trainer WHERE id = $1`,
      [trainerId, hse],
    )) as { overCap: boolean; allocated: string }[];
    return { refusal: now.overCap ? 'cap_exceeded' : 'above_delivered_hours', allocated: now.allocated };
  }

  /**
   * RGPD: the hours an erased person delivered lose their name and mail (the key becomes the mail's hash). Conventions
   * and payments that name them are kept: they are payroll records (docs/scopes.md, what is kept and why).
   */
  async erasePerson(manager: EntityManager, p: PersonErasedV1): Promise<void> {
    await manager.query(
      // a key of its own per row: a session may already hold an erased line of the same person (hours replayed after)
      `UPDATE delivered_hours SET name = 'Personne effacée', mail = NULL, trainer_key = 'effacé:' || gen_random_uuid()
        WHERE ${mailHashSql('trainer_key')} = $1`,
      [p.mailHash],
    );
  }
}
