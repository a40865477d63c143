import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DOCUMENTED_APPS } from './openapi';

// The authorisation matrix (docs/authorisation-matrix.json) against the routes the apps document: a new route without
// a row fails, and so does a route whose code lets in other roles than the table says.
const root = resolve(__dirname, '../..');
const matrix = JSON.parse(readFileSync(resolve(root, 'docs/authorisation-matrix.json'), 'utf8')) as { routes: Record<string, string[]> };
type Operation = { 'x-forma-roles'?: string[]; security?: unknown[] };

function documentedRoutes(): Map<string, string[] | 'public'> {
  const routes = new Map<string, string[] | 'public'>();
  for (const app of Object.keys(DOCUMENTED_APPS)) {
    const document = parse(readFileSync(resolve(root, 'docs/openapi', `${app}.yaml`), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) routes.set(`${method.toUpperCase()} ${path}`, operation['x-forma-roles'] ?? 'public');
    }
  }
  return routes;
}

describe('authorisation matrix', () => {
  const routes = documentedRoutes();

  it('has a row for every route of every app, with the roles its code allows', () => {
    const guarded = [...routes].filter(([, roles]) => roles !== 'public');
    expect(guarded.length).toBeGreaterThan(40);
    for (const [route, roles] of guarded) expect([route, matrix.routes[route] ? [...matrix.routes[route]].sort() : 'no row']).toEqual([route, [...(roles as string[])].sort()]);
  });

  it('names no route that no app has, and the public routes are the expected few', () => {
    for (const route of Object.keys(matrix.routes)) expect([route, routes.has(route)]).toEqual([route, true]);
    expect([...routes].filter(([, roles]) => roles === 'public').map(([route]) => route).sort()).toEqual(['GET /health']); // the development issuer is not in the documents: off by default
  });
});
