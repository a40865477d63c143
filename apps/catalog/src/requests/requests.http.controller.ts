import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { OpeningRequestDecided, RequestKind } from '@forma/contracts';
import { IdempotentCreate, ProblemError } from '@forma/http';
import { EventPublisher } from '@forma/messaging';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DecideRequest, ModuleOpeningRequest, ParcoursProvisionRequest, TrainingRequestResponse } from './request.dto';

const REQUESTERS = ['ien', 'trainer', 'canope-referent', 'dafpen-admin', 'school-head'] as const;

/** The two workflows of seed 003, with their states (submitted -> accepted | refused | withdrawn) and history. */
@ApiTags('requests')
@Controller('api/v1/requests')
export class RequestsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  @Post('parcours-provision')
  @HttpCode(201)
  @Authorize(...REQUESTERS)
  @IdempotentCreate()
  @ApiOperation({ summary: "Demande de mise à disposition d'un parcours (adressée au gestionnaire m@gistère)." })
  @ApiCreatedResponse({ type: TrainingRequestResponse })
  provision(@Body() body: ParcoursProvisionRequest, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.submit('parcours-provision', body.title, { ...body }, body.moduleId ?? null, caller);
  }

  @Post('module-opening')
  @HttpCode(201)
  @Authorize(...REQUESTERS)
  @IdempotentCreate()
  @ApiOperation({ summary: "Demande d'ouverture d'un module de formation (formulaire DFP)." })
  @ApiCreatedResponse({ type: TrainingRequestResponse })
  opening(@Body() body: ModuleOpeningRequest, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.submit('module-opening', body.label, { ...body }, body.moduleId ?? null, caller);
  }

  @Get(':id')
  @Authorize(...REQUESTERS, 'bi-reader')
  @ApiOperation({ summary: 'Une demande, son état et son historique.' })
  @ApiOkResponse({ type: TrainingRequestResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.load(this.dataSource.manager, id, caller);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'Accepte ou refuse (avec motif) une demande soumise : OpeningRequestDecided.' })
  @ApiOkResponse({ type: TrainingRequestResponse })
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecideRequest, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query('SELECT * FROM training_request WHERE id = $1 FOR UPDATE', [id]);
      if (!row || row.academy !== caller.scope.academy) throw requestNotFound(id);
      if (row.status !== 'submitted') {
        throw new ProblemError(409, 'request_already_decided', `Cette demande est déjà ${row.status === 'accepted' ? 'acceptée' : row.status === 'refused' ? 'refusée' : 'retirée'}.`);
      }
      const reason = body.reason?.trim() || null;
      await manager.query(
        'UPDATE training_request SET status = $2, decision_reason = $3, updated_at = now(), row_version = row_version + 1 WHERE id = $1',
        [id, body.decision, reason],
      );
      await manager.query(
        'INSERT INTO training_request_history (request_id, actor, from_status, to_status, note) VALUES ($1, $2, $3, $4, $5)',
        [id, caller.sub, 'submitted', body.decision, reason],
      );
      await this.events.publish(manager, OpeningRequestDecided, {
        requestId: id,
        kind: row.kind as RequestKind,
        decision: body.decision,
        reason,
        academy: row.academy,
        title: row.title,
        moduleId: row.module_id,
        decidedAt: new Date().toISOString(),
      });
      return this.load(manager, id, caller);
    });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authorize(...REQUESTERS)
  @ApiOperation({ summary: 'Retire une demande encore soumise (son auteur).' })
  @ApiOkResponse({ type: TrainingRequestResponse })
  withdraw(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query('SELECT * FROM training_request WHERE id = $1 FOR UPDATE', [id]);
      if (!row || row.academy !== caller.scope.academy) throw requestNotFound(id);
      if (row.created_by !== caller.sub) throw new ProblemError(403, 'not_requester', 'Seul l’auteur de la demande peut la retirer.');
      if (row.status !== 'submitted') throw new ProblemError(409, 'request_already_decided', 'Cette demande n’est plus soumise.');
      await manager.query("UPDATE training_request SET status = 'withdrawn', updated_at = now(), row_version = row_version + 1 WHERE id = $1", [id]);
      await manager.query(
        "INSERT INTO training_request_history (request_id, actor, from_status, to_status) VALUES ($1, $2, 'submitted', 'withdrawn')",
        [id, caller.sub],
      );
      return this.load(manager, id, caller);
    });
  }

  private submit(kind: RequestKind, title: string, fields: Record<string, unknown>, moduleId: string | null, caller: Identity): Promise<TrainingRequestResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (moduleId) {
        const [module] = await manager.query('SELECT 1 FROM training_module WHERE id = $1', [moduleId]);
        if (!module) throw new ProblemError(422, 'unknown_module', `Module inconnu : ${moduleId}.`, [{ field: 'moduleId', rule: 'exists', message: `moduleId : ${moduleId} inconnu` }]);
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO training_request (id, kind, academy, status, title, fields, module_id, created_by, row_version)
         VALUES ($1, $2, $3, 'submitted', $4, $5, $6, $7, 1)`,
        [id, kind, caller.scope.academy, title.trim(), JSON.stringify(fields), moduleId, caller.sub],
      );
      await manager.query("INSERT INTO training_request_history (request_id, actor, to_status) VALUES ($1, $2, 'submitted')", [id, caller.sub]);
      return this.load(manager, id, caller);
    });
  }

  private async load(manager: EntityManager, id: string, caller: Identity): Promise<TrainingRequestResponse> {
    const [row] = await manager.query('SELECT * FROM training_request WHERE id = $1', [id]);
    if (!row || row.academy !== caller.scope.academy) throw requestNotFound(id);
    const history: { at: Date; actor: string; from_status: string | null; to_status: string; note: string | null }[] = await manager.query(
      'SELECT at, actor, from_status, to_status, note FROM training_request_history WHERE request_id = $1 ORDER BY id',
      [id],
    );
    return {
      id: row.id,
      kind: row.kind,
      academy: row.academy,
      status: row.status,
      title: row.title,
      fields: row.fields,
      decisionReason: row.decision_reason,
      history: history.map((h) => ({ at: h.at.toISOString(), actor: h.actor, from: h.from_status, to: h.to_status, note: h.note })),
      rowVersion: row.row_version,
    };
  }
}

function requestNotFound(id: string): ProblemError {
  return new ProblemError(404, 'request_not_found', `Aucune demande ${id} dans votre académie.`);
}
