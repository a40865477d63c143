// ESLint for the whole monorepo. The Nx module-boundaries rule, driven by the tags in each project.json, is what keeps
// apps from importing each other and keeps libs/contracts free of dependencies.
import nx from '@nx/eslint-plugin';
// last: turns off the rules Prettier's format would break (the format is Prettier's, checked by the test command)
import prettier from 'eslint-config-prettier';

/** The time comes from the injected Clock (@forma/domain), so that rules and flows can run at another date. */
const SYSTEM_TIME = {
  selector:
    "NewExpression[callee.name='Date'][arguments.length=0], CallExpression[callee.object.name='Date'][callee.property.name='now']",
  message: 'Time comes from the injected Clock (@forma/domain: clock.now(), clock.today()), not the system’s.',
};

/** A background job's loop is the shared runner, never a timer of its own. */
const OWN_LOOP = {
  selector: "CallExpression[callee.name='setInterval']",
  message: 'A background job runs on the shared runner (WorkLoop, @forma/platform), not a setInterval of its own.',
};

/**
 * What all app code is refused (a block's no-restricted-syntax replaces an earlier block's, so later blocks repeat it):
 * capacity arithmetic runs only on a session locked FOR UPDATE (only the locking read makes a LockedSession), and the
 * time comes from the clock.
 */
const APP_CODE = [
  {
    selector: "TSAsExpression > TSTypeReference[typeName.name='LockedSession']",
    message: 'Only RegistrationRepository makes a LockedSession, after its row lock (lockSessions, lockForPlacement).',
  },
  SYSTEM_TIME,
  OWN_LOOP,
];

/** A capability's refusals are built in its *.errors.ts (or by its rules): one code, one message each. */
const BUILT_VIOLATION = {
  selector:
    "NewExpression[callee.name='RuleViolation'], CallExpression[callee.object.name='RuleViolation'][callee.property.name=/^(onField|onRow)$/]",
  message: 'A refusal is built in the capability’s *.errors.ts (or its *.rules.ts): one code, one message each.',
};

/** Calls on an entity manager or a data source: a repository's work (the use-case layer's lint, below). */
const DATABASE_METHODS =
  '/^(query|createQueryBuilder|getRepository|insert|update|delete|find|findOne|findOneBy|findBy|save|upsert|remove|exists|existsBy|count|countBy|increment|decrement)$/';
const REPOSITORY_ONLY =
  'SQL and entity manager calls belong in the capability’s repository (*.repository.ts), not in a use case.';
const DATABASE_CALLS = [
  {
    selector: `CallExpression[callee.property.name=${DATABASE_METHODS}]:matches([callee.object.name=/^(manager|dataSource|entityManager)$/], [callee.object.property.name=/^(manager|dataSource)$/])`,
    message: REPOSITORY_ONLY,
  },
  {
    // @forma/persistence's named statements are SQL too
    selector: "CallExpression[callee.name='preparedQuery']",
    message: REPOSITORY_ONLY,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules/**', '**/dist/**', '.cache/**', '.nx/**', 'tools/jest/**', 'jest.config.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [] },
            // rules in libs/domain are plain TypeScript: no Nest, no database, no other lib of ours
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // libs/testing (infrastructure switch, fixtures) serves tests only: production code may not import it.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**', 'apps/platform-e2e/**', '**/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@forma/testing', message: 'libs/testing is for tests only (specs, apps/platform-e2e, bench).' },
          ],
        },
      ],
    },
  },
  {
    // the house layout (docs/architecture.md): controllers are thin. No SQL, no transaction, no event publishing.
    files: ['apps/*/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'Controllers hold no SQL: call a use-case service or a *.queries.ts class.' },
            {
              name: '@forma/messaging',
              importNames: ['EventPublisher'],
              message: 'Controllers publish nothing: a use case writes events to the outbox.',
            },
            { name: '@forma/testing', message: 'libs/testing is for tests only (specs, apps/platform-e2e, bench).' },
          ],
        },
      ],
    },
  },
  {
    // pure domain rules: no Nest, no database, no HTTP
    files: ['apps/*/src/**/*.rules.ts', 'apps/*/src/**/*.policy.ts', 'libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@forma/auth',
              message: 'Rules import @forma/auth/rules (identity and reach): the package entry loads Nest.',
            },
          ],
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'express',
                '@forma/http',
                '@forma/messaging',
                '@forma/persistence',
                '@forma/platform',
                '@forma/testing',
              ],
              message: 'Domain rules are pure: no Nest, no SQL, no HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // capacity arithmetic runs only on a session locked FOR UPDATE: only the locking read may make a LockedSession
    files: ['apps/**/*.ts'],
    ignores: [
      'apps/enrolment/src/registrations/registration.repository.ts',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'apps/platform-e2e/**',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...APP_CODE, BUILT_VIOLATION],
    },
  },
  {
    // use cases, controllers and workers reach the database through their capability's repository (*.repository.ts,
    // *.queries.ts): no SQL, query builder or entity manager call of their own (docs/architecture.md)
    files: [
      'apps/*/src/**/*.service.ts',
      'apps/*/src/**/*.controller.ts',
      'apps/*/src/**/*.dispatcher.ts',
      'apps/*/src/**/*.renderer.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...APP_CODE, BUILT_VIOLATION, ...DATABASE_CALLS],
    },
  },
  {
    // a controller maps HTTP or events to a use case: its request and answer classes live in the capability's *.dto.ts
    // (the rules above are repeated: a block's no-restricted-syntax replaces the earlier one's)
    files: ['apps/*/src/**/*.controller.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...APP_CODE,
        BUILT_VIOLATION,
        ...DATABASE_CALLS,
        {
          selector:
            ":matches(Program, ExportNamedDeclaration) > ClassDeclaration:not(:has(Decorator > CallExpression > Identifier[name='Controller']))",
          message: 'A controller file declares its controller only: DTO classes go in the capability’s *.dto.ts.',
        },
      ],
    },
  },
  {
    // rules, policies and errors files build the refusals
    files: ['apps/*/src/**/*.rules.ts', 'apps/*/src/**/*.policy.ts', 'apps/*/src/**/*.errors.ts'],
    rules: { 'no-restricted-syntax': ['error', ...APP_CODE] },
  },
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      // Prettier formats at 120; what it cannot break (comments) is kept under it too. Strings, templates (SQL, French
      // messages) and URLs stay whole, so that a message or a statement is found by searching for it.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
];
