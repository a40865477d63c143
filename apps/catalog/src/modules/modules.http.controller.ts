import { CANOPROF_M1_EXAMPLE, CreateModuleRequest, ModuleResponse, ModuleRevisionResponse } from '@forma/api';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { boundedInteger, IdempotentCreate, IfMatchVersion, setVersionTag } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ModuleCommands } from './module-commands.service';
import { SetPrerequisitesRequest } from './modules.dto';

const CANOPROF_M1 = CANOPROF_M1_EXAMPLE;

const EDITORS = ['dafpen-admin', 'canope-referent', 'ien'] as const;
const READERS = [
  'dafpen-admin',
  'canope-referent',
  'ien',
  'school-head',
  'trainer',
  'participant',
  'bi-reader',
] as const;

@ApiTags('modules')
@Controller('api/v1/modules')
export class ModulesHttpController {
  constructor(private readonly commands: ModuleCommands) {}

  @Post()
  @HttpCode(201)
  @Authorize(...EDITORS)
  @IdempotentCreate()
  @ApiOperation({
    summary: "Crée un module (brouillon) ou le publie aussitôt dans l'offre de l'académie de l'appelant.",
  })
  @ApiBody({
    type: CreateModuleRequest,
    examples: { canoprofM1: { summary: 'Canoprof M1 (seed 000)', value: CANOPROF_M1 } },
  })
  @ApiCreatedResponse({ type: ModuleResponse })
  @ApiConflictResponse({ description: 'duplicate_gaia_identifier' })
  async create(
    @Body() request: CreateModuleRequest,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModuleResponse> {
    const module = await this.commands.create(request, caller);
    setVersionTag(res, module.rowVersion);
    return module;
  }

  @Get(':id')
  @Authorize(...READERS)
  @ApiOperation({ summary: 'Un module, sa révision courante et ses prérequis (ETag = version pour If-Match).' })
  @ApiOkResponse({ type: ModuleResponse })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModuleResponse> {
    const module = await this.commands.get(id, caller);
    setVersionTag(res, module.rowVersion);
    return module;
  }

  @Get(':id/revisions/:revision')
  @Authorize(...READERS)
  @ApiOperation({ summary: "Une révision publiée d'un module, telle que les sessions planifiées avec elle la voient." })
  @ApiOkResponse({ type: ModuleRevisionResponse })
  async revision(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('revision') revision: string,
  ): Promise<ModuleRevisionResponse> {
    return this.commands.revision(id, boundedInteger(revision, 'revision'));
  }

  @Put(':id')
  @Authorize(...EDITORS)
  @ApiOperation({
    summary:
      'Modifie un module : en place pour un brouillon, nouvelle révision pour un module publié ; refusé si archivé.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'ETag lu (version), "3" par exemple ; 409 si un autre a écrit entre-temps.',
  })
  @ApiBody({
    type: CreateModuleRequest,
    examples: {
      revision: {
        summary: 'M1 passe à 4 h',
        value: { ...CANOPROF_M1, durations: { ...CANOPROF_M1.durations, faceToFaceHours: 4 } },
      },
    },
  })
  @ApiOkResponse({ type: ModuleResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() request: CreateModuleRequest,
    @IfMatchVersion() version: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModuleResponse> {
    const module = await this.commands.update(id, request, version, caller);
    setVersionTag(res, module.rowVersion);
    return module;
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Authorize(...EDITORS)
  @ApiOperation({ summary: 'Publie un brouillon (ModulePublished).' })
  @ApiOkResponse({ type: ModuleResponse })
  publish(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ModuleResponse> {
    return this.commands.publish(id, caller);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Authorize(...EDITORS)
  @ApiOperation({ summary: 'Archive un module (ModuleArchived) : il devient lecture seule.' })
  @ApiOkResponse({ type: ModuleResponse })
  archive(@Param('id', ParseUUIDPipe) id: string, @CurrentIdentity() caller: Identity): Promise<ModuleResponse> {
    return this.commands.archive(id, caller);
  }

  @Put(':id/prerequisites')
  @Authorize(...EDITORS)
  @ApiOperation({ summary: 'Remplace les prérequis du module ; un cycle est refusé (422 prerequisite_cycle).' })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'ETag lu (version du module), "3" par exemple ; 409 si un autre a écrit entre-temps.',
  })
  @ApiOkResponse({ type: ModuleResponse })
  async prerequisites(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() request: SetPrerequisitesRequest,
    @IfMatchVersion() version: number,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ModuleResponse> {
    const module = await this.commands.setPrerequisites(id, request.requiredModuleIds, version, caller);
    setVersionTag(res, module.rowVersion);
    return module;
  }
}
