import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import { DataSource } from 'typeorm';
import { BilanPeriod } from './bilan.rules';
import { BilanQueries, Runner } from './bilan.queries';
import { CubeLeaf } from './secrecy-cube.rules';
import { decideLinked, decisionFrom, DecisionParts, LinkedDecision } from './linked-secrecy.rules';
import { SECRECY_THRESHOLD } from './secrecy.rules';

/** How many académie decisions are kept (one per académie, day and period asked, typically). */
const DECISIONS_KEPT = 16;

/**
 * The académie's secrecy decision over its places and trainings (linked-secrecy.rules.ts), read by every bilan and by
 * the BI feed's session cells. A decision depends only on the cube, which changes only when `cube_version` does: it
 * is kept by (académie, day, period, version), so the same facts are decided once, and two bilans asking for it at
 * once wait for the same one. It is taken in a worker thread (10 s at the benchmark's 200,000 marks: the process keeps
 * answering meanwhile); where the service runs from its TypeScript sources (the tests in process), in the caller's.
 */
@Injectable()
export class SecrecyDecisions implements OnModuleDestroy {
  /** The latest decisions, least recently used first. */
  private readonly kept = new Map<string, Promise<LinkedDecision>>();
  private readonly workers = __filename.endsWith('.js')
    ? new Piscina({ filename: resolve(__dirname, 'secrecy-decision.worker.js'), maxThreads: 1, idleTimeout: 60_000 })
    : null;

  constructor(
    private readonly queries: BilanQueries,
    private readonly dataSource: DataSource,
  ) {}

  async decision(
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null,
    runner?: Runner,
  ): Promise<LinkedDecision> {
    return (await this.versioned(academy, asOf, period, runner)).decision;
  }

  /**
   * The decision and the version of the cube it was taken on. Without a runner, the version and the cube are read in
   * one snapshot (a registration committed between them would otherwise be decided under the older version).
   */
  async versioned(
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null,
    runner?: Runner,
  ): Promise<{ decision: LinkedDecision; version: string }> {
    const keyOf = (version: string) =>
      JSON.stringify([academy, asOf, period?.from ?? null, period?.to ?? null, version]);
    // the version, and the cube when no decision is kept for it, in one snapshot (`runner`'s, or a read-only one);
    // the decision itself is taken after, outside any transaction (seconds at a large académie)
    const read = async (on: Runner) => {
      const version = await this.queries.cubeVersion(academy, on);
      const kept = this.kept.get(keyOf(version));
      return { version, kept, leaves: kept ? [] : await this.queries.academyCube(academy, asOf, period, on) };
    };
    const { version, kept, leaves } = runner
      ? await read(runner)
      : await this.dataSource.transaction('REPEATABLE READ', (manager) => read(manager));
    const key = keyOf(version);
    const decision = kept ?? this.decide(leaves);
    this.kept.delete(key);
    this.kept.set(key, decision);
    if (this.kept.size > DECISIONS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    try {
      return { decision: await decision, version };
    } catch (error) {
      this.kept.delete(key);
      throw error;
    }
  }

  private async decide(leaves: CubeLeaf[]): Promise<LinkedDecision> {
    if (!this.workers) return decideLinked(leaves, { threshold: SECRECY_THRESHOLD });
    return decisionFrom((await this.workers.run({ leaves, threshold: SECRECY_THRESHOLD })) as DecisionParts);
  }

  async onModuleDestroy(): Promise<void> {
    await this.workers?.destroy();
  }
}
