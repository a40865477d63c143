import { DatabaseConnector } from '@forma/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecrecyDecisions } from '../bilans/secrecy-decisions.service';
import { REPORTING_SETTINGS, ReportingSettings } from '../reporting.config';
import { BiFeedRepository } from './bi-feed.repository';

/**
 * Publishes the BI feed's session cells with the académie's secrecy decision (issue 23, leak 4). The decision is taken
 * outside any transaction (seconds at a large académie), on a snapshot of the cube; the cells are then written in one
 * transaction that holds the cube's version, so every session cell of the feed is published with the decision of the
 * cube it shows. One round at a time in this process; two instances publishing the same académie serialise on the
 * cube's version and the cells (a body already published is not appended again).
 */
@Injectable()
export class BiSessionPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('bi-feed');
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly feed: BiFeedRepository,
    private readonly decisions: SecrecyDecisions,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.biPublishEveryMs > 0) void this.database.ready.then(() => this.schedule()).catch(() => undefined);
  }

  /** Before the database closes: no new round, and the one under way ends. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** Publishes every académie's pending session cells (what the loop does each round). */
  async publishPending(): Promise<void> {
    for (const academy of await this.feed.pendingAcademies(this.dataSource.manager)) {
      for (let attempt = 0; attempt < 5 && !this.stopped; attempt++) {
        const { decision, version } = await this.decisions.versioned(academy, null, null);
        const done = await this.dataSource.transaction((manager) =>
          this.feed.publishSessions(manager, academy, decision, version),
        );
        if (done) break;
      }
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.publishPending()
        .catch((error: Error) => this.logger.warn(`session cells not published yet: ${error.message}`))
        .finally(() => this.schedule());
    }, this.settings.biPublishEveryMs);
  }
}
