import { WorkLoop } from '@forma/platform';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { Client } from 'pg';
import { BILAN_CHANNEL, BilanChangesRepository } from './bilan-changes.repository';

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 1_000;

interface Subscriber {
  academy: string;
  response: Response;
}

/**
 * Live bilans (issue 27): a reader's page keeps a Server-Sent Events stream open and asks its bilan again when told
 * that reporting applied events of its académie — within a second of a mark. What the stream carries is only the
 * log's sequence (`id`, what a dropped connection resumes from: `Last-Event-ID`); the figures come from the bilan
 * route, scoped and with statistical secrecy, as ever. Every replica hears every commit (PostgreSQL LISTEN/NOTIFY on
 * reporting's database), so a reader connected to any replica hears of an event applied by another.
 */
@Injectable()
export class BilanLive implements OnModuleDestroy {
  private readonly logger = new Logger('BilanLive');
  private readonly subscribers = new Set<Subscriber>();
  private listener: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;
  private beating = false;
  /** A comment on every stream every 15 s: no proxy closes a quiet stream, and a dead one is seen. */
  private readonly heartbeat = new WorkLoop(
    async () => {
      for (const { response } of this.subscribers) response.write(': en direct\n\n');
      return false;
    },
    { name: 'bilan-live', everyMs: HEARTBEAT_MS },
  );

  constructor(private readonly changes: BilanChangesRepository) {}

  /**
   * Holds `response` open as an event stream for the académie's changes: at once an event saying where the log stands
   * (`bilan-changed` when the reader's `Last-Event-ID` is behind it, else `ready`), then one per change, and a comment
   * every 15 s so that no proxy closes a quiet stream.
   */
  async subscribe(academy: string, lastEventId: string | undefined, response: Response): Promise<void> {
    await this.listen();
    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    const seq = await this.changes.position();
    const behind = lastEventId !== undefined && /^\d+$/.test(lastEventId) && BigInt(lastEventId) < BigInt(seq);
    response.write(`retry: 2000\nid: ${seq}\nevent: ${behind ? 'bilan-changed' : 'ready'}\ndata: {"seq":${seq}}\n\n`);
    const subscriber = { academy, response };
    this.subscribers.add(subscriber);
    response.on('close', () => this.subscribers.delete(subscriber));
  }

  private listen(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const listener = new Client({ connectionString: this.changes.url, application_name: 'reporting-bilan-live' });
    listener.on('notification', (message) => this.deliver(message.payload));
    listener.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost: ${error.message}`);
      this.listener = undefined;
      // the streams stay open; the next change is heard once listening again
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), RECONNECT_MS).unref();
    });
    await listener.connect();
    await listener.query(`LISTEN ${BILAN_CHANNEL}`);
    this.listener = listener;
    if (!this.beating) this.heartbeat.start(Promise.resolve());
    this.beating = true;
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    const { seq, academies } = JSON.parse(payload) as { seq: number | null; academies: string[] };
    if (seq === null) return;
    for (const { academy, response } of this.subscribers)
      if (academies.includes(academy)) response.write(`id: ${seq}\nevent: bilan-changed\ndata: {"seq":${seq}}\n\n`);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.heartbeat.stop();
    for (const { response } of this.subscribers) response.end();
    this.subscribers.clear();
    await this.listener?.end().catch(() => undefined);
  }
}
