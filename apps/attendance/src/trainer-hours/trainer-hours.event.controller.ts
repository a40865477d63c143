import { EventEnvelope, SessionDelivered, SessionDeliveredV1 } from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { TrainerHoursService } from './trainer-hours.service';

/** The catalog says a session was delivered: its trainers' hours are announced (TrainerHoursService). */
@Controller()
export class TrainerHoursEventController {
  constructor(private readonly hours: TrainerHoursService) {}

  @HandleEvent(SessionDelivered)
  onDelivered(@Payload() event: EventEnvelope<SessionDeliveredV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.hours.delivered(ctx.manager, event.data);
  }
}
