import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestKind } from '@forma/contracts';
import { RequestStatus, School, TrainingModule, TrainingRequest, TrainingRequestHistory } from '../catalog.entities';

/** A request as a list reads it, and its place in the list. */
export type ListedRequest = Pick<
  TrainingRequest,
  'id' | 'kind' | 'status' | 'title' | 'moduleId' | 'createdBy' | 'createdAt' | 'decisionReason'
> & { position: string };

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

  /**
   * An académie's requests (those of `createdBy` only, when given), newest first, after a position: `limit + 1` rows
   * (the extra one says a next page exists). The position is the creation time as PostgreSQL writes it (to the
   * microsecond: a JavaScript date would lose what orders two requests of the same millisecond).
   */
  list(
    manager: EntityManager,
    filter: { academy: string; createdBy?: string; status?: RequestStatus; kind?: RequestKind },
    after: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<ListedRequest[]> {
    return manager.query(
      `SELECT id, kind, status, title, module_id AS "moduleId", created_by AS "createdBy",
              created_at AS "createdAt", created_at::text AS position, decision_reason AS "decisionReason"
         FROM training_request
        WHERE academy = $1 AND ($2::text IS NULL OR created_by = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR kind = $4) AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $7`,
      [
        filter.academy,
        filter.createdBy ?? null,
        filter.status ?? null,
        filter.kind ?? null,
        after?.createdAt ?? null,
        after?.id ?? null,
        limit + 1,
      ],
    );
  }

  history(manager: EntityManager, requestId: string): Promise<TrainingRequestHistory[]> {
    return manager.find(TrainingRequestHistory, { where: { requestId }, order: { id: 'ASC' } });
  }
}
