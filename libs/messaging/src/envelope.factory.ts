import { newId } from '@forma/domain';
import { EventDefinition, EventEnvelope } from '@forma/contracts';
import { currentContext, newCorrelationId } from '@forma/observability';
import { randomUUID } from 'node:crypto';
import { validateOutgoingPayload } from './event-validation';

export interface EnvelopeOptions {
  /** Overrides the académie read from the request context. */
  academy?: string;
  occurredAt?: Date;
  /** The unit of work's correlation, where no request or consumed event gives one (events published together). */
  correlationId?: string;
}

/**
 * Wraps a payload in its envelope: a UUID v7 id (time-ordered), the aggregate key, and the correlation, causation and
 * actor of the unit of work in progress (HTTP request or consumed event).
 */
export function createEnvelope<T extends object>(
  source: string,
  definition: EventDefinition<T>,
  data: T,
  options: EnvelopeOptions = {},
): EventEnvelope<T> {
  validateOutgoingPayload(definition, data);
  if (definition.anonymous) return anonymousEnvelope(source, definition, data, options);
  const context = currentContext();
  const envelope: EventEnvelope<T> = {
    id: newId(),
    type: definition.type,
    version: definition.version,
    source,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    key: definition.key(data),
    correlationId: context?.correlationId ?? options.correlationId ?? newCorrelationId(),
    actor: context?.actor ?? { kind: 'service', id: source },
    data,
  };
  if (context?.causationId) envelope.causationId = context.causationId;
  const academy = options.academy ?? context?.academy;
  if (academy) envelope.academy = academy;
  return envelope;
}

/** The day of an instant, as midnight UTC. */
export const dayOf = (at: Date): string => `${at.toISOString().slice(0, 10)}T00:00:00.000Z`;

/**
 * The envelope of an anonymous act (issue 22): nothing of its author and nothing finer than the day. A random id (a v7
 * id encodes its millisecond), a correlation of its own (the request's would join it to the request's logs), no
 * causation, the service as actor, midnight UTC as occurredAt.
 */
function anonymousEnvelope<T extends object>(
  source: string,
  definition: EventDefinition<T>,
  data: T,
  options: EnvelopeOptions,
): EventEnvelope<T> {
  const envelope: EventEnvelope<T> = {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    source,
    occurredAt: dayOf(options.occurredAt ?? new Date()),
    key: definition.key(data),
    correlationId: newCorrelationId(),
    actor: { kind: 'service', id: source },
    data,
  };
  if (options.academy) envelope.academy = options.academy;
  return envelope;
}

/**
 * Kafka headers of an event: enough to route, trace and filter without parsing the value. An anonymous event carries
 * `event-time`, its day, which the relay sets as the record's timestamp (the broker would otherwise stamp the send).
 */
export function eventHeaders(
  envelope: EventEnvelope<unknown>,
  definition?: EventDefinition<object>,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'event-id': envelope.id,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    'correlation-id': envelope.correlationId,
  };
  if (envelope.causationId) headers['causation-id'] = envelope.causationId;
  if (definition?.anonymous) headers['event-time'] = String(Date.parse(envelope.occurredAt));
  return headers;
}
