import {
  EventEnvelope,
  ModuleArchived,
  ModuleArchivedV1,
  ModulePublished,
  ModulePublishedV1,
  ModuleRevised,
  ParticipantCompleted,
  ParticipantCompletedV1,
  SchoolRegistered,
  SchoolRegisteredV1,
  SessionCancelled,
  SessionCancelledV1,
  SessionDelivered,
  SessionDeliveredV1,
  SessionRescheduled,
  SessionScheduled,
  SessionScheduledV1,
} from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { RegistrationDesk } from '../registrations/registration-desk';

/**
 * Enrolment's local replicas of other contexts' facts: modules (title, prerequisites, archived), sessions (capacity,
 * status, GAIA id), schools (UAI) and completions. Each handler writes in the inbox's transaction (exactly once).
 */
@Controller()
export class CatalogReplicaEventController {
  constructor(private readonly desk: RegistrationDesk) {}

  @HandleEvent(ModulePublished)
  async onModulePublished(@Payload() event: EventEnvelope<ModulePublishedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const m = event.data;
    const hours = m.durations.faceToFaceHours + m.durations.distanceSynchronousHours + m.durations.distanceAsynchronousHours;
    await ctx.manager.query(
      `INSERT INTO module_replica (module_id, revision, title, academy, prerequisite_module_ids, themes, total_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (module_id) DO UPDATE SET revision = EXCLUDED.revision, title = EXCLUDED.title, academy = EXCLUDED.academy,
         prerequisite_module_ids = EXCLUDED.prerequisite_module_ids, themes = EXCLUDED.themes, total_hours = EXCLUDED.total_hours
       WHERE module_replica.revision <= EXCLUDED.revision`,
      [m.moduleId, m.revision, m.title, m.academy, m.prerequisiteModuleIds ?? [], m.themes ?? [], hours],
    );
  }

  @HandleEvent(ModuleRevised)
  onModuleRevised(@Payload() event: EventEnvelope<ModulePublishedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.onModulePublished(event, ctx);
  }

  @HandleEvent(ModuleArchived)
  async onModuleArchived(@Payload() event: EventEnvelope<ModuleArchivedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query(
      `INSERT INTO module_replica (module_id, revision, title, academy, archived) VALUES ($1, $2, '', '', true)
       ON CONFLICT (module_id) DO UPDATE SET archived = true`,
      [event.data.moduleId, event.data.revision],
    );
  }

  @HandleEvent(SessionScheduled)
  async onSessionScheduled(@Payload() event: EventEnvelope<SessionScheduledV1>, @Ctx() ctx: EventContext): Promise<void> {
    const s = event.data;
    const [previous] = (await ctx.manager.query('SELECT capacity, status FROM session_replica WHERE session_id = $1 FOR UPDATE', [s.sessionId])) as {
      capacity: number;
      status: string;
    }[];
    await ctx.manager.query(
      `INSERT INTO session_replica (session_id, module_id, module_revision, academy, group_number, capacity, status, slots, place_uai, gaia_session_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (session_id) DO UPDATE SET module_id = EXCLUDED.module_id, module_revision = EXCLUDED.module_revision,
         academy = EXCLUDED.academy, group_number = EXCLUDED.group_number, capacity = EXCLUDED.capacity,
         status = CASE WHEN session_replica.status IN ('cancelled', 'delivered') THEN session_replica.status ELSE EXCLUDED.status END,
         slots = EXCLUDED.slots, place_uai = EXCLUDED.place_uai, gaia_session_id = EXCLUDED.gaia_session_id, updated_at = now()`,
      [s.sessionId, s.moduleId, s.moduleRevision, s.academy, s.groupNumber, s.capacity, s.status, JSON.stringify(s.slots), s.placeUai ?? null, s.gaiaSessionId ?? null],
    );
    if (previous && s.capacity > previous.capacity) {
      // more seats: the waitlist moves up
      const session = await this.desk.lockSession(ctx.manager, s.sessionId);
      await this.desk.promote(ctx.manager, session, 'catalog');
    }
  }

  @HandleEvent(SessionRescheduled)
  onSessionRescheduled(@Payload() event: EventEnvelope<SessionScheduledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.onSessionScheduled(event, ctx);
  }

  @HandleEvent(SessionCancelled)
  async onSessionCancelled(@Payload() event: EventEnvelope<SessionCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    const [known] = (await ctx.manager.query('SELECT 1 FROM session_replica WHERE session_id = $1', [event.data.sessionId])) as unknown[];
    if (!known) return; // never scheduled here: nothing registered
    await ctx.manager.query(`UPDATE session_replica SET status = 'cancelled', cancel_reason = $2, updated_at = now() WHERE session_id = $1`, [
      event.data.sessionId,
      event.data.reason,
    ]);
    const session = await this.desk.lockSession(ctx.manager, event.data.sessionId);
    await this.desk.cancelAll(ctx.manager, session, 'session_cancelled', event.data.reason, 'catalog');
  }

  @HandleEvent(SessionDelivered)
  async onSessionDelivered(@Payload() event: EventEnvelope<SessionDeliveredV1>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query(`UPDATE session_replica SET status = 'delivered', updated_at = now() WHERE session_id = $1`, [event.data.sessionId]);
  }

  @HandleEvent(SchoolRegistered)
  async onSchoolRegistered(@Payload() event: EventEnvelope<SchoolRegisteredV1>, @Ctx() ctx: EventContext): Promise<void> {
    const s = event.data;
    await ctx.manager.query(
      `INSERT INTO school_replica (uai, name, academy) VALUES ($1, $2, $3)
       ON CONFLICT (uai) DO UPDATE SET name = EXCLUDED.name, academy = EXCLUDED.academy`,
      [s.uai, s.name, s.academy],
    );
  }

  @HandleEvent(ParticipantCompleted)
  async onParticipantCompleted(@Payload() event: EventEnvelope<ParticipantCompletedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const c = event.data;
    await ctx.manager.query(
      `INSERT INTO completion (participant_id, module_id, session_id, completed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (participant_id, module_id) DO NOTHING`,
      [c.participantId, c.moduleId, c.sessionId, c.completedAt],
    );
  }
}
