import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensurePostgres } from './embedded-postgres';
import { resolveInfraMode } from './infra-mode';

interface StartedContainer {
  stop(): Promise<unknown>;
}

const KAFKA_IMAGE = process.env.FORMA_KAFKA_IMAGE ?? 'confluentinc/cp-kafka:7.9.1';
const POSTGRES_IMAGE = process.env.FORMA_POSTGRES_IMAGE ?? 'postgres:15-alpine';

/** Jest global setup: makes a real Kafka broker and PostgreSQL server available and exports where they are. */
export default async function globalSetup(): Promise<void> {
  const mode = await resolveInfraMode();
  process.env.FORMA_INFRA_RESOLVED = mode;
  if (mode === 'containers') {
    const containers = await startContainers();
    (globalThis as { __formaContainers?: StartedContainer[] }).__formaContainers = containers;
  } else {
    startLocalKafka();
  }
  if (mode !== 'containers') {
    // the server at PG_ADMIN_URL when one answers; else a real PostgreSQL 15 embedded (the registry package's binaries)
    const { url, embedded } = await ensurePostgres(undefined, (line) => console.log(`\n${line}`));
    process.env.PG_ADMIN_URL = url;
    if (embedded) (globalThis as { __formaContainers?: StartedContainer[] }).__formaContainers = [embedded];
  }
  // end-to-end tests start the apps as production does: compiled to dist/ (about a second)
  execFileSync(process.execPath, [resolve(__dirname, '../../../../tools/build/build.js')], { stdio: 'inherit' });
  console.log(
    `\n[forma tests] infrastructure: ${mode}; Kafka ${process.env.KAFKA_BROKERS}; PostgreSQL ${process.env.PG_ADMIN_URL ?? 'local'}`,
  );
}

function startLocalKafka(): void {
  process.env.KAFKA_BROKERS ??= `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
  if (process.env.FORMA_KAFKA_AUTOSTART === '0') return;
  const script = resolve(__dirname, '../../../../tools/kafka/kafka.sh');
  execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
}

async function startContainers(): Promise<StartedContainer[]> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer(KAFKA_IMAGE).withKraft().withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' }).start(),
    new PostgreSqlContainer(POSTGRES_IMAGE)
      .withUsername('postgres')
      .withPassword('postgres')
      .withDatabase('postgres')
      .start(),
  ]);
  process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  process.env.PG_ADMIN_URL = postgres.getConnectionUri();
  return [kafka, postgres];
}
