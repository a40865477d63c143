import { Clock } from '@forma/domain';
import { ModuleResponse } from '@forma/api';
import { ModuleArchived, ModulePublished, ModulePublishedV1, ModuleRevised } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ModuleRepository } from './module.repository';
import { TrainingModule } from '../catalog.entities';

/**
 * A module's publication lifecycle inside the caller's transaction: publish, revise (a new revision kept beside the
 * old ones), archive, each saved with its snapshot and announced on the outbox. Every module use case goes through it.
 */
@Injectable()
export class ModulePublication {
  constructor(
    private readonly modules: ModuleRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** First publication: keeps revision 1 and announces `ModulePublished`. */
  async publish(manager: EntityManager, module: TrainingModule): Promise<TrainingModule> {
    module.status = 'published';
    module.publishedAt = this.clock.now();
    const saved = await this.modules.save(manager, module);
    const payload = await this.payload(manager, saved);
    await this.snapshot(manager, saved, payload);
    await this.events.publish(manager, ModulePublished, payload);
    return saved;
  }

  /** A change to a published module: a new revision, kept beside the old one, and `ModuleRevised`. */
  async revise(manager: EntityManager, module: TrainingModule): Promise<TrainingModule> {
    const previousRevision = module.revision;
    module.revision += 1;
    const saved = await this.modules.save(manager, module);
    const payload = await this.payload(manager, saved);
    await this.snapshot(manager, saved, payload);
    await this.events.publish(manager, ModuleRevised, {
      ...payload,
      previousRevision,
      revisedAt: saved.updatedAt.toISOString(),
    });
    return saved;
  }

  async archive(manager: EntityManager, module: TrainingModule): Promise<TrainingModule> {
    module.status = 'archived';
    module.archivedAt = this.clock.now();
    const saved = await this.modules.save(manager, module);
    await this.events.publish(manager, ModuleArchived, {
      moduleId: saved.id,
      revision: saved.revision,
      archivedAt: (saved.archivedAt ?? this.clock.now()).toISOString(),
    });
    return saved;
  }

  /** Saves a draft, or a published module through `revise`: what an edit does depends on the state. */
  async saveEdited(manager: EntityManager, module: TrainingModule): Promise<TrainingModule> {
    return module.status === 'published' ? this.revise(manager, module) : this.modules.save(manager, module);
  }

  async response(manager: EntityManager, module: TrainingModule): Promise<ModuleResponse> {
    return toModuleResponse(module, await this.modules.prerequisitesOf(manager, module.id));
  }

  private async payload(manager: EntityManager, m: TrainingModule): Promise<ModulePublishedV1> {
    return {
      moduleId: m.id,
      revision: m.revision,
      title: m.title,
      kind: m.kind,
      category: m.category,
      modality: m.modality,
      targetProfiles: m.targetProfiles,
      academy: m.academy,
      durations: {
        faceToFaceHours: m.faceToFaceHours,
        distanceSynchronousHours: m.distanceSynchronousHours,
        distanceAsynchronousHours: m.distanceAsynchronousHours,
      },
      publishedAt: (m.publishedAt ?? m.createdAt).toISOString(),
      origin: m.origin,
      maxParticipantsPerSession: m.maxParticipantsPerSession,
      prerequisiteModuleIds: await this.modules.prerequisitesOf(manager, m.id),
      gaiaDispositif: m.gaiaDispositif,
      gaiaModuleNumber: m.gaiaModuleNumber,
      themes: m.themes,
    };
  }

  private async snapshot(manager: EntityManager, m: TrainingModule, payload: ModulePublishedV1): Promise<void> {
    const { rowVersion: _rowVersion, ...snapshot } = toModuleResponse(m, payload.prerequisiteModuleIds ?? []);
    await this.modules.saveRevision(manager, m.id, m.revision, snapshot);
  }
}

export function toModuleResponse(module: TrainingModule, prerequisiteModuleIds: string[]): ModuleResponse {
  return {
    id: module.id,
    revision: module.revision,
    status: module.status,
    title: module.title,
    shortTitle: module.shortTitle,
    kind: module.kind,
    category: module.category,
    modality: module.modality,
    targetProfiles: module.targetProfiles,
    durations: {
      faceToFaceHours: module.faceToFaceHours,
      distanceSynchronousHours: module.distanceSynchronousHours,
      distanceAsynchronousHours: module.distanceAsynchronousHours,
    },
    maxParticipantsPerSession: module.maxParticipantsPerSession,
    academy: module.academy,
    createdAt: module.createdAt.toISOString(),
    themes: module.themes,
    trainerType: module.trainerType,
    origin: module.origin,
    resources: module.resources,
    pedagogicalOwner: module.pedagogicalOwner,
    gaia:
      module.gaiaDispositif && module.gaiaModuleNumber
        ? { dispositif: module.gaiaDispositif, moduleNumber: module.gaiaModuleNumber }
        : null,
    prerequisiteModuleIds,
    publishedAt: module.publishedAt?.toISOString() ?? null,
    archivedAt: module.archivedAt?.toISOString() ?? null,
    rowVersion: module.rowVersion,
  };
}
