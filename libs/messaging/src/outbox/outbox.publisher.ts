import { EventDefinition, EventEnvelope } from '@forma/contracts';
import { Clock, SystemClock } from '@forma/domain';
import { copyRows } from '@forma/persistence';
import { EntityManager } from 'typeorm';
import { createEnvelope, EnvelopeOptions, eventHeaders } from '../envelope.factory';
import { EventPublisher } from './event-publisher.port';
import { OUTBOX_CHANNEL } from './outbox.channel';

/** From this many events on, the outbox rows are written with COPY rather than one multi-row insert. */
const COPY_FROM = 200;
const COLUMNS = ['event_id', 'topic', 'message_key', 'event_type', 'event_version', 'payload', 'headers'] as const;

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
    const at = { ...options, occurredAt: options?.occurredAt ?? this.clock.now() };
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
    const rows = envelopes.map((e) => [
      e.id,
      definition.topic,
      e.key,
      e.type,
      e.version,
      JSON.stringify(e),
      JSON.stringify(eventHeaders(e, definition as EventDefinition<object>)),
    ]);
    if (rows.length >= COPY_FROM) {
      await copyRows(manager, 'outbox_message', COLUMNS, rows);
      await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, String(envelopes.length)]);
    } else {
      // One statement for the whole list and the relay's wake-up: one array per column, unnested server-side, one round
      // trip.
      await manager.query(
        `WITH inserted AS (
           INSERT INTO outbox_message (${COLUMNS.join(', ')})
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::jsonb[])
           RETURNING 1)
         SELECT pg_notify($8, count(*)::text) FROM inserted`,
        [...COLUMNS.map((_, column) => rows.map((row) => row[column])), OUTBOX_CHANNEL],
      );
    }
  }
}
