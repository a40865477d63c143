import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// The lint's boundaries are rules only if they fire: lint a forbidden import as if it were written in the tree.
const root = resolve(__dirname, '../..');

/**
 * Runs the repository's ESLint on `code` as if it were `file` (a separate process: ESLint's config is an ES module).
 */
async function lint(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  if (!run.stdout) throw new Error(`eslint printed nothing: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId ?? 'none'}: ${m.message}`);
}

describe('lint boundaries (ESLint with the Nx graph, as npm test runs it)', () => {
  beforeAll(() => {
    // the module-boundaries rule reads the graph Nx caches; on a fresh clone it must be computed first
    if (!existsSync(resolve(root, '.nx/workspace-data/project-graph.json'))) {
      execFileSync('npx', ['nx', 'graph', '--file=dist/graph.json'], {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      });
    }
  }, 120000);

  it('refuses contracts importing messaging', async () => {
    const messages = await lint(
      'libs/contracts/src/forbidden.ts',
      "import { EventPublisher } from '@forma/messaging';\nexport const x = EventPublisher;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
    expect(messages.join('\n')).not.toMatch(/No cached ProjectGraph/);
  });

  it('refuses an app importing another app', async () => {
    const messages = await lint(
      'apps/enrolment/src/forbidden.ts',
      "import { CatalogModule } from '../../catalog/src/catalog.module';\nexport const x = CatalogModule;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('refuses domain rules importing a lib of ours', async () => {
    const messages = await lint(
      'libs/domain/src/forbidden.ts',
      "import { ProblemError } from '@forma/http';\nexport const x = ProblemError;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('refuses SQL and event publishing in a controller', async () => {
    const code =
      "import { DataSource } from 'typeorm';\nimport { EventPublisher } from '@forma/messaging';\nexport const x = [DataSource, EventPublisher];\n";
    const messages = await lint('apps/catalog/src/modules/forbidden.http.controller.ts', code);
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(2);
  });

  it('refuses a DTO class declared in a controller file, accepts the controller', async () => {
    const code =
      "import { Controller } from '@nestjs/common';\nexport class ForbiddenRequest {\n  name!: string;\n}\n@Controller('x')\nexport class ForbiddenController {}\n";
    const messages = await lint('apps/catalog/src/modules/forbidden.http.controller.ts', code);
    expect(messages.filter((m) => m.startsWith('no-restricted-syntax'))).toEqual([
      'no-restricted-syntax: A controller file declares its controller only: DTO classes go in the capability’s *.dto.ts.',
    ]);
  });

  it('refuses SQL and entity manager calls in a use case, a controller or a worker, accepts a repository call', async () => {
    const code = [
      "import { DataSource, EntityManager } from 'typeorm';",
      "import { preparedQuery } from '@forma/persistence';",
      'export class ForbiddenService {',
      '  constructor(private readonly dataSource: DataSource, private readonly requests: { insert(m: EntityManager): void }) {}',
      '  async run(manager: EntityManager) {',
      "    await manager.query('SELECT 1');",
      "    await this.dataSource.query('SELECT 1');",
      '    await this.dataSource.manager.findOneBy(Object, {});',
      "    await preparedQuery(manager, 'SELECT 1', []);",
      '    this.requests.insert(manager);',
      '  }',
      '}',
      '',
    ].join('\n');
    const refused = (file: string) =>
      lint(file, code).then((messages) => messages.filter((m) => m.includes('belong in the capability’s repository')));
    expect(await refused('apps/catalog/src/requests/forbidden.service.ts')).toHaveLength(4);
    expect(await refused('apps/enrolment/src/convocations/forbidden.dispatcher.ts')).toHaveLength(4);
    expect(await refused('apps/catalog/src/requests/forbidden.repository.ts')).toHaveLength(0);
  });

  it('refuses Nest and SQL in pure domain rules', async () => {
    const code =
      "import { Injectable } from '@nestjs/common';\nimport { EntityManager } from 'typeorm';\nexport const x = [Injectable, EntityManager];\n";
    expect(
      (await lint('apps/enrolment/src/registrations/forbidden.policy.ts', code)).filter((m) =>
        m.startsWith('no-restricted-imports'),
      ),
    ).toHaveLength(2);
  });

  it('refuses the Nest-loading entry of @forma/auth in rules, accepts its rules entry', async () => {
    const refused = async (from: string) =>
      (
        await lint(
          'apps/catalog/src/modules/forbidden.rules.ts',
          `import { Identity } from '${from}';\nexport const f = (i: Identity) => i.sub;\n`,
        )
      ).filter((m) => m.includes('@forma/auth/rules'));
    expect(await refused('@forma/auth')).toHaveLength(1);
    expect(await refused('@forma/auth/rules')).toHaveLength(0);
  });

  it('refuses the system’s time in app code, accepts a date built from a value', async () => {
    const code =
      "export const a = new Date();\nexport const b = Date.now();\nexport const c = new Date('2027-06-15');\n";
    const refused = (await lint('apps/attendance/src/presence/forbidden.service.ts', code)).filter((m) =>
      m.includes('injected Clock'),
    );
    expect(refused).toHaveLength(2);
  });

  it('refuses a job loop of its own in app code (the shared WorkLoop runs them)', async () => {
    const code = 'export const loop = setInterval(() => undefined, 1000);\n';
    const refused = (await lint('apps/reporting/src/exports/forbidden.service.ts', code)).filter((m) =>
      m.includes('WorkLoop'),
    );
    expect(refused).toHaveLength(1);
  });

  it('refuses a refusal built in a use case, accepts it in the capability’s errors file', async () => {
    const code =
      "import { RuleViolation } from '@forma/domain';\nexport const refused = () => new RuleViolation('conflict', 'x', 'Non.');\nexport const field = () => RuleViolation.onField('invalid', 'y', 'Non.', 'y');\n";
    const refused = async (file: string) => (await lint(file, code)).filter((m) => m.includes('*.errors.ts'));
    expect(await refused('apps/attendance/src/presence/forbidden.service.ts')).toHaveLength(2);
    expect(await refused('apps/attendance/src/presence/presence.errors.ts')).toHaveLength(0);
  });

  it('refuses a LockedSession made anywhere but by the locking read', async () => {
    const code = "import { LockedSession } from './session-replica';\nexport const s = {} as LockedSession;\n";
    expect(
      (await lint('apps/enrolment/src/registrations/forbidden.ts', code)).some((m) =>
        m.startsWith('no-restricted-syntax'),
      ),
    ).toBe(true);
  });

  it('refuses libs/testing in production code, accepts it in a spec', async () => {
    const code = "import { eventually } from '@forma/testing';\nexport const x = eventually;\n";
    expect((await lint('apps/catalog/src/forbidden.ts', code)).some((m) => m.startsWith('no-restricted-imports'))).toBe(
      true,
    );
    expect(await lint('apps/catalog/src/allowed.spec.ts', code)).toEqual([]);
  });
});
