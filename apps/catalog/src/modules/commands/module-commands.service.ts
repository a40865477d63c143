import { CreateModuleRequest, ModuleResponse } from '@forma/api';
import { Identity } from '@forma/auth';
import { assertVersion, ProblemError } from '@forma/http';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { gaiaModuleKey } from '../gaia-key';
import { assertModuleAllows, findPrerequisiteCycle } from '../module-rules';
import { ModuleStore } from '../module-store';
import { TrainingModule } from '../training-module.entity';

/** Writes of the offer: create (draft or published), edit (a revision once published), publish, archive, prerequisites. */
@Injectable()
export class ModuleCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ModuleStore,
  ) {}

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
      const saved = await manager.save(module);
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
  setPrerequisites(id: string, requiredIds: string[], caller: Identity): Promise<ModuleResponse> {
    return this.write(async (manager) => {
      // One writer of the prerequisite graph at a time, or two concurrent edges could close a cycle unseen.
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('catalog.module_prerequisite'))");
      const module = await this.lockOwn(manager, id, caller);
      assertModuleAllows(module.status, 'edit');
      const known: { id: string; title: string }[] = await manager.query(
        'SELECT id, title FROM training_module WHERE id = ANY($1::uuid[])',
        [requiredIds],
      );
      const titles = new Map(known.map((k) => [k.id, k.title]));
      const unknown = requiredIds.map((r, i) => ({ r, i })).filter(({ r }) => !titles.has(r));
      if (unknown.length) {
        throw new ProblemError(
          422,
          'unknown_module',
          'Un module requis est inconnu.',
          unknown.map(({ r, i }) => ({ field: `requiredModuleIds[${i}]`, rule: 'exists', message: `requiredModuleIds[${i}] : module ${r} inconnu` })),
        );
      }
      const edges: { module_id: string; required_module_id: string }[] = await manager.query(
        'SELECT module_id, required_module_id FROM module_prerequisite WHERE module_id <> $1',
        [id],
      );
      const graph = new Map<string, string[]>();
      for (const e of edges) graph.set(e.module_id, [...(graph.get(e.module_id) ?? []), e.required_module_id]);
      const cycle = findPrerequisiteCycle(id, requiredIds, (m) => graph.get(m) ?? []);
      if (cycle) {
        const names = await manager.query('SELECT id, title FROM training_module WHERE id = ANY($1::uuid[])', [cycle]);
        const byId = new Map<string, string>(names.map((n: { id: string; title: string }) => [n.id, n.title]));
        throw new ProblemError(422, 'prerequisite_cycle', `Ces prérequis formeraient un cycle : ${cycle.map((c) => `« ${byId.get(c) ?? c} »`).join(' → ')}.`, [
          { field: 'requiredModuleIds', rule: 'acyclic', message: 'requiredModuleIds : cycle de prérequis' },
        ]);
      }
      const before = await this.store.prerequisitesOf(manager, id);
      await manager.query('DELETE FROM module_prerequisite WHERE module_id = $1', [id]);
      if (requiredIds.length) {
        await manager.query(
          'INSERT INTO module_prerequisite (module_id, required_module_id) SELECT $1, unnest($2::uuid[])',
          [id, requiredIds],
        );
      }
      const changed = JSON.stringify([...before].sort()) !== JSON.stringify([...requiredIds].sort());
      const saved = changed ? await this.store.saveEdited(manager, module) : module;
      return this.store.response(manager, saved);
    });
  }

  private async lockOwn(manager: EntityManager, id: string, caller: Identity): Promise<TrainingModule> {
    const module = await this.store.lock(manager, id);
    if (module.academy !== caller.scope.academy) {
      throw new ProblemError(403, 'foreign_academy', `Ce module appartient à l'académie ${module.academy} : seule elle peut le modifier.`);
    }
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

/** A GAIA identifier already used in the same scope (académie, or nationally) is a 409 naming the field. */
export function translateUniqueViolation(error: unknown): unknown {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
    const constraint = (error.driverError as { constraint?: string }).constraint ?? '';
    if (constraint.includes('gaia_key')) {
      return new ProblemError(409, 'duplicate_gaia_identifier', 'Cet identifiant GAIA (dispositif et module) est déjà utilisé.', [
        { field: 'gaia', rule: 'unique', message: 'gaia : dispositif et module déjà présents dans l’offre' },
      ]);
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
  module.gaiaKey = request.gaia ? gaiaModuleKey(request.gaia.dispositif, request.gaia.moduleNumber, module.academy) : null;
  module.searchText = [module.title, module.shortTitle ?? '', ...module.themes, module.pedagogicalOwner ?? ''].join(' ');
}
