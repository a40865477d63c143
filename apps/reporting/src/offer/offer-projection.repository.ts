import { EventEnvelope, ModulePublishedV1 } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The append-only copy of what reporting received, and the offer projection, as SQL in the inbox's transaction. */
@Injectable()
export class OfferProjectionRepository {
  async keep(manager: EntityManager, event: EventEnvelope<unknown>): Promise<void> {
    await manager.query(
      `INSERT INTO received_event (event_id, event_type, event_version, source, aggregate_key, academy, occurred_at, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.id, event.type, event.version, event.source, event.key, event.academy ?? null, event.occurredAt, JSON.stringify(event)],
    );
  }

  /** One row per published module, at its latest revision (an older revision arriving late changes nothing). */
  async upsertModule(manager: EntityManager, data: ModulePublishedV1): Promise<void> {
    const hours = data.durations.faceToFaceHours + data.durations.distanceSynchronousHours + data.durations.distanceAsynchronousHours;
    await manager.query(
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
