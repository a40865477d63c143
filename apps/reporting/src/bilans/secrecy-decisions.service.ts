import { Injectable } from '@nestjs/common';
import { BilanPeriod } from './bilan.rules';
import { BilanQueries, Runner } from './bilan.queries';
import { decideLinked, LinkedDecision } from './linked-secrecy.rules';
import { SECRECY_THRESHOLD } from './secrecy.rules';

/** How many académie decisions are kept (one per académie, day and period asked, typically). */
const DECISIONS_KEPT = 16;

/**
 * The académie's secrecy decision over its places and trainings (linked-secrecy.rules.ts), read by every bilan and by
 * the BI feed's session cells. A decision depends only on the cube, which changes only when `cube_version` does: it
 * is kept by (académie, day, period, version), so the same facts are decided once.
 */
@Injectable()
export class SecrecyDecisions {
  /** The latest decisions, least recently used first. */
  private readonly kept = new Map<string, LinkedDecision>();

  constructor(private readonly queries: BilanQueries) {}

  async decision(
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null,
    runner?: Runner,
  ): Promise<LinkedDecision> {
    return (await this.versioned(academy, asOf, period, runner)).decision;
  }

  /** The decision and the version of the cube it was taken on. */
  async versioned(
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null,
    runner?: Runner,
  ): Promise<{ decision: LinkedDecision; version: string }> {
    const version = await this.queries.cubeVersion(academy, runner);
    const key = JSON.stringify([academy, asOf, period?.from ?? null, period?.to ?? null, version]);
    let decision = this.kept.get(key);
    if (decision) this.kept.delete(key);
    else
      decision = decideLinked(await this.queries.academyCube(academy, asOf, period, runner), {
        threshold: SECRECY_THRESHOLD,
      });
    this.kept.set(key, decision);
    if (this.kept.size > DECISIONS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return { decision, version };
  }
}
