import type { OpenAPIObject } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A JSON schema in OpenAPI 3.0's dialect, as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * The success bodies an app's handlers declare as TypeScript types (tools/docs/answers.ts writes them to
 * docs/openapi/answers/<app>.json): each operation's schema, and the named schemas they refer to.
 */
export interface AppAnswers {
  /** Each operation's success status (its `@HttpCode`, else 201 for a POST and 200 otherwise) and body. */
  operations: Record<string, { status: number; schema: JsonSchema }>;
  schemas: Record<string, JsonSchema>;
}

/** docs/openapi, found from this file (sources or dist/) or named by OPENAPI_DOCUMENTS_DIR. */
export function openApiDirectory(): string | undefined {
  if (process.env.OPENAPI_DOCUMENTS_DIR) return resolve(process.env.OPENAPI_DOCUMENTS_DIR);
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'docs', 'openapi'))) return join(dir, 'docs', 'openapi');
  }
  return undefined;
}

/** The app's committed answers (docs/openapi/answers/<app>.json), or none. */
export function committedAnswers(app: string): AppAnswers | undefined {
  const directory = openApiDirectory();
  const file = directory && join(directory, 'answers', `${app}.json`);
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AppAnswers) : undefined;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The document with each answer as the success body of its operation (every 2xx that gives none), and the named
 * schemas in its components. A name a DTO class already holds with another shape is an error: rename the type.
 */
export function withAnswers(document: OpenAPIObject, answers: AppAnswers | undefined): OpenAPIObject {
  if (!answers) return document;
  document.components ??= {};
  const schemas = (document.components.schemas ??= {});
  for (const [name, schema] of Object.entries(answers.schemas)) {
    if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
      throw new Error(`the answer type ${name} has the name of a DTO class of another shape: rename one`);
    }
    schemas[name] = schema;
  }
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      const answer = operation?.operationId && answers.operations[operation.operationId];
      if (!operation || !answer) continue;
      const { status, schema } = answer;
      const successes = Object.keys(operation.responses).filter((code) => code.startsWith('2') && code !== '204');
      if (!successes.includes(String(status))) {
        // the status Nest assumed (201 for every POST, without a word) gives way to the handler's own
        const [only] = successes;
        if (successes.length === 1 && !(operation.responses[only] as { description?: string }).description) {
          delete operation.responses[only];
          successes.length = 0;
        }
        operation.responses = { [String(status)]: { description: '' }, ...operation.responses };
        successes.push(String(status));
      }
      for (const code of successes) {
        const response = (operation.responses[code] ??= { description: '' }) as {
          content?: Record<string, { schema?: JsonSchema }>;
        };
        if ('$ref' in response) continue;
        // a decorator's `schema: { example }` gives an example, kept beside the shape
        const given = response.content?.['application/json']?.schema;
        if (!response.content || (given && Object.keys(given).every((k) => k === 'example'))) {
          response.content = { 'application/json': { schema: given ? { ...schema, example: given.example } : schema } };
        }
      }
    }
  }
  return document;
}
