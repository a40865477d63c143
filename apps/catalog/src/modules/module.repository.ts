import { Identity, organises } from '@forma/auth';
import { AggregateRepository } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { ModulePrerequisite, ModuleRevision, TrainingModule } from '../catalog.entities';
import { moduleNotFound } from './module.rules';

/** Modules (get, lock, save: AggregateRepository), their prerequisites and revisions, through TypeORM's entities. */
@Injectable()
export class ModuleRepository extends AggregateRepository<TrainingModule> {
  constructor() {
    super(TrainingModule, moduleNotFound);
  }

  exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(TrainingModule, { id });
  }

  /** Titles of the modules among `ids` that exist, by id. */
  async titles(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await manager.find(TrainingModule, { select: { id: true, title: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * Titles of the modules among `ids` that the caller may name: its académie's, or another's once published (drafts are
   * unseen).
   */
  async visibleTitles(manager: EntityManager, ids: string[], caller: Identity): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await manager.find(TrainingModule, {
      select: { id: true, title: true, academy: true, status: true },
      where: { id: In(ids) },
    });
    return new Map(
      rows.filter((r) => r.status !== 'draft' || organises(caller, r.academy)).map((r) => [r.id, r.title]),
    );
  }

  async prerequisitesOf(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.find(ModulePrerequisite, {
      where: { moduleId: id },
      order: { requiredModuleId: 'ASC' },
    });
    return rows.map((r) => r.requiredModuleId);
  }

  /** The prerequisite graph without `id`'s own edges, as adjacency lists. */
  async graphWithout(manager: EntityManager, id: string): Promise<Map<string, string[]>> {
    const edges = await manager.find(ModulePrerequisite, { where: { moduleId: Not(id) } });
    const graph = new Map<string, string[]>();
    for (const e of edges) graph.set(e.moduleId, [...(graph.get(e.moduleId) ?? []), e.requiredModuleId]);
    return graph;
  }

  /**
   * Replaces `id`'s prerequisites. The caller holds the graph's advisory lock (`lockPrerequisiteGraph`): two
   * concurrent edits could otherwise close a cycle neither sees.
   */
  async replacePrerequisites(manager: EntityManager, id: string, requiredIds: string[]): Promise<void> {
    await manager.delete(ModulePrerequisite, { moduleId: id });
    if (requiredIds.length)
      await manager.insert(
        ModulePrerequisite,
        requiredIds.map((r) => ({ moduleId: id, requiredModuleId: r })),
      );
  }

  /** One writer of the prerequisite graph at a time (a transaction-scoped advisory lock: no table expresses it). */
  async lockPrerequisiteGraph(manager: EntityManager): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('catalog.module_prerequisite'))");
  }

  async saveRevision(manager: EntityManager, moduleId: string, revision: number, snapshot: object): Promise<void> {
    await manager.upsert(ModuleRevision, { moduleId, revision, snapshot }, { conflictPaths: ['moduleId', 'revision'] });
  }

  async revision(manager: EntityManager, moduleId: string, revision: number): Promise<object | undefined> {
    return (await manager.findOneBy(ModuleRevision, { moduleId, revision }))?.snapshot;
  }
}
