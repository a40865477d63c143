import { EventEnvelope, ModulePublished, ModulePublishedV1 } from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

/** Keeps the offer projection: one row per published module, at its latest revision. */
@Controller()
export class OfferProjectionEventController {
  @HandleEvent(ModulePublished)
  async onModulePublished(@Payload() event: EventEnvelope<ModulePublishedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const { data } = event;
    await ctx.manager.query(
      `INSERT INTO received_event (event_id, event_type, event_version, source, aggregate_key, academy, occurred_at, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.id, event.type, event.version, event.source, event.key, event.academy ?? null, event.occurredAt, JSON.stringify(event)],
    );
    const hours =
      data.durations.faceToFaceHours + data.durations.distanceSynchronousHours + data.durations.distanceAsynchronousHours;
    await ctx.manager.query(
      `INSERT INTO offer_module (module_id, revision, title, kind, category, modality, academy, total_hours, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (module_id) DO UPDATE SET revision = EXCLUDED.revision, title = EXCLUDED.title, kind = EXCLUDED.kind,
         category = EXCLUDED.category, modality = EXCLUDED.modality, academy = EXCLUDED.academy,
         total_hours = EXCLUDED.total_hours, published_at = EXCLUDED.published_at
       WHERE offer_module.revision <= EXCLUDED.revision`,
      [data.moduleId, data.revision, data.title, data.kind, data.category, data.modality, data.academy, hours, data.publishedAt],
    );
  }
}
