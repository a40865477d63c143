import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { backoffDelay, HealthProbe, sleep } from '@forma/observability';
import { DataSource } from 'typeorm';
import { runMigrationsLocked } from './data-source.factory';

/**
 * Connects the service's data source in the background, with backoff, and runs the migrations once connected.
 * A service whose database is down at start stays up, reports itself unhealthy and answers 503, instead of exiting in
 * a loop. `ready` resolves once the database is usable.
 */
@Injectable()
export class DatabaseConnector implements OnModuleInit, OnApplicationShutdown, HealthProbe {
  readonly name = 'database';
  private readonly logger = new Logger(DatabaseConnector.name);
  private readonly abort = new AbortController();
  private resolveReady!: () => void;
  readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));
  private lastError: string | undefined = 'not connected yet';

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    void this.connectLoop();
  }

  isReady(): boolean {
    return this.lastError === undefined && this.dataSource.isInitialized;
  }

  async probe(): Promise<{ up: boolean; detail?: string }> {
    if (!this.isReady()) return { up: false, detail: this.lastError };
    await this.dataSource.query('SELECT 1');
    return { up: true };
  }

  private async connectLoop(): Promise<void> {
    for (let attempt = 0; !this.abort.signal.aborted; attempt++) {
      try {
        if (!this.dataSource.isInitialized) await this.dataSource.initialize();
        const applied = await runMigrationsLocked(this.dataSource);
        if (applied.length) this.logger.log(`applied migrations: ${applied.join(', ')}`);
        this.lastError = undefined;
        this.resolveReady();
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        const delay = backoffDelay(attempt, 500, 15000);
        this.logger.warn(`database not usable (${this.lastError}); retrying in ${delay} ms`);
        await sleep(delay, this.abort.signal);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
