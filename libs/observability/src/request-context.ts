import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What one unit of work (an HTTP request, a consumed event) carries: its correlation id, the event that caused it,
 * and who acts. Set at the edge (HTTP middleware, event consumer) and read where events are written to the outbox and
 * where logs are written, so a request's correlation id reaches the events and the logs of every service it touches.
 */
export interface RequestContext {
  correlationId: string;
  causationId?: string;
  actor?: { kind: 'user' | 'service' | 'import'; id: string };
  academy?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const CORRELATION_ID_HEADER = 'x-correlation-id';

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function newCorrelationId(): string {
  return randomUUID();
}
