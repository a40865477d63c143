import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, IfMatchVersion, setVersionTag } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EditPlanRequest, WorkshopPlanRequest } from './workshop-plan.dto';
import { PlanView, WorkshopPlans } from './workshop-plans.service';

const ORGANISERS = ['dafpen-admin', 'canope-referent', 'ien', 'school-head'] as const;

@ApiTags('workshop-plans')
@Controller('api/v1/workshop-plans')
export class WorkshopPlansHttpController {
  constructor(private readonly plans: WorkshopPlans) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @Authorize(...ORGANISERS)
  @ApiOperation({
    summary:
      'Forme les groupes d’ateliers (6 au plus, préoccupation partagée, profils mêlés, un catalyseur) et leurs parcours ; déterministe et expliqué.',
  })
  @ApiCreatedResponse({
    description: 'Le plan : groupes, membres avec leurs raisons, parcours, avertissements ; ETag = version.',
  })
  async create(
    @Body() body: WorkshopPlanRequest,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanView> {
    const { title, ...input } = body;
    const plan = await this.plans.create(title, input, caller);
    setVersionTag(res, plan.version);
    return plan;
  }

  @Get(':id')
  @Authorize(...ORGANISERS)
  @ApiOperation({
    summary:
      'Un plan de groupes (ETag = version pour If-Match) : aux organisateurs de son académie, au chef d’établissement ou à l’IEN qui l’a fait.',
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanView> {
    const plan = await this.plans.get(id, caller);
    setVersionTag(res, plan.version);
    return plan;
  }

  @Patch(':id')
  @Authorize(...ORGANISERS)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiBody({ type: EditPlanRequest })
  @ApiOperation({
    summary:
      'Retouche à la main : déplace des enseignants d’un groupe à l’autre (jamais au-delà de 6) ; GroupFormed pour les groupes modifiés.',
  })
  async edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditPlanRequest,
    @IfMatchVersion() expected: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanView> {
    const plan = await this.plans.move(id, body.moves, expected, caller);
    setVersionTag(res, plan.version);
    return plan;
  }
}
