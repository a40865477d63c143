import { EventEnvelope, ModulePublished, ModulePublishedV1 } from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { OfferProjectionRepository } from './offer-projection.repository';

/** Keeps the offer projection: one row per published module, at its latest revision. */
@Controller()
export class OfferProjectionEventController {
  constructor(private readonly projection: OfferProjectionRepository) {}

  @HandleEvent(ModulePublished)
  async onModulePublished(@Payload() event: EventEnvelope<ModulePublishedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await this.projection.keep(ctx.manager, event);
    await this.projection.upsertModule(ctx.manager, event.data);
  }
}
