import 'reflect-metadata';
import { DatabaseConnector } from '@forma/persistence';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProjectionService } from './projections/projection.service';
import { ReportingModule } from './reporting.module';

/**
 * `npm run reporting:rebuild`: empties every projection of reporting and replays its event log into them, in one
 * transaction, with the service's own configuration (DATABASE_URL...). Prints what was replayed and the digest of the
 * projections: the same log gives the same digest.
 */
async function main(): Promise<void> {
  // a one-shot tool: none of the service's background jobs (an export claimed here would die with it; a BI round
  // would contend with the rebuild's transaction: a deadlock was seen in CI)
  process.env.FORMA_BACKGROUND_JOBS = 'off';
  // stdout carries the report only (a script reads it as JSON): every log line goes to stderr
  const toStderr = (level: string) => (message: unknown) => process.stderr.write(`[${level}] ${String(message)}\n`);
  const logger: LoggerService = { log: () => undefined, warn: toStderr('warn'), error: toStderr('error') };
  const app = await NestFactory.createApplicationContext(ReportingModule, { logger });
  try {
    await app.get(DatabaseConnector).ready;
    const report = await app.get(ProjectionService).rebuild();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
