import { CreateModuleRequest, ModuleResponse } from '@forma/api';
import { Identity } from '@forma/auth';
import { ModulePublished } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TrainingModule } from '../../training-module.entity';

/** Creates a module in the caller's académie and publishes it: the row and `ModulePublished` commit together. */
@Injectable()
export class PublishModuleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async publish(request: CreateModuleRequest, caller: Identity): Promise<ModuleResponse> {
    return this.dataSource.transaction(async (manager) => {
      const module = manager.create(TrainingModule, {
        id: randomUUID(),
        revision: 1,
        status: 'published',
        title: request.title.trim(),
        shortTitle: request.shortTitle?.trim() ?? null,
        kind: request.kind,
        category: request.category,
        modality: request.modality,
        targetProfiles: request.targetProfiles,
        faceToFaceHours: request.durations.faceToFaceHours,
        distanceSynchronousHours: request.durations.distanceSynchronousHours,
        distanceAsynchronousHours: request.durations.distanceAsynchronousHours,
        maxParticipantsPerSession: request.maxParticipantsPerSession ?? null,
        academy: caller.scope.academy,
        createdBy: caller.sub,
      });
      const saved = await manager.save(module);
      await this.events.publish(manager, ModulePublished, {
        moduleId: saved.id,
        revision: saved.revision,
        title: saved.title,
        kind: saved.kind,
        category: saved.category,
        modality: saved.modality,
        targetProfiles: saved.targetProfiles,
        academy: saved.academy,
        durations: {
          faceToFaceHours: saved.faceToFaceHours,
          distanceSynchronousHours: saved.distanceSynchronousHours,
          distanceAsynchronousHours: saved.distanceAsynchronousHours,
        },
        publishedAt: saved.createdAt.toISOString(),
      });
      return toModuleResponse(saved);
    });
  }
}

export function toModuleResponse(module: TrainingModule): ModuleResponse {
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
  };
}
