import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Client } from 'pg';
import { WorkLoop } from './work-loop';

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 1_000;

export interface LiveStreamsOptions {
  /** For the logs and the heartbeat's loop: `bilan-live`, `presence-live`. */
  name: string;
  /** The PostgreSQL channel the service's transactions notify (`pg_notify`, heard on commit). */
  channel: string;
  /** The database to listen on (the service's own). */
  databaseUrl: () => string | undefined;
  /** The event every change is sent as (`bilan-changed`, `presence-changed`). */
  event: string;
}

interface Subscriber {
  key: string;
  response: Response;
}

/**
 * Server-Sent Events fed by PostgreSQL's LISTEN/NOTIFY (issue 27): a service's transaction notifies its channel with
 * `{"seq": <position>, "keys": [...]}` (delivered on commit, to every replica listening on the database), and every
 * stream opened for one of those keys is sent `id: <seq>` and the change's event. A stream opened with a
 * `Last-Event-ID` behind where its key stands is told of a change at once (one was missed while it was away). What a
 * stream carries is a position, never data: readers ask the route it mirrors again, with its rights and scope. A
 * comment every 15 s keeps quiet streams open through proxies (on the shared WorkLoop).
 */
export class LiveStreams {
  private readonly logger: Logger;
  private readonly subscribers = new Set<Subscriber>();
  private listener: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;
  private beating = false;
  private readonly heartbeat: WorkLoop;

  constructor(private readonly options: LiveStreamsOptions) {
    this.logger = new Logger(options.name);
    this.heartbeat = new WorkLoop(
      async () => {
        for (const { response } of this.subscribers) response.write(': en direct\n\n');
        return false;
      },
      { name: options.name, everyMs: HEARTBEAT_MS },
    );
  }

  /** Holds `response` open as the event stream of `key`, from `position` (where the key stands now). */
  async open(key: string, position: string, lastEventId: string | undefined, response: Response): Promise<void> {
    await this.listen();
    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    const behind = lastEventId !== undefined && /^\d+$/.test(lastEventId) && BigInt(lastEventId) < BigInt(position);
    const first = behind ? this.options.event : 'ready';
    response.write(`retry: 2000\nid: ${position}\nevent: ${first}\ndata: {"seq":${position}}\n\n`);
    const subscriber = { key, response };
    this.subscribers.add(subscriber);
    response.on('close', () => this.subscribers.delete(subscriber));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.heartbeat.stop();
    for (const { response } of this.subscribers) response.end();
    this.subscribers.clear();
    await this.listener?.end().catch(() => undefined);
  }

  private listen(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl(), application_name: this.options.name });
    listener.on('notification', (message) => this.deliver(message.payload));
    listener.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost: ${error.message}`);
      this.listener = undefined;
      // the streams stay open; the next change is heard once listening again
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), RECONNECT_MS).unref();
    });
    await listener.connect();
    await listener.query(`LISTEN ${this.options.channel}`);
    this.listener = listener;
    if (!this.beating) this.heartbeat.start(Promise.resolve());
    this.beating = true;
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    const { seq, keys } = JSON.parse(payload) as { seq: string | number | null; keys: string[] };
    if (seq === null) return;
    for (const { key, response } of this.subscribers)
      if (keys.includes(key)) response.write(`id: ${seq}\nevent: ${this.options.event}\ndata: {"seq":${seq}}\n\n`);
  }
}
