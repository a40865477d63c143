import { EventDefinition, EventEnvelope } from '@forma/contracts';
import { EntityManager } from 'typeorm';
import { EnvelopeOptions } from '../envelope.factory';

/**
 * The event bus port. `publish` records the event in the same transaction as the state change that caused it
 * (`manager` is that transaction); the relay sends it to Kafka once the transaction has committed. So an event is
 * published if and only if its state change committed, and nothing is lost while the broker is away.
 */
export abstract class EventPublisher {
  abstract publish<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: T,
    options?: EnvelopeOptions,
  ): Promise<EventEnvelope<T>>;

  /** The same for many events of one definition at once (bulk flows: one multi-row insert). */
  abstract publishMany<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    data: T[],
    options?: EnvelopeOptions,
  ): Promise<EventEnvelope<T>[]>;

  /**
   * Builds and validates envelopes without writing them. A bulk flow prepares them while the database executes its
   * state change, then `record`s them in the same transaction: the CPU work overlaps the database's.
   */
  abstract prepare<T extends object>(
    definition: EventDefinition<T>,
    data: T[],
    options?: EnvelopeOptions,
  ): EventEnvelope<T>[];

  /** Writes prepared envelopes to the outbox, in the transaction of their state change. */
  abstract record<T extends object>(
    manager: EntityManager,
    definition: EventDefinition<T>,
    envelopes: EventEnvelope<T>[],
  ): Promise<void>;
}
