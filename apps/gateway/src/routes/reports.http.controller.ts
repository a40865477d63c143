import { OfferReportResponse } from '@forma/api';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { PageQuery } from '@forma/http';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceClient } from '../proxy/service.client';

@ApiTags('reports')
@Controller('api/v1/reports')
export class ReportsHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get('offer')
  @Authorize('dafpen-admin', 'ien', 'canope-referent', 'bi-reader', 'school-head')
  @ApiOperation({ summary: "L'offre publiée de l'académie de l'appelant (pagination par curseur)." })
  @ApiOkResponse({ type: OfferReportResponse })
  async offer(@Query() query: PageQuery, @CurrentIdentity() identity: Identity, @Res() response: Response): Promise<void> {
    const params = new URLSearchParams();
    if (query.limit) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    const path = `/api/v1/reports/offer${params.size ? `?${params}` : ''}`;
    await this.services.forward('reporting', { method: 'GET', path, identity }, response);
  }
}
