import type { OpenAPIObject } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mergeServiceDocuments, platformDocument } from './platform-document';

const doc = (
  paths: Record<string, object>,
  schemas: Record<string, object> = {},
  tags: string[] = [],
): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths,
  components: { schemas },
  tags: tags.map((name) => ({ name })),
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const op = (schema: object) => ({
  get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } },
});

describe('the gateway’s OpenAPI document', () => {
  const own = doc(
    { '/health': op({}), '/api/v1/reports/offer': op(ref('OfferReportResponse')) },
    { OfferReportResponse: { type: 'object' } },
    ['reports'],
  );

  it('adds the routes it forwards, with their schemas and tags, and leaves the services’ own /health out', () => {
    const enrolment = doc(
      {
        '/health': op({ type: 'string' }),
        '/api/v1/registrations': op(ref('RegistrationView')),
        '/api/v1/internal/replay': op({}),
      },
      { RegistrationView: { type: 'object', properties: { id: { type: 'string' } } } },
      ['registrations'],
    );
    const merged = mergeServiceDocuments(own, { enrolment }, { enrolment: ['registrations'] });
    expect(Object.keys(merged.paths)).toEqual(['/api/v1/registrations', '/api/v1/reports/offer', '/health']);
    expect(merged.paths['/health']).toEqual(own.paths['/health']);
    expect(merged.components?.schemas?.RegistrationView).toBeDefined();
    expect(merged.tags?.map((t) => t.name)).toEqual(['reports', 'registrations']);
    expect(own.paths['/api/v1/registrations']).toBeUndefined(); // the gateway's own document is not changed
  });

  it('prefixes a schema name two services use for different shapes, and its references', () => {
    const catalog = doc(
      { '/api/v1/modules': op(ref('PageView')) },
      { PageView: { type: 'object', properties: { modules: {} } } },
    );
    const enrolment = doc(
      { '/api/v1/people': op(ref('PageView')) },
      { PageView: { type: 'object', properties: { people: {} } } },
    );
    const merged = mergeServiceDocuments(own, { catalog, enrolment }, { catalog: ['modules'], enrolment: ['people'] });
    const schema = (path: string) => JSON.stringify(merged.paths[path]);
    expect(schema('/api/v1/modules')).toContain('"#/components/schemas/PageView"');
    expect(schema('/api/v1/people')).toContain('"#/components/schemas/enrolment.PageView"');
    expect(merged.components?.schemas?.['enrolment.PageView']).toEqual({ type: 'object', properties: { people: {} } });
  });

  it('reads the committed services’ documents: enrolment and catalog routes appear', () => {
    expect(existsSync(join(__dirname, '../../../../docs/openapi/enrolment.yaml'))).toBe(true);
    const merged = platformDocument(own);
    expect(merged.paths['/api/v1/enrolment-imports']).toBeDefined();
    expect(merged.paths['/api/v1/modules']).toBeDefined();
  });

  it("shows the public routes (an attestation's verification) as public: no token, limited per address (issue 22)", () => {
    const merged = platformDocument(own);
    for (const path of ['/api/v1/verification/{code}', '/verification/{code}']) {
      const get = merged.paths[path]?.get;
      expect(get?.security).toEqual([]);
      expect(Object.keys(get?.responses ?? {})).toContain('429');
    }
  });
});
