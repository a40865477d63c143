import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { GaiaDispositif, GaiaSourceTable, ModuleTrainer, TrainingModule } from '../catalog.entities';

/** What the GAIA imports read and write besides modules and sessions: trainers, dispositifs, source tables. */
@Injectable()
export class GaiaRepository {
  /** The module of a GAIA number: the académie's first, else a national dispositif's. */
  moduleNumbered(manager: EntityManager, number: number | string, academy: string): Promise<TrainingModule | null> {
    return manager
      .createQueryBuilder(TrainingModule, 'm')
      .select('m.id')
      .where("m.gaiaModuleNumber = :number AND (m.academy = :academy OR m.gaiaKey LIKE 'N:%')", { number, academy })
      .orderBy('(m.academy = :academy)', 'DESC')
      .getOne();
  }

  trainer(manager: EntityManager, moduleId: string, mail: string): Promise<ModuleTrainer | null> {
    return manager.findOneBy(ModuleTrainer, { moduleId, mail });
  }

  async upsertTrainer(
    manager: EntityManager,
    trainer: Pick<ModuleTrainer, 'moduleId' | 'mail' | 'lastName' | 'firstName' | 'source'>,
  ): Promise<void> {
    await manager.upsert(ModuleTrainer, trainer, { conflictPaths: ['moduleId', 'mail'] });
  }

  /** Claims the source tables no académie holds yet for `academy`; every table's owner. */
  async claimSourceTables(manager: EntityManager, tables: string[], academy: string): Promise<Map<string, string>> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(GaiaSourceTable)
      .values(tables.map((name) => ({ name, academy })))
      .orIgnore()
      .execute();
    return new Map((await manager.findBy(GaiaSourceTable, { name: In(tables) })).map((t) => [t.name, t.academy]));
  }

  sourceTable(manager: EntityManager, name: string): Promise<GaiaSourceTable | null> {
    return manager.findOneBy(GaiaSourceTable, { name });
  }

  /** The dispositif, locked until the transaction ends. */
  lockDispositif(manager: EntityManager, key: string): Promise<GaiaDispositif | null> {
    return manager.findOne(GaiaDispositif, { where: { key }, lock: { mode: 'pessimistic_write' } });
  }

  async renameDispositif(manager: EntityManager, key: string, name: string): Promise<void> {
    await manager.update(GaiaDispositif, { key }, { name });
  }

  async insertDispositif(manager: EntityManager, dispositif: Omit<GaiaDispositif, 'updatedAt'>): Promise<void> {
    await manager.insert(GaiaDispositif, dispositif);
  }
}
