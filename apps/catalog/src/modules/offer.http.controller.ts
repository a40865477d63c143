import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DraftsQuery, OfferPage, OfferQuery } from './offer.dto';
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

  @Get('drafts')
  @Authorize('dafpen-admin', 'canope-referent', 'ien')
  @ApiOperation({
    summary:
      "Les brouillons de votre académie (modules créés, pas encore publiés), pour les relire, les modifier et les publier ; recherche et pagination par curseur comme l'offre.",
  })
  @ApiOkResponse({ type: OfferPage })
  drafts(@Query() query: DraftsQuery, @CurrentIdentity() caller: Identity): Promise<OfferPage> {
    return this.offer.search({ ...query, academy: caller.scope.academy, sort: 'title' }, 'draft');
  }
}
