import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { platformDocument } from '../../apps/gateway/src/openapi/platform-document';
import ts from 'typescript';
import { answersFile, generateAnswers, handlersOf, toOpenApi, vague } from './answers';
import { execFileSync } from 'node:child_process';
import { CLIENT_TYPES_FILE } from './client';
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
  it('has a 2xx with content, or a 204', () => {
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
    expect(undocumented).toEqual([]);
  });

  it('has no property Nest could not read (a `string | null` without `type:` becomes a bare object)', () => {
    const bare = (s?: { type?: string; properties?: object; additionalProperties?: unknown; allOf?: unknown }) =>
      s?.type === 'object' && !s.properties && !s.additionalProperties && !s.allOf;
    const found = Object.keys(DOCUMENTED_APPS).flatMap((app) => {
      const document = parse(committed(app)) as {
        components?: { schemas?: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
      };
      return Object.entries(document.components?.schemas ?? {}).flatMap(([name, schema]) =>
        Object.entries(schema.properties ?? {})
          // a free-form object on purpose says what it holds
          .filter(([, property]) => bare(property) && !property.description)
          .map(([property]) => `${app}: ${name}.${property}`),
      );
    });
    expect(found).toEqual([]);
  });

  it('docs/openapi/answers/<app>.json are what the handlers’ answer types generate', () => {
    const generated = generateAnswers(Object.keys(DOCUMENTED_APPS));
    for (const [app, answers] of Object.entries(generated)) {
      expect([app, JSON.parse(readFileSync(answersFile(app), 'utf8'))]).toEqual([app, answers]);
    }
    expect(Object.keys(generated.attendance.operations)).toContain('PresenceHttpController_sheet');
  });

  it('refuses a handler that declares no answer type, and skips a file route and a documented DTO', () => {
    const source = ts.createSourceFile(
      'apps/example/src/example.http.controller.ts',
      `@Controller('x') export class ExampleHttpController {
        @Get() untyped() { return { a: 1 }; }
        @Get('typed') typed(): Promise<Example> { return load(); }
        @Get('file') @ApiFileResponse('application/pdf', 'PDF') file(@Res() res: Response): Promise<void> { return send(res); }
        @Get('dto') @ApiOkResponse({ type: ExampleView }) dto() { return view(); }
      }`,
      ts.ScriptTarget.ES2022,
      true,
    );
    const problems: string[] = [];
    const handlers = handlersOf(source, problems);
    expect(handlers.map((h) => [h.operationId, h.answer.getText()])).toEqual([
      ['ExampleHttpController_typed', 'Example'],
    ]);
    expect(problems).toEqual([expect.stringContaining('ExampleHttpController_untyped')]);
  });

  it('calls vague an answer typed unknown, object, or a list of them', () => {
    expect([{}, { type: 'object' }, { type: 'array', items: { type: 'object' } }].map(vague)).toEqual([
      true,
      true,
      true,
    ]);
    expect([{ $ref: '#/components/schemas/A' }, { type: 'object', properties: { a: {} } }].map(vague)).toEqual([
      false,
      false,
    ]);
  });

  it('writes JSON Schema in OpenAPI 3.0’s dialect (nullable, components, enums of one)', () => {
    expect(
      toOpenApi({
        type: 'object',
        properties: {
          at: { type: ['string', 'null'], format: 'date-time' },
          row: { anyOf: [{ $ref: '#/definitions/Page<Row>' }, { type: 'null' }] },
          state: { const: 'issued' },
          none: { type: 'null' },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time', nullable: true },
        row: { allOf: [{ $ref: '#/components/schemas/Page_Row_' }], nullable: true },
        state: { enum: ['issued'] },
        none: { enum: [null], nullable: true },
      },
    });
  });
});

describe('the gateway’s /docs (its routes and the services’ it forwards)', () => {
  it('is a valid OpenAPI 3 document: every reference resolves', async () => {
    const merged = platformDocument(await openApiDocument('gateway'));
    await expect(SwaggerParser.validate(structuredClone(merged) as never)).resolves.toBeDefined();
    expect(merged.paths['/api/v1/registrations']).toBeDefined();
  });
});

describe('the typed API client (libs/api-client)', () => {
  it('is what the documents generate (run npm run docs:generate)', () => {
    const generated = execFileSync(process.execPath, ['-r', '@swc-node/register', 'tools/docs/print-client-types.ts'], {
      cwd: resolve(__dirname, '../..'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8') === generated).toBe(true);
  });
});
