import { Logger } from '@nestjs/common';
import { backoffDelay, sleep } from '@forma/observability';
import { Kafka, Producer } from 'kafkajs';
import { KeyHashPartitioner } from '../kafka/key-partitioner';
import { Client, Pool } from 'pg';
import { ensureTopics } from '../kafka/topic-admin';
import { OUTBOX_CHANNEL } from './outbox.channel';
import { decodePayloads } from './outbox-payloads';

/** An outbox row: a run of events of one topic that share their headers but `event-id` (see the publisher). */
export interface OutboxRow {
  seq: string;
  topic: string;
  headers: Record<string, string>;
  event_ids: string[];
  message_keys: string[];
  /** One payload per event id (see `decodePayloads`). */
  payloads: Buffer;
}

/** One event of a row, as kafkajs sends it. */
interface OutboxMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  timestamp?: string;
}

export interface OutboxRelayOptions {
  kafka: Kafka;
  /** The service's database: the relay keeps one connection for its rounds and one for LISTEN. */
  databaseUrl: string;
  /**
   * Events claimed per round (default 2000; a run is never split, so a round may hold one run more); they are sent in
   * requests of at most `requestBytes`.
   */
  batchSize?: number;
  /** Payload bytes per produce request (default 512 KiB), under the broker's 1 MiB per partition batch. */
  requestBytes?: number;
  pollIntervalMs?: number;
  /** Topics to create at start (with their dead-letter twins). */
  topics?: string[];
  /**
   * Called after Kafka acknowledged a batch and before the rows are marked sent. Fault injection for tests and
   * diagnostics: throwing here is a crash between publish and mark-sent (the rows are published again).
   */
  afterPublish?: (rows: OutboxRow[]) => Promise<void> | void;
  /** Told after every round that sent rows or changed the relay's health (the thread host forwards it). */
  onStatus?: (status: OutboxRelayStatus) => void;
}

export interface OutboxRelayStatus {
  healthy: boolean;
  error?: string;
  sentCount: number;
}

/** What a service holds of its relay, whether it runs on the main thread or in a worker thread. */
export interface RelayControl {
  start(): void;
  stop(): Promise<void>;
  readonly healthy: boolean;
  readonly error: string | undefined;
  readonly sentCount: number;
}

/** The advisory lock that makes one relay per outbox (database and schema) the sender: the others stand by. */
const LEADER_LOCK = "hashtext('forma_outbox_relay:' || current_schema())";

/**
 * Sends committed outbox rows to Kafka and deletes them once the broker has them.
 *
 * - Woken at once by NOTIFY (sent by the publisher's transaction on commit), and polls as a safety net.
 * - One relay per database sends at a time: each round takes a transaction-scoped advisory lock, so replicas of a
 *   service stand by instead of competing, and rows go out in `seq` order. Two events of one key come from
 *   transactions that locked the same aggregate, so the later one commits later with a higher `seq`: order per key
 *   holds without locking each row.
 * - The idempotent producer (acks=all) waits for the broker; rows are deleted only after that. A crash in between
 *   sends them again: consumers deduplicate by event id (inbox). The topic, not the outbox, is the record of what
 *   was published: keeping sent rows would rewrite each ~1 kB row once more, and the outbox stays small.
 * - While the broker is unreachable the rows stay in the outbox; the relay retries with backoff.
 */
export class OutboxRelay implements RelayControl {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly abort = new AbortController();
  private readonly pool: Pool;
  private producer: Producer | undefined;
  private listener: Client | undefined;
  private wake: (() => void) | undefined;
  /** A commit was told (NOTIFY) since the round began: rows the round did not read may be waiting. */
  private told = false;
  private loop: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly requestBytes: number;
  private readonly pollIntervalMs: number;
  private lastError: string | undefined;
  sentCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 2000;
    this.requestBytes = options.requestBytes ?? 512 * 1024;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 1, application_name: 'outbox-relay' });
    this.pool.on('error', (error) => this.logger.warn(`outbox relay connection lost: ${error.message}`));
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
    await this.pool.end().catch(() => undefined);
  }

  get healthy(): boolean {
    return this.lastError === undefined;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.abort.signal.aborted;) {
      try {
        this.told = false;
        const sent = await this.relayOnce();
        if (sent > 0 || this.lastError !== undefined) {
          this.lastError = undefined;
          this.options.onStatus?.({ healthy: true, sentCount: this.sentCount });
        }
        failures = 0;
        if (sent < this.batchSize) await this.idle();
      } catch (error) {
        this.lastError = (error as Error).message;
        this.options.onStatus?.({ healthy: false, error: this.lastError, sentCount: this.sentCount });
        const delay = backoffDelay(failures++, 250, 15000);
        this.logger.warn(`outbox relay failed (${this.lastError}); retrying in ${delay} ms`);
        await this.resetConnections();
        await sleep(delay, this.abort.signal);
      }
    }
  }

  private async connect(): Promise<void> {
    if (!this.listener) {
      const listener = new Client({
        connectionString: this.options.databaseUrl,
        application_name: 'outbox-relay-listen',
      });
      listener.on('notification', () => {
        this.told = true;
        this.wake?.();
      });
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
      // the Java client's partitioner (murmur2 of the key), without kafkajs's allocations: any client agrees on where a
      // key lives
      const producer = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: KeyHashPartitioner,
      });
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

  /**
   * Until the next NOTIFY, or the poll. A NOTIFY told while the round ran (a commit the round's read may have missed)
   * starts the next round at once: waiting for another would leave its rows for the poll, a second later, when no
   * commit follows (the last batch of an import).
   */
  private idle(): Promise<void> {
    if (this.told) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  /** One round: lead, read the oldest rows, publish, delete them. Returns how many rows were sent. */
  async relayOnce(): Promise<number> {
    await this.connect();
    const client = await this.pool.connect();
    try {
      // one round trip to begin, lead and read (a follower reads nothing), one to delete and commit: a round per
      // transaction of the service under a steady trickle, so its round trips count (simple protocol, numbers inlined);
      // the ids and keys come as JSON, parsed natively (pg parses a text array element by element: 2,000 each a round)
      const limit = Math.trunc(this.batchSize);
      const [, read] = (await client.query(
        `BEGIN; SELECT seq, topic, headers, to_json(event_ids) AS event_ids, to_json(message_keys) AS message_keys,
                       payloads
                  FROM (SELECT o.*, sum(cardinality(o.event_ids)) OVER (ORDER BY o.seq) - cardinality(o.event_ids) AS before
                          FROM outbox_message o, (SELECT pg_try_advisory_xact_lock(${LEADER_LOCK}) AS leader) l
                         WHERE l.leader ORDER BY o.seq LIMIT ${limit}) AS oldest
                 WHERE before < ${limit} ORDER BY seq`,
      )) as unknown as [unknown, { rows: OutboxRow[] }];
      const rows = read.rows;
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const messages = rows.flatMap(messagesOf);
      for (const request of bySize(messages, this.requestBytes)) {
        await this.producer!.sendBatch({ acks: -1, topicMessages: groupByTopic(request) });
      }
      await this.options.afterPublish?.(rows);
      const seqs = rows.map((r) => String(r.seq));
      if (!seqs.every((seq) => /^\d+$/.test(seq)))
        throw new Error(`outbox sequence not a number: ${seqs.find((seq) => !/^\d+$/.test(seq))}`);
      await client.query(`DELETE FROM outbox_message WHERE seq = ANY('{${seqs.join(',')}}'::bigint[]); COMMIT`);
      this.sentCount += messages.length;
      return messages.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** A row's events, in order, each with the run's headers and its own `event-id`. */
function messagesOf(row: OutboxRow): OutboxMessage[] {
  const values = decodePayloads(row.payloads);
  if (values.length !== row.event_ids.length)
    throw new Error(`outbox row ${row.seq}: ${row.event_ids.length} events but ${values.length} payloads`);
  // an anonymous event is stamped with its day, not the time of its send (envelope.factory.ts)
  const at = row.headers['event-time'];
  return values.map((value, i) => {
    const headers = { ...row.headers, 'event-id': row.event_ids[i] };
    const key = row.message_keys[i];
    return at ? { topic: row.topic, key, value, headers, timestamp: at } : { topic: row.topic, key, value, headers };
  });
}

/** Consecutive slices of at most `bytes` payload bytes (a single larger message goes alone), in order. */
function* bySize(messages: OutboxMessage[], bytes: number): Generator<OutboxMessage[]> {
  let slice: OutboxMessage[] = [];
  let size = 0;
  for (const message of messages) {
    const length = message.value.length + message.key.length;
    if (slice.length && size + length > bytes) {
      yield slice;
      slice = [];
      size = 0;
    }
    slice.push(message);
    size += length;
  }
  if (slice.length) yield slice;
}

/** kafkajs reads a message's key, value, headers and timestamp: the `topic` it also carries is left alone. */
function groupByTopic(messages: OutboxMessage[]) {
  const byTopic = new Map<string, OutboxMessage[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push(message);
    byTopic.set(message.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}
