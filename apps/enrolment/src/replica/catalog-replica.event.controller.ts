import {
  CompletionRevoked,
  CompletionRevokedV1,
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
import { ReplicaRepository } from './replica.repository';
import { SessionReplicas } from './replicas.service';

/**
 * Enrolment's local replicas of other contexts' facts: modules (title, prerequisites, archived), sessions (capacity,
 * status, GAIA id), schools (UAI) and completions. Each handler writes in the inbox's transaction (exactly once).
 */
@Controller()
export class CatalogReplicaEventController {
  constructor(
    private readonly replicas: ReplicaRepository,
    private readonly sessions: SessionReplicas,
  ) {}

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
    return this.sessions.scheduled(ctx.manager, event.data);
  }

  @HandleEvent(SessionRescheduled)
  onSessionRescheduled(@Payload() event: EventEnvelope<SessionScheduledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.sessions.scheduled(ctx.manager, event.data);
  }

  @HandleEvent(SessionCancelled)
  onSessionCancelled(@Payload() event: EventEnvelope<SessionCancelledV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.sessions.cancelled(ctx.manager, event.data.sessionId, event.data.reason);
  }

  @HandleEvent(SessionDelivered)
  onSessionDelivered(@Payload() event: EventEnvelope<SessionDeliveredV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.markDelivered(ctx.manager, event.data.sessionId);
  }

  @HandleEvent(SchoolRegistered)
  onSchoolRegistered(@Payload() event: EventEnvelope<SchoolRegisteredV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.upsertSchool(ctx.manager, event.data);
  }

  @HandleEvent(ParticipantCompleted)
  onParticipantCompleted(
    @Payload() event: EventEnvelope<ParticipantCompletedV1>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    return this.replicas.recordCompletion(ctx.manager, event.data);
  }

  @HandleEvent(CompletionRevoked)
  onCompletionRevoked(@Payload() event: EventEnvelope<CompletionRevokedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.revokeCompletion(ctx.manager, event.data);
  }
}
