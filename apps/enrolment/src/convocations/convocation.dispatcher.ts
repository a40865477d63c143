import { HealthProbe } from '@forma/observability';
import { DatabaseConnector } from '@forma/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENROLMENT_SETTINGS, EnrolmentSettings } from '../enrolment.config';
import { ConvocationFacts, composeConvocation } from './convocation-message';
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
    private readonly dataSource: DataSource,
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
      const claimed = await this.claim();
      if (!claimed.length) return sent;
      for (const facts of claimed) if (await this.sendOne(facts)) sent += 1;
    }
  }

  private async claim(): Promise<ConvocationFacts[]> {
    const [rows] = (await this.dataSource.query(
      `WITH next AS (
         SELECT c.registration_id FROM convocation c JOIN registration r ON r.id = c.registration_id
         WHERE c.state = 'pending' AND r.state = 'confirmed' ORDER BY c.created_at LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED)
       UPDATE convocation c SET state = 'sending', attempts = c.attempts + 1 FROM next WHERE c.registration_id = next.registration_id
       RETURNING c.registration_id AS "registrationId"`,
    )) as [{ registrationId: string }[], number];
    if (!rows.length) return [];
    return (await this.dataSource.query(
      `SELECT r.id AS "registrationId", p.mail, p.first_name AS "firstName", p.last_name AS "lastName",
         coalesce(m.title, 'Formation') AS "moduleTitle", coalesce(m.themes, '{}') AS themes, coalesce(m.total_hours, 0)::float AS "totalHours",
         s.slots, coalesce(sc.name || ' (' || s.place_uai || ')', s.place_uai) AS place, s.group_number AS "groupNumber"
       FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session_replica s ON s.session_id = r.session_id
       LEFT JOIN school_replica sc ON sc.uai = s.place_uai
       LEFT JOIN module_replica m ON m.module_id = r.module_id WHERE r.id = ANY($1::uuid[])`,
      [rows.map((r) => r.registrationId)],
    )) as ConvocationFacts[];
  }

  private async sendOne(facts: ConvocationFacts): Promise<boolean> {
    try {
      await this.notifier.send(composeConvocation(facts));
    } catch (error) {
      if (!(error instanceof AlreadySentError)) {
        this.lastError = (error as Error).message;
        this.logger.warn({ err: error, registration: facts.registrationId }, 'convocation not sent');
        await this.dataSource.query(
          `UPDATE convocation SET state = CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END, last_error = $2
           WHERE registration_id = $1`,
          [facts.registrationId, (error as Error).message.slice(0, 500)],
        );
        return false;
      }
    }
    await this.dataSource.query(
      `UPDATE convocation SET state = 'sent', sent_at = now(), last_error = NULL WHERE registration_id = $1`,
      [facts.registrationId],
    );
    return true;
  }
}
