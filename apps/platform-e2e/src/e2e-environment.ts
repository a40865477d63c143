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
});
