import type { OpenAPIObject } from '@nestjs/swagger';
import { RouteRolesTable } from './route-roles';

const doc = (paths: Record<string, Record<string, string[]>>) =>
  ({
    paths: Object.fromEntries(
      Object.entries(paths).map(([p, ops]) => [
        p,
        Object.fromEntries(Object.entries(ops).map(([m, roles]) => [m, { 'x-forma-roles': roles }])),
      ]),
    ),
  }) as unknown as OpenAPIObject;

describe('the roles of forwarded routes, from the services’ documents', () => {
  const table = new RouteRolesTable([
    doc({
      '/api/v1/registrations/{id}': { get: ['dafpen-admin', 'participant'] },
      '/api/v1/registrations/export.csv': { get: ['dafpen-admin'] },
    }),
    doc({
      '/api/v1/reports/bilan': { get: ['dafpen-admin', 'ien'] },
      '/api/v1/bi/v1/facts/{fact}': { get: ['bi-reader'] },
    }),
  ]);

  it('matches a path to its template, the most literal first, with the query left out', () => {
    expect(table.rolesFor('GET', '/api/v1/registrations/export.csv')).toEqual(['dafpen-admin']);
    expect(table.rolesFor('GET', '/api/v1/registrations/0f8e4b1c-1111-4c1b-9d7e-2c3f0a9b8c7d')).toEqual([
      'dafpen-admin',
      'participant',
    ]);
    expect(table.rolesFor('get', '/api/v1/reports/bilan?level=academie&code=x')).toEqual(['dafpen-admin', 'ien']);
    expect(table.rolesFor('GET', '/api/v1/bi/v1/facts/sessions')).toEqual(['bi-reader']);
  });

  it('knows nothing of a method or path no document names (the service answers for it)', () => {
    expect(table.rolesFor('POST', '/api/v1/reports/bilan')).toBeUndefined();
    expect(table.rolesFor('GET', '/api/v1/reports/bilan/extra')).toBeUndefined();
    expect(table.rolesFor('GET', '/api/v1/registrations/a/b')).toBeUndefined();
  });
});
