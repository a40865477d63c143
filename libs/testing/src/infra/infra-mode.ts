/**
 * The one switch for tests: `FORMA_INFRA`.
 * - `auto` (default): testcontainers when a Docker engine answers, otherwise `local`.
 * - `containers`: start Kafka and PostgreSQL containers with testcontainers (fails when no engine answers).
 * - `local`: use the broker started by tools/kafka/kafka.sh (started here when it is not running, unless
 *   `FORMA_KAFKA_AUTOSTART=0`) and the PostgreSQL server at `PG_ADMIN_URL` (default the local server).
 * Either way the tests talk to a real Kafka broker and a real PostgreSQL server: there is no fake.
 */
export type InfraMode = 'local' | 'containers';

export async function dockerEngineAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function resolveInfraMode(env: NodeJS.ProcessEnv = process.env): Promise<InfraMode> {
  const wanted = (env.FORMA_INFRA ?? 'auto').toLowerCase();
  if (wanted === 'local' || wanted === 'containers') return wanted;
  if (wanted !== 'auto') throw new Error(`FORMA_INFRA must be auto, local or containers (got "${env.FORMA_INFRA}")`);
  return (await dockerEngineAvailable()) ? 'containers' : 'local';
}
