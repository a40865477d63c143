import { mailHashSql } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ModuleTrainer, TrainingSession } from '../catalog.entities';

/** Where the catalog names a person (by their mail's digest): GAIA module trainers, sessions' trainers. */
@Injectable()
export class TrainerErasureRepository {
  /** Removes the person's rows as a GAIA module trainer; how many. */
  async removeModuleTrainers(manager: EntityManager, mailHash: string): Promise<number> {
    const trainers = await manager
      .createQueryBuilder(ModuleTrainer, 't')
      .where(`${mailHashSql('t.mail')} = :mailHash`, { mailHash })
      .getMany();
    if (trainers.length) await manager.remove(trainers);
    return trainers.length;
  }

  /** The sessions naming the person among their trainers, locked until the transaction ends. */
  sessionsNaming(manager: EntityManager, mailHash: string): Promise<TrainingSession[]> {
    return manager
      .createQueryBuilder(TrainingSession, 's')
      .setLock('pessimistic_write')
      .where(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(s.trainers) AS t WHERE ${mailHashSql("t->>'mail'")} = :mailHash)`,
        { mailHash },
      )
      .getMany();
  }

  save(manager: EntityManager, session: TrainingSession): Promise<TrainingSession> {
    return manager.save(session);
  }
}
