/**
 * Where a service's database is: `DATABASE_URL`, else the `<FORMA_DATABASE_PREFIX><service>` database (prefix default
 * `forma_`) on the server of `PG_ADMIN_URL`.
 */
export function databaseUrlFor(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env.FORMA_DATABASE_PREFIX ?? 'forma_';
  return env.DATABASE_URL ?? databaseUrlNamed(`${prefix}${service}`, env);
}

/** The URL of database `name` on the server of `PG_ADMIN_URL`. */
export function databaseUrlNamed(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return adminDatabaseUrl(env).replace(/\/[^/]*$/, `/${name}`);
}

/** A connection to the server's maintenance database, used to create databases: `PG_ADMIN_URL`. */
export function adminDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
