import {
  EnrolmentCancelled,
  EnrolmentCancelledV1,
  EnrolmentConfirmed,
  EnrolmentConfirmedV1,
  EventEnvelope,
  ModuleArchived,
  ModuleArchivedV1,
  ModulePublished,
  ModulePublishedV1,
  ModuleRevised,
  SchoolRegistered,
  SchoolRegisteredV1,
  SessionCancelled,
  SessionCancelledV1,
  SessionRescheduled,
  SessionScheduled,
  SessionScheduledV1,
} from '@forma/contracts';
import { EventContext, HandleEvent, HandleEventBatch } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReplicaRepository } from './replica.repository';

/**
 * Attendance's local copies of other contexts' facts: modules (title, planned durations, archived), sessions (slots,
 * place, trainers, status), schools (district, department) and the roster of confirmed registrations. Each handler
 * writes in the inbox's transaction (exactly once); sessions' deliveries are trainer-hours'
 * (TrainerHoursEventController).
 */
@Controller()
export class ReplicaEventController {
  constructor(private readonly replicas: ReplicaRepository) {}

  @HandleEvent(ModulePublished)
  onModulePublished(@Payload() event: EventEnvelope<ModulePublishedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.upsertModule(ctx.manager, event.data);
  }

  @HandleEvent(ModuleRevised)
  onModuleRevised(@Payload() event: EventEnvelope<ModulePublishedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.upsertModule(ctx.manager, event.data);
  }

  @HandleEvent(ModuleArchived)
  onModuleArchived(@Payload() event: EventEnvelope<ModuleArchivedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.archiveModule(ctx.manager, event.data);
  }

  @HandleEvent(SessionScheduled)
  onSessionScheduled(@Payload() event: EventEnvelope<SessionScheduledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.upsertSession(ctx.manager, event.data);
  }

  @HandleEvent(SessionRescheduled)
  onSessionRescheduled(@Payload() event: EventEnvelope<SessionScheduledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.upsertSession(ctx.manager, event.data);
  }

  @HandleEvent(SessionCancelled)
  onSessionCancelled(@Payload() event: EventEnvelope<SessionCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.cancelSession(ctx.manager, event.data);
  }

  @HandleEvent(SchoolRegistered)
  onSchoolRegistered(@Payload() event: EventEnvelope<SchoolRegisteredV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.upsertSchool(ctx.manager, event.data);
  }

  /** In batches (consecutive confirmations of a partition, one statement): an import's 100,000 reach rosters fast. */
  @HandleEventBatch(EnrolmentConfirmed)
  onConfirmed(@Payload() events: EventEnvelope<EnrolmentConfirmedV1>[], @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.confirm(
      ctx.manager,
      events.map((e) => e.data),
    );
  }

  @HandleEventBatch(EnrolmentCancelled)
  onCancelled(@Payload() events: EventEnvelope<EnrolmentCancelledV1>[], @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.cancel(
      ctx.manager,
      events.map((e) => e.data),
    );
  }
}
