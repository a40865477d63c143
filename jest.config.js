// One Jest run for the whole monorepo: unit specs (*.spec.ts) and integration specs (*.int-spec.ts) that talk to the
// real Kafka broker and PostgreSQL server chosen by libs/testing (see README, "Tests and the infrastructure switch").
const { pathsToModuleNameMapper } = require('./tools/jest/paths');
const { swcOptions } = require('./tools/build/swc-options');

const swc = ['@swc/jest', swcOptions({ sourceMaps: 'inline' })];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/bench'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: pathsToModuleNameMapper(),
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/libs/testing/src/infra/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/infra/jest-global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
