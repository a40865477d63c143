import { HealthProbe } from '@forma/observability';
import { DatabaseConnector } from '@forma/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ENROLMENT_SETTINGS, EnrolmentSettings } from '../enrolment.config';
import { ConvocationFacts, composeConvocation } from './convocation-message';
import { ConvocationRepository } from './convocation.repository';
import { AlreadySentError, NotificationPort, WorkLoop } from '@forma/platform';

const BATCH = 100;
const MAX_ATTEMPTS = 5;

/**
 * Drains the convocation outbox on the shared runner (`WorkLoop`, every `CONVOCATION_POLL_MS`, default 1 s): rows are
 * claimed (`sending`, `FOR UPDATE SKIP LOCKED`: two replicas never take one) and committed before the adapter is
 * called, then marked `sent`. A process that dies between the two leaves the row in `sending`, and it is never sent
 * again on its own: a convocation may need a manual check, but no one ever receives two (the rule): this job's
 * claims do not expire, by design. A failure the adapter reports before anything left goes back to `pending`, up to 5
 * attempts, then `failed`.
 */
@Injectable()
export class ConvocationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown, HealthProbe {
  readonly name = 'convocations';
  private readonly logger = new Logger(ConvocationDispatcher.name);
  private readonly loop: WorkLoop;
  private lastError: string | undefined;

  constructor(
    private readonly outbox: ConvocationRepository,
    private readonly notifier: NotificationPort,
    private readonly database: DatabaseConnector,
    @Inject(ENROLMENT_SETTINGS) private readonly settings: EnrolmentSettings,
  ) {
    this.loop = new WorkLoop(() => this.sendBatch(), { name: 'convocations', everyMs: settings.convocations.pollMs });
  }

  onApplicationBootstrap(): void {
    if (this.settings.convocations.enabled) this.loop.start(this.database.ready);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async probe() {
    return { up: true, detail: this.lastError };
  }

  /** Sends one batch of what is pending; false when nothing was. */
  private async sendBatch(): Promise<boolean> {
    const claimed = await this.outbox.claim(BATCH);
    for (const facts of claimed) await this.sendOne(facts);
    return claimed.length > 0;
  }

  private async sendOne(facts: ConvocationFacts): Promise<void> {
    try {
      await this.notifier.send(composeConvocation(facts));
    } catch (error) {
      if (!(error instanceof AlreadySentError)) {
        this.lastError = (error as Error).message;
        this.logger.warn({ err: error, registration: facts.registrationId }, 'convocation not sent');
        await this.outbox.failed(facts.registrationId, (error as Error).message, MAX_ATTEMPTS);
        return;
      }
    }
    await this.outbox.sent(facts.registrationId);
  }
}
