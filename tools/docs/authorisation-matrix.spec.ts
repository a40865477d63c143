import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { DOCUMENTED_APPS } from './openapi';
import { requestIdentifiers } from './request-identifiers';

// The authorisation matrix (docs/authorisation-matrix.json) against the routes the apps document: a new route without
// a row fails, and so does a route whose code lets in other roles than the table says.
const root = resolve(__dirname, '../..');
const matrix = JSON.parse(readFileSync(resolve(root, 'docs/authorisation-matrix.json'), 'utf8')) as {
  routes: Record<string, string[]>;
  targets: Record<string, string[]>;
  scopes: Record<string, { target: string; why?: string; reaches?: Record<string, string[]> }>;
  identifiers: Record<
    string,
    Record<string, 'scopes' | { kind: string; foreign?: 'refused' | 'unlisted'; why?: string }>
  >;
};
type Operation = { 'x-forma-roles'?: string[]; security?: unknown[] };

function documentedRoutes(): Map<string, string[] | 'public'> {
  const routes = new Map<string, string[] | 'public'>();
  for (const app of Object.keys(DOCUMENTED_APPS)) {
    const document = parse(readFileSync(resolve(root, 'docs/openapi', `${app}.yaml`), 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods))
        routes.set(`${method.toUpperCase()} ${path}`, operation['x-forma-roles'] ?? 'public');
    }
  }
  return routes;
}

describe('authorisation matrix', () => {
  const routes = documentedRoutes();

  it('has a row for every route of every app, with the roles its code allows', () => {
    const guarded = [...routes].filter(([, roles]) => roles !== 'public');
    expect(guarded.length).toBeGreaterThan(40);
    for (const [route, roles] of guarded)
      expect([route, matrix.routes[route] ? [...matrix.routes[route]].sort() : 'no row']).toEqual([
        route,
        [...(roles as string[])].sort(),
      ]);
  });

  it('names no route that no app has, and the public routes are the expected few', () => {
    for (const route of Object.keys(matrix.routes)) expect([route, routes.has(route)]).toEqual([route, true]);
    // the development issuer is not in the documents (off by default); an attestation is verified without login
    expect(
      [...routes]
        .filter(([, roles]) => roles === 'public')
        .map(([route]) => route)
        .sort(),
    ).toEqual(['GET /api/v1/verification/{code}', 'GET /health', 'GET /verification/{code}']);
  });

  it('says, for every route, what it acts on and which roles reach it in each relation to the caller', () => {
    expect(Object.keys(matrix.scopes).sort()).toEqual(Object.keys(matrix.routes).sort());
    for (const [route, row] of Object.entries(matrix.scopes)) {
      if (row.target === 'none') {
        expect([route, (row.why ?? '').length > 10]).toEqual([route, true]); // a route that acts on nothing says why
        continue;
      }
      expect([route, Object.keys(row.reaches ?? {})]).toEqual([route, matrix.targets[row.target]]);
      for (const [relation, roles] of Object.entries(row.reaches ?? {})) {
        expect([route, relation, roles.filter((r) => !matrix.routes[route].includes(r))]).toEqual([
          route,
          relation,
          [],
        ]);
      }
    }
    // the relations that matter most are there: another académie is never reached but for the public offer
    const crossing = Object.entries(matrix.scopes)
      .filter(([, row]) => (row.reaches?.['other-academy'] ?? []).length > 0)
      .map(([route]) => route);
    expect(crossing.sort()).toEqual([
      'GET /api/v1/modules/{id}',
      'GET /api/v1/modules/{id}/revisions/{revision}',
      'GET /api/v1/modules/{moduleId}/sessions',
      'GET /api/v1/sessions/{id}',
    ]);
  });

  it("says, for every identifier a route's requests carry (path, query, body), how it is scoped (issue 22)", () => {
    const carried = requestIdentifiers(Object.keys(DOCUMENTED_APPS).filter((app) => app !== 'gateway'));
    const expected = Object.fromEntries(
      [...carried].filter(([, ids]) => ids.length).map(([route, ids]) => [route, [...ids].sort()]),
    );
    const table = Object.fromEntries(
      Object.entries(matrix.identifiers).map(([route, ids]) => [route, Object.keys(ids).sort()]),
    );
    expect(table).toEqual(expected);
    expect(Object.values(expected).flat().length).toBeGreaterThan(100);
    for (const [route, ids] of Object.entries(matrix.identifiers)) {
      for (const [field, how] of Object.entries(ids)) {
        if (how === 'scopes') {
          // the route's target, tried in every relation: a path parameter, or a bilan's area
          expect([route, field, matrix.scopes[route]?.target !== 'none' || field.startsWith('path.')]).toEqual([
            route,
            field,
            true,
          ]);
          continue;
        }
        expect([
          route,
          field,
          !!how.kind && (how.foreign === 'refused' || how.foreign === 'unlisted' || (how.why ?? '').length > 20),
        ]).toEqual([route, field, true]);
      }
    }
    // the identifiers that reach people or sessions of another académie are all tried live
    const live = Object.values(matrix.identifiers)
      .flatMap((ids) => Object.values(ids))
      .filter((how) => how !== 'scopes' && how.foreign);
    expect(live.length).toBeGreaterThanOrEqual(25);
  });
});
