import { EventDefinition, EventEnvelope } from '@forma/contracts';
import { currentContext, newCorrelationId } from '@forma/observability';
import { v7 as uuidv7 } from 'uuid';
import { validateOutgoingPayload } from './event-validation';

export interface EnvelopeOptions {
  /** Overrides the académie read from the request context. */
  academy?: string;
  occurredAt?: Date;
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
  const context = currentContext();
  const envelope: EventEnvelope<T> = {
    id: uuidv7(),
    type: definition.type,
    version: definition.version,
    source,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    key: definition.key(data),
    correlationId: context?.correlationId ?? newCorrelationId(),
    actor: context?.actor ?? { kind: 'service', id: source },
    data,
  };
  if (context?.causationId) envelope.causationId = context.causationId;
  const academy = options.academy ?? context?.academy;
  if (academy) envelope.academy = academy;
  return envelope;
}

/** Kafka headers of an event: enough to route, trace and filter without parsing the value. */
export function eventHeaders(envelope: EventEnvelope<unknown>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'event-id': envelope.id,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    'correlation-id': envelope.correlationId,
  };
  if (envelope.causationId) headers['causation-id'] = envelope.causationId;
  return headers;
}
