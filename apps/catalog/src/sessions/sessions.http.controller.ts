import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, IfMatchVersion, setVersionTag } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AcceptPlanRequest,
  CancelSessionRequest,
  RescheduleSessionRequest,
  ScheduleSessionRequest,
  SessionResponse,
} from './session.dto';
import { SessionCommands } from './session-commands.service';

const PLANNERS = ['dafpen-admin', 'canope-referent', 'ien'] as const;
const READERS = [
  'dafpen-admin',
  'canope-referent',
  'ien',
  'school-head',
  'trainer',
  'participant',
  'bi-reader',
] as const;

const EXAMPLE: ScheduleSessionRequest = {
  slots: [{ date: '2026-01-13', start: '09:00', end: '12:00', kind: 'face-to-face' }],
  placeUai: '0750001A',
  placeLabel: 'Atelier Canopé fictif de Paris',
  capacity: 12,
  trainers: [
    { name: 'Alice Formatrice', mail: 'alice.formatrice@ac-exemple.fr', role: 'trainer' },
    { name: 'Bruno Tuteur', role: 'tutor' },
  ],
};

@ApiTags('sessions')
@Controller('api/v1')
export class SessionsHttpController {
  constructor(private readonly commands: SessionCommands) {}

  @Post('modules/:moduleId/sessions')
  @HttpCode(201)
  @Authorize(...PLANNERS)
  @IdempotentCreate()
  @ApiOperation({
    summary:
      'Planifie une session du module publié (révision courante) ; règles du calendrier vérifiées, avertissements rendus.',
  })
  @ApiBody({
    type: ScheduleSessionRequest,
    examples: { oneDay: { summary: 'Une matinée en présence, deux formateurs', value: EXAMPLE } },
  })
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiUnprocessableEntityResponse({
    description: 'slot_on_public_holiday, slot_in_school_vacation, unknown_uai, capacity_above_module_maximum, ...',
  })
  async schedule(
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() request: ScheduleSessionRequest,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const session = await this.commands.schedule(moduleId, request, caller);
    setVersionTag(res, session.rowVersion);
    return session;
  }

  @Post('modules/:moduleId/sessions/plan')
  @HttpCode(201)
  @Authorize(...PLANNERS)
  @IdempotentCreate()
  @ApiOperation({
    summary:
      'Accepte un plan du planificateur en une fois : ses sessions planifiées ensemble, ou aucune (le refus nomme la session, sessions[i]).',
  })
  @ApiBody({
    type: AcceptPlanRequest,
    examples: { two: { summary: 'Deux matinées', value: { sessions: [EXAMPLE, EXAMPLE] } } },
  })
  @ApiCreatedResponse({ type: SessionResponse, isArray: true })
  @ApiUnprocessableEntityResponse({
    description: 'la première session refusée, ses champs sous sessions[i] : rien n’est planifié',
  })
  acceptPlan(
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() request: AcceptPlanRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionResponse[]> {
    return this.commands.scheduleAll(moduleId, request.sessions, caller);
  }

  @Get('modules/:moduleId/sessions')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Les sessions d’un module, par date.' })
  @ApiOkResponse({ type: SessionResponse, isArray: true })
  async list(
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionResponse[]> {
    return this.commands.ofModule(moduleId, caller);
  }

  @Get('sessions/:id')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Une session (ETag = version pour If-Match).' })
  @ApiOkResponse({ type: SessionResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const session = await this.commands.get(id, caller);
    setVersionTag(res, session.rowVersion);
    return session;
  }

  @Patch('sessions/:id')
  @Authorize(...PLANNERS)
  @ApiOperation({
    summary:
      'Déplace ou modifie une session (créneaux, lieu, capacité, formateurs) ; le second écrivant concurrent reçoit 409.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag lu, "1" par exemple.' })
  @ApiBody({
    type: RescheduleSessionRequest,
    examples: {
      move: {
        summary: 'Déplacer au jeudi',
        value: { slots: [{ date: '2026-01-15', start: '09:00', end: '12:00', kind: 'face-to-face' }] },
      },
    },
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiConflictResponse({ description: 'version_conflict, session_closed' })
  async reschedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() request: RescheduleSessionRequest,
    @IfMatchVersion() version: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const session = await this.commands.reschedule(id, request, version, caller);
    setVersionTag(res, session.rowVersion);
    return session;
  }

  @Post('sessions/:id/open')
  @HttpCode(200)
  @Authorize(...PLANNERS)
  @ApiOperation({ summary: 'Ouvre la session aux inscriptions.' })
  @ApiOkResponse({ type: SessionResponse })
  open(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<SessionResponse> {
    return this.commands.open(id, caller);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @Authorize(...PLANNERS)
  @ApiOperation({ summary: 'Annule la session, avec le motif (SessionCancelled).' })
  @ApiOkResponse({ type: SessionResponse })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() request: CancelSessionRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionResponse> {
    return this.commands.cancel(id, request.reason, caller);
  }

  @Post('sessions/:id/deliver')
  @HttpCode(200)
  @Authorize(...PLANNERS, 'trainer')
  @ApiOperation({ summary: '« Formation terminée » : la session a eu lieu (SessionDelivered).' })
  @ApiOkResponse({ type: SessionResponse })
  deliver(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<SessionResponse> {
    return this.commands.deliver(id, caller);
  }
}
