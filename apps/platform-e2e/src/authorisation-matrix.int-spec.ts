// The authorisation matrix, live: every route of docs/authorisation-matrix.json called through the gateway as every
// role, on the real services (broker and PostgreSQL). A role the table allows gets past the role check (whatever the
// answer then, short of a 5xx: 400 for the empty body, 404 for the made-up id, 403 out of scope); a role it does not
// allow gets 403
// `forbidden_role` from the service itself. Scope relations (académie, district, school, session) are
// trust.int-spec.ts.
import './e2e-environment';
import { ROLES } from '@forma/auth';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { request } from './checked-request';
import { RunningApp, startPlatform, stopPlatform } from './app-process';
import { gatewayClient } from './gateway-client';

const matrix = JSON.parse(readFileSync(resolve(__dirname, '../../../docs/authorisation-matrix.json'), 'utf8')) as {
  routes: Record<string, string[]>;
};

/** A path with its parameters made up: ids that exist nowhere, a valid UAI, a code. */
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'uai' ? '9730298L' : name === 'code' ? '999' : name === 'revision' ? '1' : randomUUID(),
  );

describe('authorisation matrix, every route x every role, through the gateway', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  const { bearer } = gatewayClient(() => gateway);

  beforeAll(async () => {
    const platform = await startPlatform();
    apps.push(...platform.apps);
    gateway = platform.gateway;
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await stopPlatform(apps);
  });

  it('answers as the table says', async () => {
    const routes = Object.entries(matrix.routes);
    expect(routes.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    const tried = { allowed: 0, refused: 0 };
    for (const [route, allowed] of routes) {
      const [method, path] = route.split(' ');
      for (const role of ROLES) {
        const call = request(gateway)
          [method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](concrete(path))
          .set('authorization', await bearer({ role, academy: 'guyane', mail: `${role}.matrice@ac-exemple.fr` }))
          .set('if-match', '"1"');
        const answer = method === 'GET' ? await call : await call.send({});
        tried[allowed.includes(role) ? 'allowed' : 'refused'] += 1;
        const refusedForRole = answer.status === 403 && answer.body.code === 'forbidden_role';
        // an allowed role gets past the role check to an answer of the route's own: never a 5xx (a crash is no answer)
        const ok = allowed.includes(role)
          ? answer.status !== 401 && answer.status < 500 && !refusedForRole
          : refusedForRole;
        if (!ok)
          wrong.push(
            `${route} as ${role}: ${answer.status} ${answer.body?.code ?? ''} (table: ${allowed.includes(role) ? 'allowed' : 'refused'})`,
          );
      }
    }
    // both sides of the table were tried (a table allowing, or refusing, every role to everything would be suspect)
    expect(tried.allowed).toBeGreaterThan(routes.length);
    expect(tried.refused).toBeGreaterThan(routes.length);
    expect(wrong).toEqual([]);
  }, 300000);
});
