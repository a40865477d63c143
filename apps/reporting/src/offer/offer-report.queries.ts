import { OfferReportItem, OfferReportResponse } from '@forma/api';
import { decodeCursor, PageQuery, toPage } from '@forma/http';
import { Injectable } from '@nestjs/common';
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

/** The offer as reporting knows it, per académie, by publication date (cursor pagination). */
@Injectable()
export class OfferReportQueries {
  constructor(private readonly dataSource: DataSource) {}

  async page(academy: string, query: PageQuery): Promise<OfferReportResponse> {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, { after: 'timestamp', id: 'uuid' });
    const rows: OfferRow[] = await this.dataSource.query(
      `SELECT * FROM offer_module
       WHERE academy = $1 AND ($2::timestamptz IS NULL OR (published_at, module_id) > ($2::timestamptz, $3::uuid))
       ORDER BY published_at, module_id LIMIT $4`,
      [academy, after?.after ?? null, after?.id ?? null, limit + 1],
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
