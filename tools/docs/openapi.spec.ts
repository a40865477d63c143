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

describe('the gateway’s /docs (its routes and the services’ it forwards)', () => {
  it('is a valid OpenAPI 3 document: every reference resolves', async () => {
    const merged = platformDocument(await openApiDocument('gateway'));
    await expect(SwaggerParser.validate(structuredClone(merged) as never)).resolves.toBeDefined();
    expect(merged.paths['/api/v1/registrations']).toBeDefined();
  });
});
