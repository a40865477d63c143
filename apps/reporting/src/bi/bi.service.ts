import { Identity } from '@forma/auth';
import { Inject, Injectable } from '@nestjs/common';
import { REPORTING_SETTINGS, ReportingSettings } from '../reporting.config';
import { BiFact } from './bi-cells.rules';
import { decodeCursor, encodeCursor } from './bi-cursor.rules';
import { BiFeedView } from './bi.dto';
import { BiQueries } from './bi.queries';
import { periodOf, schoolYearsOf } from '../bilans/period.rules';
import { cursorRefused, periodNotApplicable } from './bi.errors';

/** The BI pull API: a fact's changes for the caller's académie, from a cursor, in commit order. */
@Injectable()
export class BiService {
  constructor(
    private readonly queries: BiQueries,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async feed(
    caller: Identity,
    fact: BiFact,
    cursor: string | undefined,
    limit: number,
    asked: { schoolYear?: string; from?: string; to?: string } = {},
  ): Promise<BiFeedView> {
    const academy = caller.scope.academy;
    const period = periodOf(asked);
    if (period && fact === 'modules') {
      throw periodNotApplicable(asked.schoolYear !== undefined ? 'schoolYear' : 'from');
    }
    let after = { tx: '0', seq: '0' };
    if (cursor !== undefined) {
      const position = decodeCursor(this.settings.cursorKey, cursor, { fact, academy });
      if (typeof position === 'string') throw cursorRefused(position);
      after = position;
    }
    const rows = await this.queries.page(
      fact,
      academy,
      after,
      limit,
      period && { from: period.from, to: period.to, schoolYears: schoolYearsOf(period) },
    );
    const last = rows.length ? { tx: rows[rows.length - 1].tx, seq: rows[rows.length - 1].seq } : after;
    const heldBackSeconds = rows.length === limit ? null : await this.queries.heldBack(fact, academy, last);
    return {
      fact,
      items: rows.map((r) => ({ op: r.deleted ? 'delete' : 'upsert', key: r.key, data: r.body })),
      nextCursor: encodeCursor(this.settings.cursorKey, { fact, academy, ...last }),
      hasMore: rows.length === limit,
      heldBackSeconds,
    };
  }
}
