import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, sendCsv, ApiFileResponse } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RegistrationAccepted, RegistrationCancelled, RegistrationCommands } from './registration-commands.service';
import { registrationNotFound } from './registration.errors';
import {
  OwnRegistration,
  RegistrationPage,
  RegistrationQueries,
  RegistrationView,
  RegistrationWithHistory,
  SchoolRegistrationPage,
} from './registration.queries';
import {
  CancelRegistrationRequest,
  RegistrationQuery,
  RegistrationSearchRequest,
  SchoolRegistrationSearchRequest,
  RegistrationRequest,
  RegistrationResponse,
} from './registration.dto';

const ORGANISERS = ['dafpen-admin', 'canope-referent', 'ien'] as const;
const DESIGNATORS = [...ORGANISERS, 'school-head'] as const;
const READERS = [...DESIGNATORS, 'trainer'] as const;

@ApiTags('registrations')
@Controller('api/v1/registrations')
export class RegistrationsHttpController {
  constructor(
    private readonly commands: RegistrationCommands,
    private readonly queries: RegistrationQueries,
  ) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @Authorize(...DESIGNATORS, 'participant')
  @ApiOperation({
    summary:
      'Inscrit une personne à une session : demande individuelle (à accepter) ou désignation (place ou liste d’attente).',
  })
  @ApiBody({
    type: RegistrationRequest,
    examples: {
      designated: {
        summary: 'Désignation par une directrice d’école',
        value: {
          sessionId: '0196a0c4-0000-7000-8000-000000000001',
          kind: 'designated',
          person: {
            mail: 'claire.exemple@ac-exemple.fr',
            lastName: 'EXEMPLE',
            firstName: 'Claire',
            function: 'ENS',
            grade: 'P ECOLE CN',
            uai: '9730298L',
          },
        },
      },
    },
  })
  @ApiCreatedResponse({ type: RegistrationResponse })
  @ApiConflictResponse({ description: 'already_registered, session_cancelled, session_closed, module_archived' })
  @ApiUnprocessableEntityResponse({ description: 'prerequisite_missing (module nommé), invalid_mail, unknown_uai' })
  @ApiServiceUnavailableResponse({
    description: 'module_not_replicated : le module de la session n’est pas encore arrivé du catalogue ; réessayer',
  })
  register(@Body() request: RegistrationRequest, @CurrentIdentity() caller: Identity): Promise<RegistrationResponse> {
    return this.commands.register(request, caller);
  }

  @Get()
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Les inscriptions d’une session, avec leur état et le rang sur liste d’attente.' })
  list(@Query() query: RegistrationQuery, @CurrentIdentity() caller: Identity): Promise<RegistrationView[]> {
    return this.queries.ofSession(caller, query.sessionId, query.state ?? null, 'state');
  }

  @Get('search')
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      'Une page des inscriptions d’une session (filtres : état, mots du nom ou du mail ; tri ; décalage et taille), le total et les places de la session.',
  })
  search(@Query() query: RegistrationSearchRequest, @CurrentIdentity() caller: Identity): Promise<RegistrationPage> {
    return this.queries.search(caller, {
      sessionId: query.sessionId,
      state: query.state ?? null,
      q: query.q?.trim() || null,
      sort: query.sort ?? 'state',
      order: query.order ?? 'asc',
      offset: query.offset ?? 0,
      limit: query.limit ?? 50,
    });
  }

  @Get('by-school')
  @Authorize(...READERS)
  @ApiOperation({
    summary:
      'Une page des inscriptions des personnes d’un établissement (UAI), toutes sessions de votre académie, les plus récentes d’abord (filtres : état, mots du nom ou du mail) ; seules les personnes à votre portée.',
  })
  bySchool(
    @Query() query: SchoolRegistrationSearchRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<SchoolRegistrationPage> {
    return this.queries.ofSchool(caller, {
      uai: query.uai,
      state: query.state ?? null,
      q: query.q?.trim() || null,
      offset: query.offset ?? 0,
      limit: query.limit ?? 50,
    });
  }

  @Get('export.csv')
  @ApiFileResponse('text/csv', 'Les inscriptions (CSV).')
  @Authorize(...READERS)
  @ApiOperation({
    summary: 'Exporte les inscriptions d’une session en CSV (;), cellules neutralisées contre l’injection de formules.',
  })
  async export(
    @Query() query: RegistrationQuery,
    @CurrentIdentity() caller: Identity,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await this.queries.ofSession(caller, query.sessionId, query.state ?? null, 'name');
    await sendCsv(
      response,
      `inscriptions-${query.sessionId}.csv`,
      ['Nom', 'Prénom', 'Mail', 'Fonction', 'Grade', 'UAI', 'État', 'Rang attente'],
      rows.map((r) => [r.lastName, r.firstName, r.mail, r.function, r.grade, r.uai, r.state, r.position]),
    );
  }

  @Get('mine')
  @Authorize('participant')
  @ApiOperation({
    summary:
      'Mes inscriptions (participant) : celles de la personne du jeton (son adresse) dans son académie, avec le module, les jours et le rang en liste d’attente.',
  })
  mine(@CurrentIdentity() caller: Identity): Promise<OwnRegistration[]> {
    return this.queries.mine(caller);
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Une inscription et l’historique de ses états (avec raisons).' })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<RegistrationWithHistory> {
    const registration = await this.queries.withHistory(caller, id);
    if (!registration) throw registrationNotFound(id);
    return registration;
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authorize(...ORGANISERS)
  @ApiOperation({ summary: 'Accepte une demande individuelle : place si libre, sinon liste d’attente.' })
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<RegistrationAccepted> {
    return this.commands.accept(id, caller);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authorize(...DESIGNATORS, 'participant')
  @ApiOperation({
    summary: 'Annule une inscription (raison obligatoire) ; une place libérée va au premier de la liste d’attente.',
  })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelRegistrationRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<RegistrationCancelled> {
    return this.commands.cancel(id, body.reason, body.comment ?? null, caller);
  }
}
