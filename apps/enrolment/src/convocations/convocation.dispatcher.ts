import { HealthProbe } from '@forma/observability';
import { DatabaseConnector } from '@forma/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ENROLMENT_SETTINGS, EnrolmentSettings } from '../enrolment.config';
import { ConvocationFacts, composeConvocation } from './convocation-message';
import { ConvocationRepository } from './convocation.repository';
import { AlreadySentError, NotificationPort } from '@forma/platform';

const BATCH = 100;
const MAX_ATTEMPTS = 5;

/**
 * Drains the convocation outbox: rows are claimed (`sending`) and committed before the adapter is called, then marked
 * `sent`. A process that dies between the two leaves the row in `sending`, and it is never sent again on its own:
 * a convocation may need a manual check, but no one ever receives two (the rule). A failure the adapter
 * reports before anything left goes back to `pending`, up to 5 attempts, then `failed`.
 */
@Injectable()
export class ConvocationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown, HealthProbe {
  readonly name = 'convocations';
  private readonly logger = new Logger(ConvocationDispatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly outbox: ConvocationRepository,
    private readonly notifier: NotificationPort,
    private readonly database: DatabaseConnector,
    @Inject(ENROLMENT_SETTINGS) private readonly settings: EnrolmentSettings,
  ) {}

  /** Polls the convocation outbox every `CONVOCATION_POLL_MS` (default 1 s); nothing else wakes it. */
  onApplicationBootstrap(): void {
    if (!this.settings.convocations.enabled) return;
    const every = this.settings.convocations.pollMs;
    void this.database.ready.then(() => {
      this.timer = setInterval(() => void this.drain(), every);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
  }

  async probe() {
    return { up: true, detail: this.lastError };
  }

  /** Sends what is pending; returns how many were sent. One drain at a time. */
  drain(): Promise<number> {
    this.draining ??= this.drainAll().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainAll(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await this.outbox.claim(BATCH);
      if (!claimed.length) return sent;
      for (const facts of claimed) if (await this.sendOne(facts)) sent += 1;
    }
  }

  private async sendOne(facts: ConvocationFacts): Promise<boolean> {
    try {
      await this.notifier.send(composeConvocation(facts));
    } catch (error) {
      if (!(error instanceof AlreadySentError)) {
        this.lastError = (error as Error).message;
        this.logger.warn({ err: error, registration: facts.registrationId }, 'convocation not sent');
        await this.outbox.failed(facts.registrationId, (error as Error).message, MAX_ATTEMPTS);
        return false;
      }
    }
    await this.outbox.sent(facts.registrationId);
    return true;
  }
}
