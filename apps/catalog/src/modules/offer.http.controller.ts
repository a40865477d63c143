import { Authorize } from '@forma/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OfferPage, OfferQuery } from './offer.dto';
import { OfferQueries } from './offer.queries';

@ApiTags('offer')
@Controller('api/v1/offer')
export class OfferHttpController {
  constructor(private readonly offer: OfferQueries) {}

  @Get()
  @Authorize('dafpen-admin', 'canope-referent', 'ien', 'school-head', 'trainer', 'participant', 'bi-reader')
  @ApiOperation({ summary: "L'offre publiée : recherche plein texte, filtres, tri et pagination par curseur." })
  @ApiOkResponse({ type: OfferPage })
  search(@Query() query: OfferQuery): Promise<OfferPage> {
    return this.offer.search(query);
  }
}
