import { EventDefinition, EventEnvelope } from '@forma/contracts';
import { Clock, SystemClock } from '@forma/domain';
import { preparedQuery } from '@forma/persistence';
import { EntityManager } from 'typeorm';
import { currentContext, newCorrelationId } from '@forma/observability';
import { createEnvelope, EnvelopeOptions, eventHeaders } from '../envelope.factory';
import { EventPublisher } from './event-publisher.port';
import { OUTBOX_CHANNEL } from './outbox.channel';
import { encodePayloads } from './outbox-payloads';

/**
 * EventPublisher that writes to the transactional outbox and wakes the relay with NOTIFY (delivered on commit). An
 * event occurs at the service's clock (FORMA_CLOCK stops it), like every other time the service records.
 */
export class OutboxEventPublisher extends EventPublisher {
  constructor(
    private readonly source: string,
    private readonly clock: Clock = new SystemClock(),
  ) {
    super();
  }

  async publish<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: T,
    options?: EnvelopeOptions,
  ): Promise<EventEnvelope<T>> {
    const [envelope] = await this.publishMany(manager, definition, [data], options);
    return envelope;
  }

  async publishMany<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: T[],
    options?: EnvelopeOptions,
  ): Promise<EventEnvelope<T>[]> {
    const envelopes = this.prepare(definition, data, options);
    await this.record(manager, definition, envelopes);
    return envelopes;
  }

  prepare<T extends object>(definition: EventDefinition<T>, data: T[], options?: EnvelopeOptions): EventEnvelope<T>[] {
    // events published together are one unit of work: outside a request or consumed event they share a correlation
    const at = {
      ...options,
      occurredAt: options?.occurredAt ?? this.clock.now(),
      correlationId: currentContext()?.correlationId ?? newCorrelationId(),
    };
    return data.map((d) => createEnvelope(this.source, definition, d, at));
  }

  async record<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    envelopes: EventEnvelope<T>[],
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('EventPublisher.publish must be called inside the transaction of the state change');
    }
    if (!envelopes.length) return;
    const runs = runsOf(definition as EventDefinition<object>, envelopes);
    // one statement for the runs and the relay's wake-up (delivered on commit), one round trip; anonymous events are a
    // run each, so a long list of them goes in slices, under PostgreSQL's 65,535 parameters
    for (let from = 0; from < runs.length; from += RUNS_PER_STATEMENT) {
      const slice = runs.slice(from, from + RUNS_PER_STATEMENT);
      const values = slice.map((_, r) => `($1, $2, $3, ${[4, 5, 6, 7].map((c) => `$${r * 4 + c}`).join(', ')})`);
      // named: one text per number of runs, and an import's batches write one run each
      await preparedQuery(
        manager,
        `WITH inserted AS (
           INSERT INTO outbox_message (topic, event_type, event_version, headers, event_ids, message_keys, payloads)
           VALUES ${values.join(', ')}
           RETURNING cardinality(event_ids) AS events)
         SELECT pg_notify('${OUTBOX_CHANNEL}', sum(events)::text) FROM inserted`,
        [
          definition.topic,
          definition.type,
          definition.version,
          ...slice.flatMap((run) => [run.headers, run.ids, run.keys, run.payloads]),
        ],
      );
    }
  }
}

const RUNS_PER_STATEMENT = 1000;

interface Run {
  /** The headers the run's events share: all but `event-id`, which the relay adds. */
  headers: string;
  ids: string[];
  keys: string[];
  /** JSON Lines, compressed (see `encodePayloads`). */
  payloads: Buffer;
}

/**
 * Consecutive envelopes whose headers differ only by their id, as outbox rows. Events published together share their
 * correlation and causation, so a list is one run; anonymous events each have their own correlation, so one row each.
 */
function runsOf(definition: EventDefinition<object>, envelopes: EventEnvelope<object>[]): Run[] {
  const runs: Run[] = [];
  let first: EventEnvelope<object> | undefined;
  let lines: string[] = [];
  let run: Run | undefined;
  const close = () => {
    if (run) run.payloads = encodePayloads(lines);
  };
  for (const envelope of envelopes) {
    if (!run || !first || !sameHeaders(definition, first, envelope)) {
      close();
      const shared = eventHeaders(envelope, definition);
      delete shared['event-id'];
      first = envelope;
      lines = [];
      run = { headers: JSON.stringify(shared), ids: [], keys: [], payloads: Buffer.alloc(0) };
      runs.push(run);
    }
    run.ids.push(envelope.id);
    run.keys.push(envelope.key);
    lines.push(JSON.stringify(envelope));
  }
  close();
  return runs;
}

/** Whether two envelopes of one definition carry the same headers but `event-id` (see `eventHeaders`). */
const sameHeaders = (definition: EventDefinition<object>, a: EventEnvelope<object>, b: EventEnvelope<object>) =>
  a.correlationId === b.correlationId &&
  a.causationId === b.causationId &&
  (!definition.anonymous || a.occurredAt === b.occurredAt);
