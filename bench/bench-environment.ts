// Imported first by a benchmark: the environment must be set before the app modules are defined.
import { uniqueSuffix } from '@forma/testing';

export const run = uniqueSuffix();

Object.assign(process.env, {
  FORMA_DATABASE_PREFIX: `forma_bench_${run}_`,
  INTERNAL_AUTH_SECRET: process.env.INTERNAL_AUTH_SECRET ?? 'bench-internal-secret-0123456789abcdef',
  LOG_LEVEL: 'warn',
  CONVOCATIONS_ENABLED: 'false',
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
});

/** What a benchmark that drives the whole platform through the gateway sets: its instance, development tokens. */
export function platformBenchEnvironment(): void {
  Object.assign(process.env, {
    FORMA_INSTANCE: `bench-${run}`,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? 'bench-user-token-secret-0123456789abcdef',
    AUTH_DEV_ISSUER_ENABLED: 'true',
    FORMA_MODE: 'development',
  });
}
