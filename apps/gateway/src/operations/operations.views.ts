/** A service's outbox as its /health reports it: the events waiting to be sent to Kafka. */
export interface OutboxStatus {
  service: string;
  /** The relay is running and reaches the broker. */
  up: boolean;
  /** Events waiting to be sent (null: the service did not answer). */
  backlog: number | null;
  /** How long the oldest waiting event has waited, in seconds (0 when none waits; null: the service did not answer). */
  oldestSeconds: number | null;
}

/** Every service's outbox, for the platform's operators. */
export interface OutboxesStatus {
  outboxes: OutboxStatus[];
}
