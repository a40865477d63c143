import { DatabaseConnector } from '@forma/persistence';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecrecyDecisions } from '../bilans/secrecy-decisions.service';
import { BiFeedRepository } from './bi-feed.repository';

/** How often the publisher looks for session cells to publish (they wait at most this long after their facts). */
const EVERY_MS = 250;

/**
 * Publishes the BI feed's session cells with the académie's secrecy decision (issue 23, leak 4). The decision is taken
 * outside any transaction (seconds at a large académie), on a snapshot of the cube; the cells are then written in one
 * transaction that holds the cube's version, so every session cell of the feed is published with the decision of the
 * cube it shows. One round at a time in this process; two instances publishing the same académie serialise on the
 * cube's version and the cells (a body already published is not appended again).
 */
@Injectable()
export class BiSessionPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('bi-feed');
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly feed: BiFeedRepository,
    private readonly decisions: SecrecyDecisions,
  ) {}

  onApplicationBootstrap(): void {
    void this.database.ready.then(() => this.schedule()).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
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
    }, EVERY_MS);
  }
}
