// Imported first by the end-to-end spec: configuration is validated when the app modules are defined.
import { uniqueSuffix } from '@forma/testing';

export const run = uniqueSuffix();

Object.assign(process.env, {
  FORMA_DATABASE_PREFIX: `forma_test_e2e_${run}_`,
  FORMA_INSTANCE: `e2e-${run}`,
  INTERNAL_AUTH_SECRET: 'e2e-internal-secret-0123456789abcdef',
  AUTH_JWT_SECRET: 'e2e-user-token-secret-0123456789abcdef',
  AUTH_DEV_ISSUER_ENABLED: 'true',
  FORMA_MODE: 'development',
  LOG_LEVEL: 'warn',
  // the suites sign in hundreds of test callers from one address: the limit itself is tested with its own gateways
  // (attendance.int-spec.ts)
  RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
});
