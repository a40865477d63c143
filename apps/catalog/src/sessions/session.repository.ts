import { AggregateRepository } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sessionNotFound } from './session.rules';
import { TrainingSession } from '../catalog.entities';

/** Sessions (get, lock, save: AggregateRepository) through TypeORM's entity. */
@Injectable()
export class SessionRepository extends AggregateRepository<TrainingSession> {
  constructor() {
    super(TrainingSession, sessionNotFound);
  }

  ofModule(manager: EntityManager, moduleId: string): Promise<TrainingSession[]> {
    return manager.find(TrainingSession, { where: { moduleId }, order: { startsOn: 'ASC', groupNumber: 'ASC' } });
  }

  /** The next free numeric groupe of a module in an académie ("01", "02"...). */
  async nextGroup(manager: EntityManager, moduleId: string, academy: string): Promise<string> {
    const row = await manager
      .createQueryBuilder(TrainingSession, 's')
      .select('coalesce(max(s.group_number::int), 0) + 1', 'next')
      .where('s.module_id = :moduleId AND s.academy = :academy', { moduleId, academy })
      .andWhere("s.group_number ~ '^[0-9]+$'")
      .getRawOne<{ next: number }>();
    return String(row?.next ?? 1).padStart(2, '0');
  }
}
