import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestStatus, School, TrainingModule, TrainingRequest, TrainingRequestHistory } from '../catalog.entities';

/** Training requests and their history (seed 003), in the caller's transaction. */
@Injectable()
export class TrainingRequestRepository {
  /** The module a request names: its académie and status only. */
  moduleOf(manager: EntityManager, id: string): Promise<Pick<TrainingModule, 'id' | 'academy' | 'status'> | null> {
    return manager.findOne(TrainingModule, { select: { id: true, academy: true, status: true }, where: { id } });
  }

  /** Whether a school is known, and whether it is of the académie. */
  async schoolPlace(manager: EntityManager, uai: string, academy: string): Promise<'unknown' | 'inside' | 'outside'> {
    if (!(await manager.existsBy(School, { uai }))) return 'unknown';
    return (await manager.existsBy(School, { uai, academy })) ? 'inside' : 'outside';
  }

  async insert(
    manager: EntityManager,
    request: Omit<TrainingRequest, 'rowVersion' | 'createdAt' | 'updatedAt'>,
  ): Promise<TrainingRequest> {
    return manager.save(manager.create(TrainingRequest, request));
  }

  save(manager: EntityManager, request: TrainingRequest): Promise<TrainingRequest> {
    return manager.save(request);
  }

  byId(manager: EntityManager, id: string): Promise<TrainingRequest | null> {
    return manager.findOneBy(TrainingRequest, { id });
  }

  /** The request, locked until the transaction ends. */
  lock(manager: EntityManager, id: string): Promise<TrainingRequest | null> {
    return manager.findOne(TrainingRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async record(
    manager: EntityManager,
    requestId: string,
    actor: string,
    from: RequestStatus | null,
    to: RequestStatus,
    note: string | null,
  ): Promise<void> {
    await manager.insert(TrainingRequestHistory, { requestId, actor, fromStatus: from, toStatus: to, note });
  }

  history(manager: EntityManager, requestId: string): Promise<TrainingRequestHistory[]> {
    return manager.find(TrainingRequestHistory, { where: { requestId }, order: { id: 'ASC' } });
  }
}
