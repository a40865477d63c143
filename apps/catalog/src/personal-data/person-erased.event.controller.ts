import { EventEnvelope, PersonErased, PersonErasedV1 } from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { TrainerErasure } from './trainer-erasure.service';

/** Enrolment erased a person: the catalog erases what it holds of them, in the inbox's transaction. */
@Controller()
export class PersonErasedEventController {
  constructor(private readonly erasure: TrainerErasure) {}

  @HandleEvent(PersonErased)
  async onPersonErased(@Payload() event: EventEnvelope<PersonErasedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.erasure.erase(ctx.manager, event.data.mailHash);
  }
}
