import { CreateModuleRequest, ModuleResponse } from '@forma/api';
import { Identity } from '@forma/auth';
import { assertVersion } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { gaiaModuleKey } from './gaia-key';
import { ModulePublication } from './module-publication.service';
import {
  assertModuleAllows,
  assertOwnModule,
  assertVisible,
  findPrerequisiteCycle,
  moduleNotFound,
  prerequisiteCycle,
  unknownRequiredModules,
} from './module.rules';
import { ModuleRepository } from './module.repository';
import { TrainingModule } from '../catalog.entities';
import { duplicateGaiaIdentifier } from './modules.errors';

/**
 * Writes of the offer: create (draft or published), edit (a revision once published), publish, archive, prerequisites.
 */
@Injectable()
export class ModuleCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly modules: ModuleRepository,
    private readonly store: ModulePublication,
  ) {}

  async get(id: string, caller: Identity): Promise<ModuleResponse> {
    const manager = this.dataSource.manager;
    const module = await this.modules.get(manager, id);
    assertVisible(module, caller);
    return this.store.response(manager, module);
  }

  /** A published revision as sessions planned with it see it. */
  async revision(id: string, revision: number): Promise<ModuleResponse> {
    const snapshot = await this.modules.revision(this.dataSource.manager, id, revision);
    if (!snapshot) throw moduleNotFound(`${id} (révision ${revision})`);
    return snapshot as ModuleResponse;
  }

  create(request: CreateModuleRequest, caller: Identity): Promise<ModuleResponse> {
    return this.write(async (manager) => {
      const module = manager.create(TrainingModule, {
        id: randomUUID(),
        revision: 1,
        status: 'draft',
        academy: caller.scope.academy,
        createdBy: caller.sub,
        publishedAt: null,
        archivedAt: null,
        gaiaHash: null,
      });
      applyContent(module, request);
      const saved = await this.modules.save(manager, module);
      const result = request.status === 'draft' ? saved : await this.store.publish(manager, saved);
      return this.store.response(manager, result);
    });
  }

  update(id: string, request: CreateModuleRequest, expectedVersion: number, caller: Identity): Promise<ModuleResponse> {
    return this.write(async (manager) => {
      const module = await this.lockOwn(manager, id, caller);
      assertModuleAllows(module.status, 'edit');
      assertVersion(expectedVersion, module.rowVersion, 'Ce module');
      applyContent(module, request);
      return this.store.response(manager, await this.store.saveEdited(manager, module));
    });
  }

  publish(id: string, caller: Identity): Promise<ModuleResponse> {
    return this.write(async (manager) => {
      const module = await this.lockOwn(manager, id, caller);
      assertModuleAllows(module.status, 'publish');
      return this.store.response(manager, await this.store.publish(manager, module));
    });
  }

  archive(id: string, caller: Identity): Promise<ModuleResponse> {
    return this.write(async (manager) => {
      const module = await this.lockOwn(manager, id, caller);
      assertModuleAllows(module.status, 'archive');
      return this.store.response(manager, await this.store.archive(manager, module));
    });
  }

  /** Replaces the prerequisites (seed 000: M2 requires M1); a cycle is refused with its path. */
  setPrerequisites(
    id: string,
    requiredIds: string[],
    expectedVersion: number,
    caller: Identity,
  ): Promise<ModuleResponse> {
    return this.write(async (manager) => {
      // One writer of the prerequisite graph at a time, or two concurrent edges could close a cycle unseen.
      await this.modules.lockPrerequisiteGraph(manager);
      const module = await this.lockOwn(manager, id, caller);
      assertModuleAllows(module.status, 'edit');
      // another académie's draft is unknown: a prerequisite names only what the caller may see (issue 22); what the
      // request names is checked before the version it read
      const unknown = unknownRequiredModules(
        requiredIds,
        await this.modules.visibleTitles(manager, requiredIds, caller),
      );
      if (unknown) throw unknown;
      assertVersion(expectedVersion, module.rowVersion, 'Ce module');
      const graph = await this.modules.graphWithout(manager, id);
      const cycle = findPrerequisiteCycle(id, requiredIds, (m) => graph.get(m) ?? []);
      if (cycle) throw prerequisiteCycle(cycle, await this.modules.titles(manager, cycle));
      const before = await this.modules.prerequisitesOf(manager, id);
      await this.modules.replacePrerequisites(manager, id, requiredIds);
      const changed = JSON.stringify([...before].sort()) !== JSON.stringify([...requiredIds].sort());
      const saved = changed ? await this.store.saveEdited(manager, module) : module;
      return this.store.response(manager, saved);
    });
  }

  private async lockOwn(manager: EntityManager, id: string, caller: Identity): Promise<TrainingModule> {
    const module = await this.modules.lock(manager, id);
    assertOwnModule(module, caller.scope.academy);
    return module;
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }
}

/** A GAIA identifier already used in the same scope (académie, or nationally) is a conflict naming the field. */
export function translateUniqueViolation(error: unknown): unknown {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
    const constraint = (error.driverError as { constraint?: string }).constraint ?? '';
    if (constraint.includes('gaia_key')) {
      return duplicateGaiaIdentifier();
    }
  }
  return error;
}

function applyContent(module: TrainingModule, request: CreateModuleRequest): void {
  module.title = request.title.trim();
  module.shortTitle = request.shortTitle?.trim() || null;
  module.kind = request.kind;
  module.category = request.category;
  module.modality = request.modality;
  module.targetProfiles = request.targetProfiles;
  module.themes = request.themes ?? [];
  module.trainerType = request.trainerType ?? null;
  module.origin = request.origin ?? 'academie';
  module.resources = (request.resources ?? []).map((r) => ({ title: r.title, url: r.url }));
  module.pedagogicalOwner = request.pedagogicalOwner?.trim() || null;
  module.faceToFaceHours = request.durations.faceToFaceHours;
  module.distanceSynchronousHours = request.durations.distanceSynchronousHours;
  module.distanceAsynchronousHours = request.durations.distanceAsynchronousHours;
  module.maxParticipantsPerSession = request.maxParticipantsPerSession ?? null;
  module.gaiaDispositif = request.gaia?.dispositif ?? null;
  module.gaiaModuleNumber = request.gaia?.moduleNumber ?? null;
  module.gaiaKey = request.gaia
    ? gaiaModuleKey(request.gaia.dispositif, request.gaia.moduleNumber, module.academy)
    : null;
  module.searchText = [module.title, module.shortTitle ?? '', ...module.themes, module.pedagogicalOwner ?? ''].join(
    ' ',
  );
}
