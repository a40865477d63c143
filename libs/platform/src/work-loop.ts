import { Logger } from '@nestjs/common';

/** One step of a background job: claims and does one unit of work; true when it did some (the loop goes on). */
export type WorkStep = () => Promise<boolean>;

export interface WorkLoopOptions {
  /** For the logs: `attestations`, `convocations`, `exports`... */
  name: string;
  /** How often the loop looks for work nothing woke it for (left by a stopped instance, retries now due). */
  everyMs: number;
}

/**
 * The one runner of the services' background jobs (issue 24: four loops were written four ways). The work lives in
 * PostgreSQL rows each job's repository claims — `FOR UPDATE SKIP LOCKED`, so two replicas never share one, with its
 * attempts and the expiry of a claim whose process died — and this loop drives it: it runs the step until there is no
 * work left, when woken (a request that made work) and every `everyMs` (work left by another instance, retries now
 * due); one run at a time in a process, and a wake during a run runs it once more after; a step that throws is logged
 * and tried at the next round. `stop()` lets the current step end (before the database closes).
 */
export class WorkLoop {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private current: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly step: WorkStep,
    private readonly options: WorkLoopOptions,
  ) {
    this.logger = new Logger(options.name);
  }

  /**
   * Starts once `ready` resolves (the database is reachable): a first run, then one every `everyMs`. A one-shot tool
   * that loads a service's module (reporting's rebuild) sets FORMA_BACKGROUND_JOBS=off: it runs none of its jobs.
   */
  start(ready: Promise<unknown>): void {
    if (process.env.FORMA_BACKGROUND_JOBS === 'off') return;
    void ready
      .then(() => {
        if (this.stopped) return;
        this.wake();
        this.timer = setInterval(() => this.wake(), this.options.everyMs);
        this.timer.unref();
      })
      .catch(() => undefined);
  }

  /** Runs the step until no work is left; during a run, once more after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.drain().finally(() => {
      this.current = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves when no run is under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.step()));
    } catch (error) {
      this.logger.warn(`${this.options.name}: ${(error as Error).message}; next round in ${this.options.everyMs} ms`);
    }
  }
}
