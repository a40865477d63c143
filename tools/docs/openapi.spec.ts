import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { platformDocument } from '../../apps/gateway/src/openapi/platform-document';
import { DOCUMENTED_APPS, openApiDocument, openApiYaml } from './openapi';

const committed = (app: string) => readFileSync(resolve(__dirname, '../../docs/openapi', `${app}.yaml`), 'utf8');

describe.each(Object.keys(DOCUMENTED_APPS))('docs/openapi/%s.yaml', (app) => {
  it('is what the app generates (run npm run docs:generate after changing a route or a DTO)', async () => {
    expect(committed(app)).toEqual(await openApiYaml(app));
  });

  it('is a valid OpenAPI 3 document with its health route', async () => {
    const document = parse(committed(app)) as { openapi: string; paths: Record<string, unknown> };
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/health');
  });
});

describe('every operation says how to call it', () => {
  // the health probe, the development issuer, and an attestation's verification (anyone holding one checks it)
  const PUBLIC = new Set([
    'GET /health',
    'POST /api/v1/dev/tokens',
    'GET /api/v1/verification/{code}',
    'GET /verification/{code}',
  ]);

  it('the bearer scheme on every operation of every app but the public ones, with 401 and 403', async () => {
    const operations = Object.keys(DOCUMENTED_APPS).flatMap((app) => {
      const document = parse(committed(app)) as {
        paths: Record<string, Record<string, { security?: object[]; responses: Record<string, unknown> }>>;
      };
      return Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          key: `${app}: ${method.toUpperCase()} ${path}`,
          operation,
          public: PUBLIC.has(`${method.toUpperCase()} ${path}`),
        })),
      );
    });
    const secured = operations.filter((o) => !o.public);
    expect(secured.length).toBeGreaterThan(40);
    for (const { key, operation } of secured) {
      expect([key, operation.security]).toEqual([key, [{ bearer: [] }]]);
      expect([key, Object.keys(operation.responses)]).toEqual([key, expect.arrayContaining(['401', '403'])]);
    }
  });
});

describe('every operation documents its success body', () => {
  it('has a 2xx with content (or a 204), but those still listed in tools/docs/undocumented-success.txt', () => {
    const listed = readFileSync(resolve(__dirname, 'undocumented-success.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    const undocumented = Object.keys(DOCUMENTED_APPS).flatMap((app) => {
      const document = parse(committed(app)) as {
        paths: Record<string, Record<string, { responses?: Record<string, { content?: object } | null> }>>;
      };
      return Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .filter(
            ([, operation]) =>
              !Object.entries(operation.responses ?? {}).some(
                ([code, answer]) => code === '204' || (code.startsWith('2') && answer?.content),
              ),
          )
          .map(([method]) => `${app}: ${method.toUpperCase()} ${path}`),
      );
    });
    // a new operation documents its answer; one documented since leaves the list
    expect(undocumented.filter((o) => !listed.includes(o))).toEqual([]);
    expect(listed.filter((o) => !undocumented.includes(o))).toEqual([]);
  });
});

describe('the gateway’s /docs (its routes and the services’ it forwards)', () => {
  it('is a valid OpenAPI 3 document: every reference resolves', async () => {
    const merged = platformDocument(await openApiDocument('gateway'));
    await expect(SwaggerParser.validate(structuredClone(merged) as never)).resolves.toBeDefined();
    expect(merged.paths['/api/v1/registrations']).toBeDefined();
  });
});
