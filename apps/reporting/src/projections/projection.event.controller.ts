import { EVENT_DEFINITIONS, EventEnvelope } from '@forma/contracts';
import { EventContext, HandleEvents, HandleUnknownEvents } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ProjectionService } from './projection.service';

/**
 * Reporting feeds on every event of the platform: each is kept in the event log, then applied to the projections, in
 * the inbox's transaction. Events of a type or version reporting does not know are kept and reported, never applied,
 * and never stop the others.
 */
@Controller()
export class ProjectionEventController {
  constructor(private readonly projections: ProjectionService) {}

  @HandleEvents(EVENT_DEFINITIONS, { batch: true })
  async onEvents(@Payload() events: EventEnvelope<unknown>[], @Ctx() ctx: EventContext): Promise<void> {
    await this.projections.receive(ctx.manager, events);
  }

  @HandleUnknownEvents()
  async onUnknown(@Payload() event: EventEnvelope<unknown>, @Ctx() ctx: EventContext): Promise<void> {
    await this.projections.keepUnknown(ctx.manager, event);
  }
}
