import { CreateModuleRequest, ModuleResponse } from '@forma/api';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IDEMPOTENCY_HEADER } from '@forma/http';
import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceClient } from '../proxy/service.client';

@ApiTags('modules')
@ApiBearerAuth()
@Controller('api/v1/modules')
export class ModulesHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Authorize('dafpen-admin', 'canope-referent')
  @ApiOperation({ summary: "Publie un module de formation dans l'offre de l'académie de l'appelant." })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ModuleResponse })
  async create(
    @Body() body: CreateModuleRequest,
    @CurrentIdentity() identity: Identity,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await this.services.forward('catalog', { method: 'POST', path: '/api/v1/modules', identity, body, idempotencyKey }, response);
  }
}
