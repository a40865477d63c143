import { OfferReportResponse } from '@forma/api';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { PageQuery } from '@forma/http';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OfferReportQueries } from './offer-report.queries';

@ApiTags('reports')
@Controller('api/v1/reports/offer')
export class OfferReportHttpController {
  constructor(private readonly offer: OfferReportQueries) {}

  @Get()
  @Authorize('dafpen-admin', 'ien', 'canope-referent', 'bi-reader', 'school-head')
  @ApiOperation({
    summary: "L'offre publiée de l'académie de l'appelant, par date de publication (pagination par curseur).",
  })
  @ApiOkResponse({ type: OfferReportResponse })
  list(@Query() query: PageQuery, @CurrentIdentity() caller: Identity): Promise<OfferReportResponse> {
    return this.offer.page(caller.scope.academy, query);
  }
}
