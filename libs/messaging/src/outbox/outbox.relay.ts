import { Logger } from '@nestjs/common';
import { backoffDelay, sleep } from '@forma/observability';
import { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { ensureTopics } from '../kafka/topic-admin';
import { OUTBOX_CHANNEL } from './outbox.publisher';

export interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

export interface OutboxRelayOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Connection string for the LISTEN connection (the data source's own URL). */
  listenUrl: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** Topics to create at start (with their dead-letter twins). */
  topics?: string[];
  /**
   * Called after Kafka acknowledged a batch and before the rows are marked sent. Fault injection for tests and
   * diagnostics: throwing here is a crash between publish and mark-sent (the rows are published again).
   */
  afterPublish?: (rows: OutboxRow[]) => Promise<void> | void;
}

/**
 * Sends committed outbox rows to Kafka and marks them sent.
 *
 * - Woken at once by NOTIFY (sent by the publisher's transaction on commit), and polls as a safety net.
 * - Claims rows with `FOR UPDATE SKIP LOCKED`, so two relays never publish the same row at the same time.
 * - Keeps per-key order across relays: a row is sent only when every earlier unsent row of its key is in the same
 *   batch, in order; otherwise it waits for the next round.
 * - The idempotent producer (acks=all) waits for the broker; rows are marked sent only after that. A crash in between
 *   sends them again: consumers deduplicate by event id (inbox).
 * - While the broker is unreachable the rows stay in the outbox; the relay retries with backoff.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly abort = new AbortController();
  private producer: Producer | undefined;
  private listener: Client | undefined;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private lastError: string | undefined;
  sentCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops after the batch in flight, then disconnects. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  get healthy(): boolean {
    return this.lastError === undefined;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.abort.signal.aborted; ) {
      try {
        const sent = await this.relayOnce();
        this.lastError = undefined;
        failures = 0;
        if (sent < this.batchSize) await this.idle();
      } catch (error) {
        this.lastError = (error as Error).message;
        const delay = backoffDelay(failures++, 250, 15000);
        this.logger.warn(`outbox relay failed (${this.lastError}); retrying in ${delay} ms`);
        await this.resetConnections();
        await sleep(delay, this.abort.signal);
      }
    }
  }

  private async connect(): Promise<void> {
    if (!this.listener) {
      const listener = new Client({ connectionString: this.options.listenUrl });
      listener.on('notification', () => this.wake?.());
      listener.on('error', (error) => {
        this.logger.warn(`LISTEN connection lost: ${error.message}`);
        this.listener = undefined;
      });
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = listener;
    }
    if (!this.producer) {
      if (this.options.topics?.length) await ensureTopics(this.options.kafka, this.options.topics);
      const producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      this.producer = producer;
    }
  }

  private async resetConnections(): Promise<void> {
    const producer = this.producer;
    const listener = this.listener;
    this.producer = undefined;
    this.listener = undefined;
    await producer?.disconnect().catch(() => undefined);
    await listener?.end().catch(() => undefined);
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  /** One round: claim, keep per-key order, publish, mark sent. Returns how many rows were sent. */
  async relayOnce(): Promise<number> {
    await this.connect();
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const claimed: OutboxRow[] = await runner.query(
        `SELECT seq, event_id, topic, message_key, payload, headers FROM outbox_message
         WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      const rows = await this.inKeyOrder(runner, claimed);
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      await this.producer!.sendBatch({
        acks: -1,
        topicMessages: groupByTopic(rows),
      });
      await this.options.afterPublish?.(rows);
      await runner.query(
        'UPDATE outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])',
        [rows.map((r) => r.seq)],
      );
      await runner.commitTransaction();
      this.sentCount += rows.length;
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Drops the claimed rows that would overtake an earlier unsent row of the same key held by another relay: for each
   * key, only the claimed rows before the first unclaimed one are kept.
   */
  private async inKeyOrder(runner: QueryRunner, claimed: OutboxRow[]): Promise<OutboxRow[]> {
    if (claimed.length === 0) return claimed;
    const maxSeq = claimed[claimed.length - 1].seq;
    const keys = [...new Set(claimed.map((r) => r.message_key))];
    const pending: { seq: string; message_key: string }[] = await runner.query(
      `SELECT seq, message_key FROM outbox_message
       WHERE sent_at IS NULL AND message_key = ANY($1::text[]) AND seq <= $2 ORDER BY seq`,
      [keys, maxSeq],
    );
    const mine = new Set(claimed.map((r) => r.seq));
    const blocked = new Set<string>();
    for (const row of pending) {
      if (!mine.has(row.seq)) blocked.add(row.message_key);
      else if (blocked.has(row.message_key)) mine.delete(row.seq);
    }
    return claimed.filter((r) => mine.has(r.seq));
  }
}

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
