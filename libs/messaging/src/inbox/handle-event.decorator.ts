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
