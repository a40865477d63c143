import {
  createServiceDataSource,
  databaseUrlNamed,
  dropDatabase,
  ensureDatabase,
  runMigrationsLocked,
  ServiceDataSourceOptions,
} from '@forma/persistence';
import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';

/** A fresh, uniquely named database on the test server; `drop()` removes it. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `forma_test_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = databaseUrlNamed(name);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

/** A suffix that makes topic and group names unique to one test run. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes (then throws with `what`). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/**
 * A fresh database on the test server with `migrations` run (a service's, after the messaging tables'), for a
 * repository's integration test: `close()` ends the connections and drops it.
 */
export async function migratedTestDatabase(
  prefix: string,
  migrations: ServiceDataSourceOptions['migrations'],
  poolSize?: number,
): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const db = await createTestDatabase(prefix);
  const dataSource = createServiceDataSource({
    url: db.url,
    applicationName: `${prefix}-spec`,
    entities: [],
    migrations,
    ...(poolSize ? { poolSize } : {}),
  });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
