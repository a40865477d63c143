import { EventEnvelope } from '@forma/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BiFeedRepository } from '../bi/bi-feed.repository';
import { BilanChangesRepository } from '../bilans/bilan-changes.repository';
import { EventLogRepository } from '../log/event-log.repository';
import { ProjectionRepository } from './projection.repository';
import { Projector } from './projector.service';

export interface RebuildReport {
  events: number;
  applied: number;
  unknown: number;
  /** A digest of every projection table after the rebuild (equal digests: equal projections). */
  digest: string;
  /** Whether the projections came out as they were (digest taken under the same lock, before emptying them). */
  unchanged: boolean;
}

/** Receiving events (log, then projections) and rebuilding every projection from the log. */
@Injectable()
export class ProjectionService {
  private readonly logger = new Logger('projections');

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: EventLogRepository,
    private readonly facts: ProjectionRepository,
    private readonly projector: Projector,
    private readonly bi: BiFeedRepository,
  ) {}

  async receive(manager: EntityManager, events: EventEnvelope<unknown>[]): Promise<void> {
    const fresh = await this.log.append(manager, events);
    await this.projector.apply(manager, fresh);
    // the live bilans of these académies ask again once this commits
    if (fresh.length)
      await BilanChangesRepository.announce(
        manager,
        fresh.map((e) => e.academy ?? null),
      );
  }

  async keepUnknown(manager: EntityManager, event: EventEnvelope<unknown>): Promise<void> {
    const kept = await this.log.append(manager, [event], false);
    if (kept.length)
      this.logger.warn(
        `kept without applying: ${event.type} v${event.version} (${event.id}), a type or version reporting does not know`,
      );
  }

  /**
   * Empties the projections and replays the whole log into them, in the order it was applied, in one transaction
   * (readers see the old projections until it commits). The BI cells are then compared with what was published: only
   * real differences reach the feed.
   */
  rebuild(): Promise<RebuildReport> {
    return this.dataSource.transaction(async (manager) => {
      // no event lands in the middle: the consumers' transactions wait (and any in flight has committed once we hold
      // it)
      await this.log.holdConsumers(manager);
      const before = await this.facts.digest(manager);
      await this.facts.truncate(manager);
      let after = '0';
      const report = { events: 0, applied: 0, unknown: 0 };
      for (;;) {
        const page = await this.log.page(manager, after, 2000);
        if (!page.length) break;
        for (const { envelope, known } of page) {
          report.events++;
          if (!known) report.unknown++;
          else if (this.projector.projects(envelope.type)) report.applied++;
        }
        await this.projector.applyFacts(
          manager,
          page.filter((p) => p.known).map((p) => p.envelope),
        );
        after = page[page.length - 1].seq;
      }
      await this.bi.refreshAll(manager, this.projector.decisionOf(manager));
      const digest = await this.facts.digest(manager);
      return { ...report, digest, unchanged: digest === before };
    });
  }
}
