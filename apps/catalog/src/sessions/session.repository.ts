import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sessionNotFound } from './session.rules';
import { TrainingSession } from './training-session.entity';

/** Sessions through TypeORM's entity, in the caller's transaction (or on the pool for reads). */
@Injectable()
export class SessionRepository {
  /** The session, locked for the rest of the transaction. */
  async lock(manager: EntityManager, id: string): Promise<TrainingSession> {
    const session = await manager.findOne(TrainingSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw sessionNotFound(id);
    return session;
  }

  async get(manager: EntityManager, id: string): Promise<TrainingSession> {
    const session = await manager.findOneBy(TrainingSession, { id });
    if (!session) throw sessionNotFound(id);
    return session;
  }

  lockByGaiaKey(manager: EntityManager, gaiaKey: string): Promise<TrainingSession | null> {
    return manager.findOne(TrainingSession, { where: { gaiaKey }, lock: { mode: 'pessimistic_write' } });
  }

  ofModule(manager: EntityManager, moduleId: string): Promise<TrainingSession[]> {
    return manager.find(TrainingSession, { where: { moduleId }, order: { startsOn: 'ASC', groupNumber: 'ASC' } });
  }

  save(manager: EntityManager, session: TrainingSession): Promise<TrainingSession> {
    return manager.save(session);
  }

  /** The next free numeric groupe of a module in an académie ("01", "02"...). */
  async nextGroup(manager: EntityManager, moduleId: string, academy: string): Promise<string> {
    const row = await manager
      .createQueryBuilder(TrainingSession, 's')
      .select("coalesce(max(s.group_number::int), 0) + 1", 'next')
      .where('s.module_id = :moduleId AND s.academy = :academy', { moduleId, academy })
      .andWhere("s.group_number ~ '^[0-9]+$'")
      .getRawOne<{ next: number }>();
    return String(row?.next ?? 1).padStart(2, '0');
  }
}
