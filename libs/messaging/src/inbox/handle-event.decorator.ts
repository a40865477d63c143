import { EventDefinition } from '@forma/contracts';
import { EventPattern } from '@nestjs/microservices';

/** Marks a method as the handler of an event type (every version it knows): `(event: EventEnvelope<T>, ctx)`. */
export function HandleEvent(definition: Pick<EventDefinition, 'type'>): MethodDecorator {
  return EventPattern(definition.type, { batch: false });
}

/**
 * Marks a method as the batch handler of an event type, for bulk flows: it receives consecutive events of that type
 * from one partition as an array (`(events: EventEnvelope<T>[], ctx)`), all written in one transaction.
 */
export function HandleEventBatch(definition: Pick<EventDefinition, 'type'>): MethodDecorator {
  return EventPattern(definition.type, { batch: true });
}

/**
 * Marks a method as the handler of several event types (a projection that keeps every fact): with `batch`, consecutive
 * events of one type from a partition arrive as an array, in one transaction.
 */
export function HandleEvents(
  definitions: readonly Pick<EventDefinition, 'type'>[],
  options: { batch: boolean },
): MethodDecorator {
  return EventPattern([...new Set(definitions.map((d) => d.type))], { batch: options.batch });
}

/**
 * The pattern of a handler for well-formed events of a type or version this service does not know (a newer producer):
 * without such a handler they go to the dead-letter topic; with one, they are handled like any event (in the inbox's
 * transaction, once), and consumption goes on. Reporting keeps them in its event log and reports them.
 */
export const UNKNOWN_EVENT = 'forma.unknown-event';

export function HandleUnknownEvents(): MethodDecorator {
  return EventPattern(UNKNOWN_EVENT, { batch: false });
}
