// Creates each service's database on the PostgreSQL server (PG_ADMIN_URL, default the local server, user postgres).
// Idempotent. Tables come from each service's migrations, run when the service starts.
// `drop` removes them instead (npm run reset: the platform stopped, the next start meets empty databases).
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { DATABASE_SERVICES } from '@forma/platform';

async function main(drop: boolean): Promise<void> {
  for (const service of DATABASE_SERVICES) {
    const url = databaseUrlFor(service);
    const name = new URL(url).pathname.slice(1);
    if (drop) {
      await dropDatabase(url);
      console.log(`[db] ${service}: ${name} dropped`);
      continue;
    }
    const created = await ensureDatabase(url);
    console.log(`[db] ${service}: ${name} ${created ? 'created' : 'already there'}`);
  }
}

main(process.argv[2] === 'drop').catch((error) => {
  console.error(`[db] ERROR: ${(error as Error).message}. Is PostgreSQL running (PG_ADMIN_URL)?`);
  process.exit(1);
});
