import {
  AttestationIssuedV1,
  AttestationRevokedV1,
  CompletionRevokedV1,
  ConventionFactV1,
  DeploymentWavePlannedV1,
  EnrolmentCancelledV1,
  EnrolmentConfirmedV1,
  EvaluationSubmittedV1,
  HseAllocationV1,
  ModuleArchivedV1,
  ModulePublishedV1,
  ParticipantCompletedV1,
  PaymentBatchExportedV1,
  SchoolRegisteredV1,
  CanopeDtDescribedV1,
  AreaDescribedV1,
  SessionCancelledV1,
  SessionDeliveredV1,
  SessionScheduledV1,
} from '@forma/contracts';
import { upsertSchoolReplica } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PresenceProjectionRepository } from './presence-projection.repository';
import { PROJECTION_TABLES } from './projection-tables';
import { parisDay as day } from './projection-sql';
import { distinctRuns, plannedMinutes, profileOf, sessionSchoolYear, targetProfileOf } from './projection.rules';

/**
 * The facts and dimensions of the bilans, written in the inbox's transaction (or a rebuild's), one statement per fact
 * where it can be. Every write is idempotent for a redelivered event, and a state keeps the day it first began.
 */
@Injectable()
export class ProjectionRepository {
  constructor(private readonly presence: PresenceProjectionRepository) {}

  async upsertModule(manager: EntityManager, m: ModulePublishedV1, at: string): Promise<void> {
    await manager.query(
      `INSERT INTO offer_module (module_id, revision, title, kind, category, modality, academy, total_hours, published_at, origin, dispositif,
         target_profiles, face_to_face_minutes, distance_minutes, revisions, first_published_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, ${day(15)})
       ON CONFLICT (module_id) DO UPDATE SET revision = EXCLUDED.revision, title = EXCLUDED.title, kind = EXCLUDED.kind,
         category = EXCLUDED.category, modality = EXCLUDED.modality, academy = EXCLUDED.academy, total_hours = EXCLUDED.total_hours,
         published_at = EXCLUDED.published_at, origin = EXCLUDED.origin, dispositif = EXCLUDED.dispositif,
         target_profiles = EXCLUDED.target_profiles, face_to_face_minutes = EXCLUDED.face_to_face_minutes,
         distance_minutes = EXCLUDED.distance_minutes, revisions = offer_module.revisions + 1
       WHERE offer_module.revision < EXCLUDED.revision`,
      [
        m.moduleId,
        m.revision,
        m.title,
        m.kind,
        m.category,
        m.modality,
        m.academy,
        m.durations.faceToFaceHours + m.durations.distanceSynchronousHours + m.durations.distanceAsynchronousHours,
        m.publishedAt,
        m.origin ?? null,
        m.gaiaDispositif ?? null,
        m.targetProfiles,
        Math.round(m.durations.faceToFaceHours * 60),
        Math.round((m.durations.distanceSynchronousHours + m.durations.distanceAsynchronousHours) * 60),
        at,
      ],
    );
  }

  async archiveModule(manager: EntityManager, m: ModuleArchivedV1): Promise<void> {
    await manager.query(
      `UPDATE offer_module SET archived_on = ${day(2)} WHERE module_id = $1 AND archived_on IS NULL`,
      [m.moduleId, m.archivedAt],
    );
  }

  async upsertSchool(manager: EntityManager, s: SchoolRegisteredV1): Promise<void> {
    // reporting's schools are its geography dimension (school -> district -> department -> académie)
    await upsertSchoolReplica(manager, s);
  }

  /** A department's or a district's name (the bilans' labels). */
  async upsertAreaName(manager: EntityManager, a: AreaDescribedV1): Promise<void> {
    await manager.query(
      `INSERT INTO area_name (level, code, academy, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (level, code) DO UPDATE SET academy = EXCLUDED.academy, name = EXCLUDED.name`,
      [a.level, a.code, a.academy, a.name],
    );
  }

  /** A Canopé DT and the académies it serves: the `canope-dt` level of the bilans. */
  async upsertCanopeDt(manager: EntityManager, d: CanopeDtDescribedV1): Promise<void> {
    await manager.query(
      `INSERT INTO canope_dt (code, name, academies) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, academies = EXCLUDED.academies`,
      [d.code, d.name, d.academies],
    );
  }

  async upsertSession(manager: EntityManager, s: SessionScheduledV1, at: string): Promise<void> {
    const minutes = plannedMinutes(s.slots);
    await manager.query(
      `INSERT INTO fact_session (session_id, module_id, academy, place_uai, school_year, first_day, face_to_face_minutes, virtual_class_minutes, scheduled_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${day(9)})
       ON CONFLICT (session_id) DO UPDATE SET place_uai = EXCLUDED.place_uai, school_year = EXCLUDED.school_year, first_day = EXCLUDED.first_day,
         face_to_face_minutes = EXCLUDED.face_to_face_minutes, virtual_class_minutes = EXCLUDED.virtual_class_minutes`,
      [
        s.sessionId,
        s.moduleId,
        s.academy,
        s.placeUai ?? null,
        sessionSchoolYear(s.slots),
        minutesFirstDay(s),
        minutes.faceToFace,
        minutes.virtualClass,
        at,
      ],
    );
  }

  async cancelSession(manager: EntityManager, s: SessionCancelledV1): Promise<void> {
    await manager.query(
      `UPDATE fact_session SET cancelled_on = ${day(2)} WHERE session_id = $1 AND cancelled_on IS NULL`,
      [s.sessionId, s.cancelledAt],
    );
  }

  async deliverSession(manager: EntityManager, s: SessionDeliveredV1): Promise<void> {
    await manager.query(
      `UPDATE fact_session SET delivered_on = ${day(2)} WHERE session_id = $1 AND delivered_on IS NULL`,
      [s.sessionId, s.deliveredAt],
    );
  }

  /**
   * Confirmed registrations, set-based (an import's confirmations arrive in runs of thousands): each participant
   * counted with their school and profile. Presence recorded before a registration reached reporting (another topic)
   * is moved from the "unknown" bucket to the participant's. A run names a registration once, so the row each event
   * finds is the one the events before it left.
   */
  async confirmRegistrations(manager: EntityManager, confirmations: EnrolmentConfirmedV1[]): Promise<void> {
    for (const run of distinctRuns(confirmations, (r) => [r.registrationId])) await this.confirmRun(manager, run);
  }

  private async confirmRun(manager: EntityManager, run: EnrolmentConfirmedV1[]): Promise<void> {
    const ids = run.map((r) => r.registrationId);
    const before = new Map(
      (
        (await manager.query(
          'SELECT registration_id::text AS id, uai, profile FROM fact_registration WHERE registration_id = ANY($1::uuid[])',
          [ids],
        )) as { id: string; uai: string | null; profile: string }[]
      ).map((b) => [b.id, b]),
    );
    await manager.query(
      `INSERT INTO fact_registration (registration_id, session_id, module_id, academy, participant_id, uai, profile, confirmed_on, target_profile)
       SELECT n.registration_id, n.session_id, n.module_id, n.academy, n.participant_id, n.uai, n.profile,
              (n.confirmed_at AT TIME ZONE 'Europe/Paris')::date, n.target_profile
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::timestamptz[], $9::text[])
              AS n (registration_id, session_id, module_id, academy, participant_id, uai, profile, confirmed_at, target_profile)
       ON CONFLICT (registration_id) DO UPDATE SET uai = EXCLUDED.uai, profile = EXCLUDED.profile, target_profile = EXCLUDED.target_profile, cancelled_on = NULL`,
      [
        ids,
        run.map((r) => r.sessionId),
        run.map((r) => r.moduleId),
        run.map((r) => r.academy),
        run.map((r) => r.participantId),
        run.map((r) => r.uai ?? null),
        run.map((r) => profileOf(r.function)),
        run.map((r) => r.confirmedAt),
        run.map((r) => targetProfileOf(r.function)),
      ],
    );
    await this.refreshOutcomes(manager, ids);
    const moves = run.flatMap((r) => {
      const was = before.get(r.registrationId);
      const from = { uai: was?.uai ?? '', profile: was?.profile ?? '' };
      const to = { uai: r.uai ?? '', profile: profileOf(r.function) };
      return from.uai !== to.uai || from.profile !== to.profile ? [{ id: r.registrationId, from, to }] : [];
    });
    if (!moves.length) return;
    // only a registration with presence (a mark, a first counted day) has anything to move
    const present = new Set(
      (
        (await manager.query(
          `SELECT registration_id::text AS id FROM presence_mark WHERE registration_id = ANY($1::uuid[])
           UNION SELECT registration_id::text FROM registration_modality WHERE registration_id = ANY($1::uuid[])`,
          [moves.map((m) => m.id)],
        )) as { id: string }[]
      ).map((p) => p.id),
    );
    for (const m of moves) if (present.has(m.id)) await this.presence.moveRollup(manager, m.id, m.from, m.to);
  }

  async cancelRegistration(manager: EntityManager, r: EnrolmentCancelledV1): Promise<void> {
    await manager.query(
      `UPDATE fact_registration SET cancelled_on = ${day(2)} WHERE registration_id = $1 AND cancelled_on IS NULL`,
      [r.registrationId, r.cancelledAt],
    );
  }

  async complete(manager: EntityManager, c: ParticipantCompletedV1): Promise<void> {
    await manager.query(
      `INSERT INTO fact_completion (registration_id, session_id, completed_on)
       SELECT $1, $2, ${day(3)} WHERE NOT EXISTS (SELECT 1 FROM fact_completion WHERE registration_id = $1 AND revoked_on IS NULL)`,
      [c.registrationId, c.sessionId, c.completedAt],
    );
    await this.refreshOutcomes(manager, [c.registrationId]);
  }

  async revokeCompletion(manager: EntityManager, c: CompletionRevokedV1): Promise<void> {
    await manager.query(
      `UPDATE fact_completion SET revoked_on = ${day(2)} WHERE registration_id = $1 AND revoked_on IS NULL`,
      [c.registrationId, c.revokedAt],
    );
    await this.refreshOutcomes(manager, [c.registrationId]);
  }

  async issueAttestation(manager: EntityManager, a: AttestationIssuedV1): Promise<void> {
    await manager.query(
      `INSERT INTO fact_attestation (attestation_id, registration_id, session_id, issued_on) VALUES ($1, $2, $3, ${day(4)}) ON CONFLICT DO NOTHING`,
      [a.attestationId, a.registrationId, a.sessionId, a.issuedAt],
    );
    await this.refreshOutcomes(manager, [a.registrationId]);
  }

  async revokeAttestation(manager: EntityManager, a: AttestationRevokedV1): Promise<void> {
    const rows = (await manager.query(
      `WITH revoked AS (UPDATE fact_attestation SET revoked_on = ${day(2)} WHERE attestation_id = $1 AND revoked_on IS NULL RETURNING registration_id)
       SELECT registration_id FROM revoked`,
      [a.attestationId, a.revokedAt],
    )) as { registration_id: string }[];
    if (rows.length)
      await this.refreshOutcomes(
        manager,
        rows.map((r) => r.registration_id),
      );
  }

  /**
   * A registration's outcome, kept on its row so that a bilan counts completions and attestations in one scan: its
   * latest completion (and the day it was revoked) and its latest attestation (and the day it was revoked).
   */
  private async refreshOutcomes(manager: EntityManager, registrationIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE fact_registration r SET (completed_on, completion_revoked_on) = (
           SELECT c.completed_on, c.revoked_on FROM fact_completion c WHERE c.registration_id = r.registration_id ORDER BY c.id DESC LIMIT 1),
         (attested_on, attestation_revoked_on) = (
           SELECT a.issued_on, a.revoked_on FROM fact_attestation a WHERE a.registration_id = r.registration_id
            ORDER BY a.revoked_on IS NULL DESC, a.issued_on DESC, a.attestation_id LIMIT 1)
        WHERE r.registration_id = ANY($1::uuid[])`,
      [registrationIds],
    );
  }

  /**
   * A revision of a deployment wave of the training plan, kept beside the earlier ones (a bilan "as of" reads its own).
   */
  async planWave(manager: EntityManager, w: DeploymentWavePlannedV1): Promise<void> {
    const inserted = (await manager.query(
      `INSERT INTO plan_wave (wave_id, revision, academy, school_year, code, label, starts_on, ends_on, train_the_trainers, planned_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${day(10)}) ON CONFLICT DO NOTHING RETURNING wave_id`,
      [
        w.waveId,
        w.revision,
        w.academy,
        w.schoolYear,
        w.code,
        w.label,
        w.startsOn,
        w.endsOn,
        w.trainTheTrainers,
        w.plannedAt,
      ],
    )) as unknown[];
    if (!inserted.length || !w.lines.length) return;
    await manager.query(
      `INSERT INTO plan_line (wave_id, revision, module_id, profile, headcount, sessions, trainers, hours)
       SELECT $1, $2, l.module_id, l.profile, l.headcount, l.sessions, l.trainers, l.hours
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::int[], $7::int[], $8::numeric[]) AS l (module_id, profile, headcount, sessions, trainers, hours)`,
      [
        w.waveId,
        w.revision,
        w.lines.map((l) => l.moduleId),
        w.lines.map((l) => l.profile),
        w.lines.map((l) => l.headcount),
        w.lines.map((l) => l.sessions),
        w.lines.map((l) => l.trainers),
        w.lines.map((l) => l.hours),
      ],
    );
  }

  async countEvaluation(manager: EntityManager, e: EvaluationSubmittedV1): Promise<void> {
    await manager.query(
      `INSERT INTO fact_evaluation (session_id, answered_on, answers) VALUES ($1, $2, 1)
       ON CONFLICT (session_id, answered_on) DO UPDATE SET answers = fact_evaluation.answers + 1`,
      [e.sessionId, e.answeredOn],
    );
  }

  /** A convention's fact, and the day its state began (`state`: the column of that state, or none). */
  async conventionFact(
    manager: EntityManager,
    c: ConventionFactV1,
    state: 'signed_on' | 'service_fait_on' | 'validated_on' | 'closed_on' | null,
    at: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO fact_convention (convention_id, academy, uai, school_year) VALUES ($1, $2, $3, $4)
       ON CONFLICT (convention_id) DO NOTHING`,
      [c.conventionId, c.academy, c.uai, c.schoolYear],
    );
    if (state)
      await manager.query(
        `UPDATE fact_convention SET ${state} = ${day(2)} WHERE convention_id = $1 AND ${state} IS NULL`,
        [c.conventionId, at],
      );
  }

  async allocateHse(manager: EntityManager, h: HseAllocationV1): Promise<void> {
    await manager.query(
      `INSERT INTO fact_hse (convention_id, trainer_id, hse, allocated_on) VALUES ($1, $2, $3, ${day(4)})`,
      [h.conventionId, h.trainerId, h.hse, h.at],
    );
  }

  /** What a batch paid per convention (the convention's own facts may not have arrived yet: another topic). */
  async pay(manager: EntityManager, p: PaymentBatchExportedV1): Promise<void> {
    for (const c of p.conventions ?? []) {
      await manager.query(
        `INSERT INTO fact_hse_paid (convention_id, batch_id, hse, amount, paid_on) VALUES ($1, $2, $3, $4, ${day(5)}) ON CONFLICT DO NOTHING`,
        [c.conventionId, p.batchId, c.hse, c.amount, p.exportedAt],
      );
    }
  }

  /**
   * One digest of every projection table's content (rows in a stable order, generated ids left out): what a rebuild
   * compares with the live projections.
   */
  async digest(manager: EntityManager): Promise<string> {
    const parts: string[] = [];
    for (const table of PROJECTION_TABLES) {
      const [row] = (await manager.query(
        `SELECT md5(COALESCE(string_agg(t.j::text, ',' ORDER BY t.j::text), '')) AS d
           FROM (SELECT to_jsonb(x) - 'id' AS j FROM ${table} x) t`,
      )) as { d: string }[];
      parts.push(`${table}:${row.d}`);
    }
    return parts.join(' ');
  }

  /** Empties every projection (not the event log, not the BI feed): a rebuild then replays the log. */
  async truncate(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE ${PROJECTION_TABLES.join(', ')} RESTART IDENTITY`);
  }
}

function minutesFirstDay(s: SessionScheduledV1): string {
  return [...s.slots].map((slot) => slot.date).sort()[0];
}
