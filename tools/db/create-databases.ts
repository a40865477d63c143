// Creates each service's database on the PostgreSQL server (PG_ADMIN_URL, default the local server, user postgres).
// Idempotent. Tables come from each service's migrations, run when the service starts.
import { databaseUrlFor, ensureDatabase } from '@forma/persistence';
import { DATABASE_SERVICES } from '@forma/platform';

async function main(): Promise<void> {
  for (const service of DATABASE_SERVICES) {
    const url = databaseUrlFor(service);
    const created = await ensureDatabase(url);
    console.log(`[db] ${service}: ${new URL(url).pathname.slice(1)} ${created ? 'created' : 'already there'}`);
  }
}

main().catch((error) => {
  console.error(`[db] ERROR: ${(error as Error).message}. Is PostgreSQL running (PG_ADMIN_URL)?`);
  process.exit(1);
});
