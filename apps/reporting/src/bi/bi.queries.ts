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
  async page(
    fact: string,
    academy: string,
    after: { tx: string; seq: string },
    limit: number,
    period: { from: string; to: string; schoolYears: string[] } | null = null,
  ): Promise<FeedRow[]> {
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

  /**
   * Whether changes after the position wait behind a transaction still open (committed, but past the snapshot's xmin),
   * and for how long the oldest open transaction of the database has been running, in seconds; null when none wait.
   */
  async heldBack(fact: string, academy: string, after: { tx: string; seq: string }): Promise<number | null> {
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM bi_change c WHERE c.fact = $1 AND c.academy = $2 AND (c.tx, c.seq) > ($3::xid8, $4::bigint)
                        AND c.tx >= pg_snapshot_xmin(pg_current_snapshot())) AS waiting,
              (SELECT extract(epoch FROM clock_timestamp() - min(a.xact_start)) FROM pg_stat_activity a
                WHERE a.datname = current_database() AND a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid())::float8 AS seconds`,
      [fact, academy, after.tx, after.seq],
    )) as { waiting: boolean; seconds: number | null }[];
    return row.waiting ? Math.round((row.seconds ?? 0) * 10) / 10 : null;
  }
}
