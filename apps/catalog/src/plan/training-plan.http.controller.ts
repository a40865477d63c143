import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, IfMatchVersion, setVersionTag } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DeploymentWaveRequest, DeploymentWaveResponse } from './training-plan.dto';
import { TrainingPlanService } from './training-plan.service';

const READERS = ['dafpen-admin', 'canope-referent', 'ien'] as const;

/** The ENT training plan of seed 001: deployment waves of the caller's académie, and per wave modules x profiles. */
@ApiTags('training-plan')
@Controller('api/v1/training-plan/waves')
export class TrainingPlanHttpController {
  constructor(private readonly plan: TrainingPlanService) {}

  @Get()
  @Authorize(...READERS)
  @ApiOperation({
    summary: 'Les vagues de déploiement du plan de formation ENT de votre académie, avec leurs prévisions.',
  })
  @ApiQuery({ name: 'schoolYear', required: false, example: '2026-2027' })
  @ApiOkResponse({ type: [DeploymentWaveResponse] })
  list(
    @CurrentIdentity() caller: Identity,
    @Query('schoolYear') schoolYear?: string,
  ): Promise<DeploymentWaveResponse[]> {
    return this.plan.list(caller, schoolYear);
  }

  @Post()
  @HttpCode(201)
  @Authorize('dafpen-admin')
  @IdempotentCreate()
  @ApiOperation({
    summary:
      'Planifie une vague de déploiement (modules x publics, effectifs, sessions, formateurs, heures prévus) : DeploymentWavePlanned.',
  })
  @ApiCreatedResponse({ type: DeploymentWaveResponse })
  async create(
    @Body() body: DeploymentWaveRequest,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeploymentWaveResponse> {
    const wave = await this.plan.create(body, caller);
    setVersionTag(res, wave.revision);
    return wave;
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Une vague de déploiement de votre académie (ETag = révision pour If-Match).' })
  @ApiOkResponse({ type: DeploymentWaveResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeploymentWaveResponse> {
    const wave = await this.plan.get(id, caller);
    setVersionTag(res, wave.revision);
    return wave;
  }

  @Put(':id')
  @Authorize('dafpen-admin')
  @ApiOperation({ summary: 'Révise une vague entière (dates, lignes) : nouvelle révision publiée.' })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'Révision lue, "1" par exemple ; 409 si un autre a écrit entre-temps.',
  })
  @ApiOkResponse({ type: DeploymentWaveResponse })
  async revise(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DeploymentWaveRequest,
    @IfMatchVersion() version: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DeploymentWaveResponse> {
    const wave = await this.plan.revise(id, body, version, caller);
    setVersionTag(res, wave.revision);
    return wave;
  }
}
