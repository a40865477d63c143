import { HealthProbe } from '@forma/observability';
import { Injectable } from '@nestjs/common';
import { SERVICES, serviceUrl } from '../gateway.environment';

/** The gateway is healthy when every service answers its own /health with 200. */
@Injectable()
export class ServicesHealthProbe implements HealthProbe {
  readonly name = 'services';

  async probe(): Promise<{ up: boolean; detail?: string }> {
    const results = await Promise.all(
      SERVICES.map(async (service) => {
        try {
          const answer = await fetch(`${serviceUrl(service)}/health`, { signal: AbortSignal.timeout(2500) });
          return answer.ok ? undefined : `${service}: ${answer.status}`;
        } catch (error) {
          return `${service}: ${(error as Error).message}`;
        }
      }),
    );
    const down = results.filter(Boolean);
    return { up: down.length === 0, detail: down.join('; ') || undefined };
  }
}
