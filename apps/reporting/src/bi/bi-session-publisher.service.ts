import { DatabaseConnector } from '@forma/persistence';
import { WorkLoop } from '@forma/platform';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecrecyDecisions } from '../bilans/secrecy-decisions.service';
import { REPORTING_SETTINGS, ReportingSettings } from '../reporting.config';
import { EventLogRepository } from '../log/event-log.repository';
import { BiFeedRepository } from './bi-feed.repository';

/**
 * Publishes the BI feed's session cells with the académie's secrecy decision (issue 23, leak 4). The decision is taken
 * outside any transaction (seconds at a large académie), on a snapshot of the cube; the cells are then written in one
 * transaction that holds the cube's version, so every session cell of the feed is published with the decision of the
 * cube it shows. One round at a time in this process; two instances publishing the same académie serialise on the
 * cube's version and the cells (a body already published is not appended again). Rounds run on the shared runner
 * (`WorkLoop`), every `REPORTING_BI_PUBLISH_EVERY_MS` (0: never).
 */
@Injectable()
export class BiSessionPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: WorkLoop;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly feed: BiFeedRepository,
    private readonly log: EventLogRepository,
    private readonly decisions: SecrecyDecisions,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {
    this.loop = new WorkLoop(
      async () => {
        await this.publishPending();
        return false; // one round per period
      },
      { name: 'bi-feed', everyMs: settings.biPublishEveryMs },
    );
  }

  onApplicationBootstrap(): void {
    if (this.settings.biPublishEveryMs > 0) this.loop.start(this.database.ready);
  }

  /** Before the database closes: no new round, and the one under way ends. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
  }

  /** Publishes every académie's pending session cells (what the loop does each round). */
  async publishPending(): Promise<void> {
    for (const academy of await this.feed.pendingAcademies(this.dataSource.manager)) {
      for (let attempt = 0; attempt < 5 && !this.stopped; attempt++) {
        const { decision, version } = await this.decisions.versioned(academy, null, null);
        const done = await this.dataSource.transaction(async (manager) => {
          await this.log.waitForRebuild(manager);
          return this.feed.publishSessions(manager, academy, decision, version);
        });
        if (done) break;
      }
    }
  }
}
