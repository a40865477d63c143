import { EVENT_DEFINITIONS, EventDefinition, EventEnvelope } from '@forma/contracts';
import { backoffDelay, HealthProbe, runWithContext, sleep } from '@forma/observability';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { KeyHashPartitioner } from '../kafka/key-partitioner';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { decodeEvent, EventValidationError } from '../event-validation';
import { ensureTopics } from '../kafka/topic-admin';
import { sendToDeadLetterTopic } from './dead-letter';
import { EventContext } from './event-context';
import { UNKNOWN_EVENT } from './handle-event.decorator';

export interface KafkaEventServerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** The events this consumer can decode (default: every event of libs/contracts). */
  definitions?: readonly EventDefinition[];
  /** The consumer group; also the inbox's consumer name. */
  groupId: string;
  /** Resolves when the database is usable (DatabaseConnector.ready). */
  ready?: Promise<void>;
  /** Tries per message before the dead-letter topic (default 5). */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  sessionTimeoutMs?: number;
  /** Offsets are committed every `commitThreshold` messages or `commitIntervalMs` (defaults 100 and 1000). */
  commitThreshold?: number;
  commitIntervalMs?: number;
  /** A new group reads topics from their beginning (default true: projections want every fact). */
  fromBeginning?: boolean;
  /**
   * How long the broker may hold a fetch to gather `minBytes` (default: answer as soon as one message is there). A
   * consumer that projects set-based (reporting) gathers its events in fewer, larger batches: fewer transactions per
   * event under load, at most `maxWaitMs` more latency under a trickle.
   */
  fetchBatching?: { minBytes: number; maxWaitMs: number };
}

interface Decoded {
  message: KafkaMessage;
  envelope?: EventEnvelope<object>;
  error?: EventValidationError;
}

type ConsumerState = 'starting' | 'running' | 'stopped' | 'failed';

/**
 * A NestJS transport strategy over kafkajs that keeps the NestJS programming model (`@HandleEvent` / `@EventPattern`
 * handlers, pipes, interceptors) and adds what the stock Kafka transport lacks:
 * - every event is validated against libs/contracts; an invalid one goes straight to `<topic>.dlq`;
 * - idempotent consumption: the inbox row (event id, consumer group) and the handler's effects commit in one
 *   transaction, so a redelivered event has no second effect;
 * - retries with backoff, then the dead-letter topic, and consumption goes on;
 * - partitions are processed in order (the key is the aggregate id), batch handlers for bulk flows;
 * - a heartbeat pacemaker during long handlers, and a graceful stop that finishes the message in flight.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy, HealthProbe {
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private state: ConsumerState = 'starting';
  private lastError: string | undefined;
  private readonly definitions: readonly EventDefinition[];
  /** Events received again after they had been handled (redeliveries the inbox absorbed). */
  duplicatesSkipped = 0;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    this.definitions = options.definitions ?? EVENT_DEFINITIONS;
  }

  listen(callback: () => void): void {
    // Never block the application's start on the broker: connect in the background, with backoff.
    this.loop = this.connectLoop();
    callback();
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.loop;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.state = 'stopped';
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit status events; use status()');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Health of the consumer: up once it consumes (or has nothing to consume). */
  readonly name = 'consumer';

  async probe(): Promise<{ up: boolean; detail?: string }> {
    return { up: this.state === 'running', detail: this.lastError ?? this.state };
  }

  /** The topics this service consumes, derived from its handlers' event types. */
  subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      if (pattern === UNKNOWN_EVENT) continue;
      const definitions = this.definitions.filter((d) => d.type === pattern);
      if (!definitions.length) throw new Error(`handler for unknown event type "${pattern}"`);
      definitions.forEach((d) => topics.add(d.topic));
    }
    return [...topics];
  }

  private async connectLoop(): Promise<void> {
    await this.options.ready;
    const topics = this.subscribedTopics();
    if (!topics.length) {
      this.state = 'running';
      return;
    }
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        await ensureTopics(this.options.kafka, topics);
        this.producer = this.options.kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          createPartitioner: KeyHashPartitioner,
        });
        await this.producer.connect();
        this.consumer = this.options.kafka.consumer({
          groupId: this.options.groupId,
          sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
          heartbeatInterval: 3000,
          ...(this.options.fetchBatching
            ? { minBytes: this.options.fetchBatching.minBytes, maxWaitTimeInMs: this.options.fetchBatching.maxWaitMs }
            : { maxWaitTimeInMs: 500 }),
        });
        this.consumer.on(this.consumer.events.CRASH, (event) => {
          this.lastError = event.payload.error.message;
          if (!event.payload.restart) this.state = 'failed';
        });
        await this.consumer.connect();
        await this.consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
        await this.consumer.run({
          eachBatchAutoResolve: false,
          autoCommitInterval: this.options.commitIntervalMs ?? 1000,
          autoCommitThreshold: this.options.commitThreshold ?? 100,
          eachBatch: (payload) => this.eachBatch(payload),
        });
        this.state = 'running';
        this.lastError = undefined;
        this.logger.log(`consuming ${topics.join(', ')} as group ${this.options.groupId}`);
        return;
      } catch (error) {
        this.lastError = (error as Error).message;
        await this.consumer?.disconnect().catch(() => undefined);
        await this.producer?.disconnect().catch(() => undefined);
        const delay = backoffDelay(attempt, 500, 15000);
        this.logger.warn(`Kafka consumer not started (${this.lastError}); retrying in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary, uncommittedOffsets } =
      payload;
    const decoded: Decoded[] = batch.messages.map((message) => {
      try {
        return { message, envelope: decodeEvent(message.value, this.definitions).envelope };
      } catch (error) {
        return { message, error: error as EventValidationError };
      }
    });
    for (let i = 0; i < decoded.length;) {
      if (this.stopping || !isRunning() || isStale()) break;
      const item = decoded[i];
      if (
        !item.envelope &&
        item.error?.reason === 'unknown-event' &&
        item.error.envelope &&
        this.getHandlerByPattern(UNKNOWN_EVENT)
      ) {
        // a newer producer's event: the service asked to keep such events rather than dead-letter them
        await this.processWithRetries(
          batch,
          [{ message: item.message, envelope: item.error.envelope as EventEnvelope<object> }],
          this.getHandlerByPattern(UNKNOWN_EVENT)!,
          heartbeat,
        );
        resolveOffset(item.message.offset);
        i++;
        continue;
      }
      if (!item.envelope) {
        await this.deadLetter(batch, item.message, item.error!.reason, item.error!.message, 0);
        resolveOffset(item.message.offset);
        i++;
        continue;
      }
      const handler = this.getHandlerByPattern(item.envelope.type);
      if (!handler) {
        resolveOffset(item.message.offset); // another consumer's event on a shared topic
        i++;
        continue;
      }
      let chunk = [item];
      if (handler.extras?.batch) {
        let j = i + 1;
        while (j < decoded.length && decoded[j].envelope?.type === item.envelope.type) j++;
        chunk = decoded.slice(i, j);
      }
      await this.processWithRetries(batch, chunk, handler, heartbeat);
      resolveOffset(chunk[chunk.length - 1].message.offset);
      i += chunk.length;
      await heartbeat();
      await commitOffsetsIfNecessary();
    }
    if (this.stopping) await commitOffsetsIfNecessary(uncommittedOffsets());
  }

  private async processWithRetries(
    batch: Batch,
    chunk: Decoded[],
    handler: MessageHandler,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        this.duplicatesSkipped += await withPacemaker(heartbeat, () =>
          this.handleInTransaction(batch, chunk, handler, attempt),
        );
        return;
      } catch (error) {
        lastError = error as Error;
        this.logger.warn(
          `handler for ${chunk[0].envelope!.type} failed (attempt ${attempt}/${maxAttempts}): ${lastError.message}`,
        );
        if (attempt < maxAttempts) {
          await sleep(backoffDelay(attempt - 1, this.options.retryBaseMs ?? 200, this.options.retryMaxMs ?? 5000));
          await heartbeat();
        }
      }
    }
    if (chunk.length > 1) {
      // A batch kept failing: find the culprit by handling its events one at a time.
      for (const item of chunk) await this.processWithRetries(batch, [item], handler, heartbeat);
      return;
    }
    await this.deadLetter(
      batch,
      chunk[0].message,
      'handler-failed',
      lastError?.stack ?? String(lastError),
      maxAttempts,
    );
  }

  private handleInTransaction(
    batch: Batch,
    chunk: Decoded[],
    handler: MessageHandler,
    attempt: number,
  ): Promise<number> {
    const first = chunk[0].envelope!;
    const context = {
      correlationId: first.correlationId,
      causationId: first.id,
      actor: first.actor,
      academy: first.academy,
    };
    return runWithContext(context, () =>
      this.options.dataSource.transaction(async (manager) => {
        const unique = [...new Map(chunk.map((c) => [c.envelope!.id, c])).values()];
        const inserted: { event_id: string }[] = await manager.query(
          `INSERT INTO inbox_message (event_id, consumer_group, event_type, topic, kafka_partition, kafka_offset)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[])
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [
            unique.map((c) => c.envelope!.id),
            unique.map(() => this.options.groupId),
            unique.map((c) => c.envelope!.type),
            unique.map(() => batch.topic),
            unique.map(() => batch.partition),
            unique.map((c) => c.message.offset),
          ],
        );
        const fresh = new Set(inserted.map((r) => r.event_id));
        const events = unique.filter((c) => fresh.has(c.envelope!.id)).map((c) => c.envelope!);
        if (!events.length) return chunk.length; // every event here was already handled: no second effect
        const ctx = new EventContext([manager, batch.topic, batch.partition, attempt]);
        const result = await handler(handler.extras?.batch ? events : events[0], ctx);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        return chunk.length - fresh.size; // redeliveries absorbed by the inbox
      }),
    );
  }

  private async deadLetter(batch: Batch, message: KafkaMessage, reason: string, error: string, attempts: number) {
    this.logger.error(`dead-lettering ${batch.topic}[${batch.partition}]@${message.offset}: ${reason}: ${error}`);
    await sendToDeadLetterTopic(this.producer!, {
      topic: batch.topic,
      partition: batch.partition,
      message,
      consumerGroup: this.options.groupId,
      reason,
      error,
      attempts,
    });
  }
}

/** Heartbeats every 3 s while `work` runs, so a long handler does not get the consumer thrown out of its group. */
async function withPacemaker<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => heartbeat().catch(() => undefined), 3000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
