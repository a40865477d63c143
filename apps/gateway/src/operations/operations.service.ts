import { Injectable } from '@nestjs/common';
import { SERVICES, ServiceName, serviceUrl } from '../gateway.environment';
import { OutboxesStatus, OutboxStatus } from './operations.views';

/** What the services' own /health says of their outbox, gathered for an operator (read-only calls). */
@Injectable()
export class OperationsService {
  outboxes(): Promise<OutboxesStatus> {
    return readOutboxes(process.env);
  }
}

/** Each service's outbox, at the address the gateway forwards to (`<SERVICE>_URL`, or the manifest's port). */
export async function readOutboxes(env: NodeJS.ProcessEnv): Promise<OutboxesStatus> {
  return { outboxes: await Promise.all(SERVICES.map((service) => readOutbox(service, env))) };
}

async function readOutbox(service: ServiceName, env: NodeJS.ProcessEnv): Promise<OutboxStatus> {
  try {
    const answer = await fetch(`${serviceUrl(service, env)}/health`, { signal: AbortSignal.timeout(3000) });
    // terminus answers 503 with the same body when a probe is down: the outbox's figures are still there
    const body = (await answer.json()) as { details?: Record<string, Record<string, unknown>> };
    const outbox = body.details?.outbox ?? {};
    const number = (v: unknown) => (typeof v === 'number' ? v : null);
    return {
      service,
      up: outbox.status === 'up',
      backlog: number(outbox.backlog),
      oldestSeconds: number(outbox.oldestSeconds),
    };
  } catch {
    return { service, up: false, backlog: null, oldestSeconds: null };
  }
}
