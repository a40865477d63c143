import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FeedRow {
  seq: string;
  tx: string;
  key: string;
  body: Record<string, unknown> | null;
  deleted: boolean;
}

/**
 * Reads the BI feed in commit order. A change is only given once every transaction that started before it has ended
 * (`tx` below the current snapshot's xmin): a transaction that commits late cannot put a change behind a cursor
 * already handed out, so nothing is skipped. Within that, changes come by (transaction, sequence).
 */
@Injectable()
export class BiQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of changes after a position. A period keeps the sessions that begin in it and the conventions of its school
   * years (a tombstone, which has no body, always passes: deleting a cell a reader never had is harmless).
   */
  async page(fact: string, academy: string, after: { tx: string; seq: string }, limit: number, period: { from: string; to: string; schoolYears: string[] } | null = null): Promise<FeedRow[]> {
    const inPeriod = !period
      ? ''
      : fact === 'sessions'
        ? `AND (c.body IS NULL OR c.body->>'firstDay' BETWEEN $6 AND $7)`
        : `AND (c.body IS NULL OR c.body->>'schoolYear' = ANY($6::text[]))`;
    const periodParams = !period ? [] : fact === 'sessions' ? [period.from, period.to] : [period.schoolYears];
    return (await this.dataSource.query(
      // ordered by the columns themselves (their text copies would sort "10" before "9")
      `SELECT c.seq::text AS seq, c.tx::text AS tx, c.cell_key AS key, c.body, c.deleted FROM bi_change c
        WHERE c.fact = $1 AND c.academy = $2 AND (c.tx, c.seq) > ($3::xid8, $4::bigint)
          AND c.tx < pg_snapshot_xmin(pg_current_snapshot()) ${inPeriod}
        ORDER BY c.tx, c.seq LIMIT $5`,
      [fact, academy, after.tx, after.seq, limit, ...periodParams],
    )) as FeedRow[];
  }
}
