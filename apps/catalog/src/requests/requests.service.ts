import { Identity, organises } from '@forma/auth';
import { OpeningRequestDecided, RequestKind } from '@forma/contracts';
import { Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { TrainingRequest } from '../catalog.entities';
import { placeOutOfScope } from '../reference/reference.errors';
import { decodeCursor, toPage } from '@forma/http';
import { RequestListQuery, TrainingRequestPage, TrainingRequestResponse } from './request.dto';
import { TrainingRequestRepository } from './request.repository';
import { assertDecidable, assertReadable, assertWithdrawable, requestNotFound } from './request.rules';
import { unknownModule } from './requests.errors';

/**
 * The two request workflows of seed 003: submit, decide (OpeningRequestDecided), withdraw; each change in the history.
 */
@Injectable()
export class TrainingRequests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: TrainingRequestRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  submit(
    kind: RequestKind,
    title: string,
    fields: Record<string, unknown>,
    moduleId: string | null,
    caller: Identity,
  ): Promise<TrainingRequestResponse> {
    return this.dataSource.transaction(async (manager) => {
      // the module and the place a request names are ones the caller may see: another académie's draft is unknown,
      // another académie's school is out of scope (issue 22)
      const module = moduleId ? await this.requests.moduleOf(manager, moduleId) : null;
      if (moduleId && (!module || (module.status === 'draft' && !organises(caller, module.academy)))) {
        throw unknownModule(moduleId);
      }
      const placeUai = typeof fields.placeUai === 'string' ? fields.placeUai : undefined;
      if (placeUai && (await this.requests.schoolPlace(manager, placeUai, caller.scope.academy)) === 'outside')
        throw placeOutOfScope('placeUai');
      const request = await this.requests.insert(manager, {
        id: randomUUID(),
        kind,
        academy: caller.scope.academy,
        status: 'submitted',
        title: title.trim(),
        fields,
        moduleId,
        decisionReason: null,
        createdBy: caller.sub,
      });
      await this.requests.record(manager, request.id, caller.sub, null, 'submitted', null);
      return this.view(manager, request.id, caller);
    });
  }

  /**
   * The requests the caller may read (assertReadable): the organisers of the académie see all of its requests, anyone
   * else their own; newest first.
   */
  async list(query: RequestListQuery, caller: Identity): Promise<TrainingRequestPage> {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, { after: 'timestamp', id: 'uuid' });
    const academy = caller.scope.academy;
    const rows = await this.requests.list(
      this.dataSource.manager,
      {
        academy,
        createdBy: organises(caller, academy) ? undefined : caller.sub,
        status: query.status,
        kind: query.kind,
      },
      after && { createdAt: after.after, id: after.id },
      limit,
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        title: r.title,
        moduleId: r.moduleId,
        submittedBy: r.createdBy,
        submittedAt: r.createdAt.toISOString(),
        decisionReason: r.decisionReason,
      }),
      (r) => ({ after: r.position, id: r.id }),
    );
  }

  async get(id: string, caller: Identity): Promise<TrainingRequestResponse> {
    const request = await this.requests.byId(this.dataSource.manager, id);
    if (!request) throw requestNotFound(id);
    assertReadable(request, caller);
    return this.view(this.dataSource.manager, id, caller);
  }

  decide(
    id: string,
    decision: 'accepted' | 'refused',
    reasonText: string | undefined,
    caller: Identity,
  ): Promise<TrainingRequestResponse> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockOwn(manager, id, caller);
      assertDecidable(request.status);
      const reason = reasonText?.trim() || null;
      request.status = decision;
      request.decisionReason = reason;
      await this.requests.save(manager, request);
      await this.requests.record(manager, id, caller.sub, 'submitted', decision, reason);
      await this.events.publish(manager, OpeningRequestDecided, {
        requestId: id,
        kind: request.kind,
        decision,
        reason,
        academy: request.academy,
        title: request.title,
        moduleId: request.moduleId,
        decidedAt: this.clock.now().toISOString(),
      });
      return this.view(manager, id, caller);
    });
  }

  withdraw(id: string, caller: Identity): Promise<TrainingRequestResponse> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockOwn(manager, id, caller);
      assertWithdrawable(request, caller.sub);
      request.status = 'withdrawn';
      await this.requests.save(manager, request);
      await this.requests.record(manager, id, caller.sub, 'submitted', 'withdrawn', null);
      return this.view(manager, id, caller);
    });
  }

  private async lockOwn(manager: EntityManager, id: string, caller: Identity): Promise<TrainingRequest> {
    const request = await this.requests.lock(manager, id);
    if (!request || request.academy !== caller.scope.academy) throw requestNotFound(id);
    return request;
  }

  private async view(manager: EntityManager, id: string, caller: Identity): Promise<TrainingRequestResponse> {
    const request = await this.requests.byId(manager, id);
    if (!request || request.academy !== caller.scope.academy) throw requestNotFound(id);
    const history = await this.requests.history(manager, id);
    return {
      id: request.id,
      kind: request.kind,
      academy: request.academy,
      status: request.status,
      title: request.title,
      fields: request.fields,
      decisionReason: request.decisionReason,
      history: history.map((h) => ({
        at: h.at.toISOString(),
        actor: h.actor,
        from: h.fromStatus,
        to: h.toStatus,
        note: h.note,
      })),
      rowVersion: request.rowVersion,
    };
  }
}
