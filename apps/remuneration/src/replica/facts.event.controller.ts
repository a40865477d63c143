import {
  EventEnvelope,
  PersonErased,
  PersonErasedV1,
  SchoolRegistered,
  SchoolRegisteredV1,
  TrainerHoursDelivered,
  TrainerHoursDeliveredV1,
} from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { HseRepository } from '../hse/hse.repository';

/**
 * Remuneration's copies of other contexts' facts: the hours trainers delivered (attendance), the schools (catalog),
 * erasures (enrolment).
 */
@Controller()
export class FactsEventController {
  constructor(private readonly hse: HseRepository) {}

  @HandleEvent(TrainerHoursDelivered)
  onHours(@Payload() event: EventEnvelope<TrainerHoursDeliveredV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.hse.recordHours(ctx.manager, event.data);
  }

  @HandleEvent(PersonErased)
  onPersonErased(@Payload() event: EventEnvelope<PersonErasedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.hse.erasePerson(ctx.manager, event.data);
  }

  @HandleEvent(SchoolRegistered)
  onSchool(@Payload() event: EventEnvelope<SchoolRegisteredV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.hse.upsertSchool(ctx.manager, event.data);
  }
}
