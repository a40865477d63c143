import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DecideRequest,
  ModuleOpeningRequest,
  ParcoursProvisionRequest,
  RequestListQuery,
  TrainingRequestPage,
  TrainingRequestResponse,
} from './request.dto';
import { TrainingRequests } from './requests.service';

const REQUESTERS = ['ien', 'trainer', 'canope-referent', 'dafpen-admin', 'school-head'] as const;

/** The two workflows of seed 003, with their states (submitted -> accepted | refused | withdrawn) and history. */
@ApiTags('requests')
@Controller('api/v1/requests')
export class RequestsHttpController {
  constructor(private readonly requests: TrainingRequests) {}

  @Post('parcours-provision')
  @HttpCode(201)
  @Authorize(...REQUESTERS)
  @IdempotentCreate()
  @ApiOperation({ summary: "Demande de mise à disposition d'un parcours (adressée au gestionnaire m@gistère)." })
  @ApiCreatedResponse({ type: TrainingRequestResponse })
  provision(
    @Body() body: ParcoursProvisionRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<TrainingRequestResponse> {
    return this.requests.submit('parcours-provision', body.title, { ...body }, body.moduleId ?? null, caller);
  }

  @Post('module-opening')
  @HttpCode(201)
  @Authorize(...REQUESTERS)
  @IdempotentCreate()
  @ApiOperation({ summary: "Demande d'ouverture d'un module de formation (formulaire DFP)." })
  @ApiCreatedResponse({ type: TrainingRequestResponse })
  opening(@Body() body: ModuleOpeningRequest, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.requests.submit('module-opening', body.label, { ...body }, body.moduleId ?? null, caller);
  }

  @Get()
  @Authorize(...REQUESTERS)
  @ApiOperation({
    summary:
      'Les demandes, les plus récentes d’abord : toutes celles de l’académie pour ses organisateurs (DAFPEN, Canopé, IEN), les siennes pour les autres.',
  })
  @ApiOkResponse({ type: TrainingRequestPage })
  list(@Query() query: RequestListQuery, @CurrentIdentity() caller: Identity): Promise<TrainingRequestPage> {
    return this.requests.list(query, caller);
  }

  @Get(':id')
  @Authorize(...REQUESTERS)
  @ApiOperation({
    summary: 'Une demande, son état et son historique : à son auteur et aux organisateurs de son académie.',
  })
  @ApiOkResponse({ type: TrainingRequestResponse })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<TrainingRequestResponse> {
    return this.requests.get(id, caller);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'Accepte ou refuse (avec motif) une demande soumise : OpeningRequestDecided.' })
  @ApiOkResponse({ type: TrainingRequestResponse })
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<TrainingRequestResponse> {
    return this.requests.decide(id, body.decision, body.reason, caller);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authorize(...REQUESTERS)
  @ApiOperation({ summary: 'Retire une demande encore soumise (son auteur).' })
  @ApiOkResponse({ type: TrainingRequestResponse })
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<TrainingRequestResponse> {
    return this.requests.withdraw(id, caller);
  }
}
