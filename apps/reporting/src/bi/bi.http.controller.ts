import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { sendCsv } from '@forma/http';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BI_COLUMNS, csvRowOf } from './bi-cells.rules';
import { BiFactParams, BiFeedQuery, BiFeedView } from './bi.dto';
import { BiService } from './bi.service';

@ApiTags('bi')
@Controller('api/v1/bi/v1/facts')
export class BiHttpController {
  constructor(private readonly bi: BiService) {}

  @Get(':fact')
  @Authorize('bi-reader', 'dafpen-admin')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      "Flux incrémental d'un fait de l'académie de l'appelant (sessions, conventions, modules) : changements dans l'ordre de validation, " +
      'curseur opaque, tombstones pour les suppressions ; aucune donnée personnelle, secret statistique appliqué (moins de 5 personnes). ' +
      "En CSV, le curseur suivant est dans l'en-tête X-Next-Cursor.",
  })
  @ApiOkResponse({ type: BiFeedView })
  async feed(
    @Param() params: BiFactParams,
    @Query() query: BiFeedQuery,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BiFeedView | void> {
    const page = await this.bi.feed(caller, params.fact, query.cursor, query.limit ?? 500, query);
    if (query.format !== 'csv') return page;
    response.setHeader('x-next-cursor', page.nextCursor);
    response.setHeader('x-has-more', String(page.hasMore));
    if (page.heldBackSeconds !== null) response.setHeader('x-held-back-seconds', String(page.heldBackSeconds));
    await sendCsv(
      response,
      `bi-${params.fact}.csv`,
      ['op', 'key', ...BI_COLUMNS[params.fact]],
      page.items.map((i) => [i.op, i.key, ...csvRowOf(params.fact, i.data)]),
    );
  }
}
