/** A payload class: what `data` holds, with its class-validator rules. */
export type PayloadClass<T extends object> = new () => T;

/** One event, defined once: its name, version, topic, payload class and how its aggregate key is read. */
export interface EventDefinition<T extends object = object> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly payload: PayloadClass<T>;
  key(data: T): string;
  readonly description: string;
  /**
   * An anonymous act (an evaluation's answer): its envelope names no actor, carries no correlation with the request,
   * an id that encodes no time, and the day only (occurredAt and the Kafka timestamp at midnight UTC).
   */
  readonly anonymous?: boolean;
}

export type PayloadOf<D> = D extends EventDefinition<infer T> ? T : never;

export function defineEvent<T extends object>(definition: EventDefinition<T>): EventDefinition<T> {
  return Object.freeze({ ...definition });
}
