import { LiveStreams } from '@forma/platform';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { BILAN_CHANNEL, BilanChangesRepository } from './bilan-changes.repository';

/**
 * Live bilans (issue 27): a reader's page keeps a Server-Sent Events stream open and asks its bilan again when told
 * that reporting applied events of its académie — within a second of a mark. The stream carries the log's sequence
 * (`id`, what a dropped connection resumes from); the figures come from the bilan route, scoped and with statistical
 * secrecy, as ever. Every replica hears every commit (LISTEN/NOTIFY on reporting's database: `LiveStreams`).
 */
@Injectable()
export class BilanLive implements OnModuleDestroy {
  private readonly streams: LiveStreams;

  constructor(private readonly changes: BilanChangesRepository) {
    this.streams = new LiveStreams({
      name: 'bilan-live',
      channel: BILAN_CHANNEL,
      databaseUrl: () => changes.url,
      event: 'bilan-changed',
    });
  }

  /** The académie's stream: `ready` (`bilan-changed` when `Last-Event-ID` is behind the log), then one per change. */
  async subscribe(academy: string, lastEventId: string | undefined, response: Response): Promise<void> {
    await this.streams.open(academy, await this.changes.position(), lastEventId, response);
  }

  onModuleDestroy(): Promise<void> {
    return this.streams.close();
  }
}
