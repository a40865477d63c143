import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/** Something a health check can ask: is the database or the broker usable right now? */
export interface HealthProbe {
  readonly name: string;
  /** `info`: figures shown beside the probe's status in /health (an outbox's backlog), for operators. */
  probe(): Promise<{ up: boolean; detail?: string; info?: Record<string, number | string | null> }>;
}

export const HEALTH_PROBES = Symbol('HEALTH_PROBES');

/** Turns probes into terminus results. Each probe has 3 s to answer. */
@Injectable()
export class ProbeHealthIndicator {
  constructor(private readonly health: HealthIndicatorService) {}

  async check(probe: HealthProbe) {
    const session = this.health.check(probe.name);
    try {
      const result = await withTimeout(probe.probe(), 3000, `${probe.name} did not answer within 3 s`);
      return result.up ? session.up(result.info) : session.down({ message: result.detail ?? 'down', ...result.info });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
