import { OfferReportItem, OfferReportResponse } from '@forma/api';
import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { decodeCursor, PageQuery, toPage } from '@forma/http';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

interface OfferRow {
  module_id: string;
  revision: number;
  title: string;
  kind: string;
  category: string;
  modality: string;
  academy: string;
  total_hours: string;
  published_at: Date;
}

@ApiTags('reports')
@Controller('api/v1/reports/offer')
export class OfferReportHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Authorize('dafpen-admin', 'ien', 'canope-referent', 'bi-reader', 'school-head')
  @ApiOperation({ summary: "L'offre publiée de l'académie de l'appelant, par date de publication (pagination par curseur)." })
  @ApiOkResponse({ type: OfferReportResponse })
  async list(@Query() query: PageQuery, @CurrentIdentity() caller: Identity): Promise<OfferReportResponse> {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor);
    const rows: OfferRow[] = await this.dataSource.query(
      `SELECT * FROM offer_module
       WHERE academy = $1 AND ($2::timestamptz IS NULL OR (published_at, module_id) > ($2::timestamptz, $3::uuid))
       ORDER BY published_at, module_id LIMIT $4`,
      [caller.scope.academy, after?.after ?? null, after?.id ?? null, limit + 1],
    );
    return toPage(rows, limit, toItem, (r) => ({ after: r.published_at.toISOString(), id: r.module_id }));
  }
}

function toItem(row: OfferRow): OfferReportItem {
  return {
    moduleId: row.module_id,
    revision: row.revision,
    title: row.title,
    kind: row.kind,
    category: row.category,
    modality: row.modality,
    academy: row.academy,
    totalHours: Number(row.total_hours),
    publishedAt: row.published_at.toISOString(),
  };
}
