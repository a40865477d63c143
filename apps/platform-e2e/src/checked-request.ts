import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { openApiDirectory } from '@forma/platform';
import { join } from 'node:path';
import supertest, { type Response } from 'supertest';
import { parse } from 'yaml';

/**
 * supertest, with every answer checked against the committed OpenAPI documents (docs/openapi/*.yaml): a 2xx must be
 * a status the operation documents, and its JSON body must match the operation's schema, or the call fails. The
 * e2e suites use it in place of supertest, so each answer they read is one a generated client can rely on.
 */
export function request(app: Parameters<typeof supertest>[0]) {
  const agent = supertest(app);
  const checked =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete') =>
    (url: string): supertest.Test => {
      const test = agent[method](url);
      // an event stream (a live bilan) never ends: its answer is read up to its first event, then closed
      if (method === 'get' && /\/live(\?|$)/.test(url))
        test.buffer(true).parse(untilFirstEvent as unknown as Parameters<supertest.Test['parse']>[0]);
      const then = test.then.bind(test);
      test.then = ((onFulfilled, onRejected) =>
        then((res: Response) => {
          checkAnswer(method, url, res);
          return res;
        }).then(onFulfilled, onRejected)) as typeof test.then;
      return test;
    };
  return {
    get: checked('get'),
    post: checked('post'),
    put: checked('put'),
    patch: checked('patch'),
    delete: checked('delete'),
  };
}

/**
 * An answer's body up to its first Server-Sent Event when it is an event stream (the connection then closed), or the
 * whole of it (JSON parsed) otherwise: a refused stream answers a problem, read as any other.
 */
function untilFirstEvent(
  res: NodeJS.ReadableStream & { headers: Record<string, string | undefined>; destroy(): void },
  done: (error: Error | null, body: unknown) => void,
): void {
  const stream = (res.headers['content-type'] ?? '').startsWith('text/event-stream');
  let text = '';
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (stream) return done(null, text);
    try {
      done(null, text ? JSON.parse(text) : {});
    } catch {
      done(null, text);
    }
  };
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
    if (stream && text.includes('\n\n')) {
      finish();
      res.destroy();
    }
  });
  res.on('end', finish);
  res.on('close', finish);
}

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  operationId?: string;
}
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  document: string;
  operation: Operation;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** OpenAPI 3.0's `nullable` as JSON Schema: the value may also be null. */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, k === 'enum' || k === 'example' ? v : jsonSchema(v)]),
  );
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

let routes: Route[] | undefined;
/** Every operation of every committed document, services' first (the gateway's forwards name the same ones). */
function allRoutes(): Route[] {
  if (routes) return routes;
  routes = [];
  // from the sources or from dist/ (the benchmarks drive the platform with the same client)
  const DOCUMENTS = openApiDirectory();
  if (!DOCUMENTS) throw new Error('docs/openapi not found: the answers cannot be checked');
  const files = readdirSync(DOCUMENTS)
    .filter((f) => f.endsWith('.yaml'))
    .sort((a, b) => Number(a === 'gateway.yaml') - Number(b === 'gateway.yaml'));
  for (const file of files) {
    const document = parse(readFileSync(join(DOCUMENTS, file), 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
      components?: object;
    };
    const id = `https://forma.invalid/openapi/${file.replace('.yaml', '.json')}`;
    ajv.addSchema({ $id: id, components: jsonSchema(document.components ?? {}) } as Schema);
    for (const [template, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(item)) {
        routes.push({ method, template, pattern, params: template.split('{').length - 1, document: id, operation });
      }
    }
  }
  routes.sort((a, b) => a.params - b.params); // a literal segment wins over a parameter
  return routes;
}

const validators = new Map<string, ValidateFunction>();
function validatorOf(route: Route, status: string, schema: Schema): ValidateFunction {
  const key = `${route.document} ${route.method} ${route.template} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const text = JSON.stringify(jsonSchema(schema)).replaceAll('"#/components/', `"${route.document}#/components/`);
    validate = ajv.compile(JSON.parse(text) as Schema);
    validators.set(key, validate);
  }
  return validate;
}

/** Throws when a successful answer is not one its operation documents (status, or body against the schema). */
export function checkAnswer(method: string, url: string, res: Pick<Response, 'status' | 'type' | 'body'>): void {
  if (res.status < 200 || res.status >= 300) return;
  // Express routes `/x/` as `/x` (its routing is not strict): so does the check
  const path = url.split('?')[0].replace(/(.)\/+$/, '$1');
  if (!path.startsWith('/api/') && !path.startsWith('/verification/')) return;
  // the development issuer is mounted in development only, and documented nowhere a client would read
  if (path === '/api/v1/dev/tokens') return;
  const route = allRoutes().find((r) => r.method === method && r.pattern.test(path));
  if (!route) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: no OpenAPI document has it`);
  const where = `${method.toUpperCase()} ${route.template} (${route.operation.operationId})`;
  const documented = route.operation.responses[String(res.status)];
  if (!documented) {
    const statuses = Object.keys(route.operation.responses).join(', ');
    throw new Error(`${where} answered ${res.status}, which its document does not list (${statuses})`);
  }
  if (res.status === 204 || res.type !== 'application/json') return;
  const schema = documented.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${where} answered JSON with ${res.status}, and its document gives no schema for it`);
  const validate = validatorOf(route, String(res.status), schema);
  if (!validate(res.body)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).slice(0, 8);
    throw new Error(
      `${where} answered ${res.status} with a body its document does not describe:\n  ${errors.join('\n  ')}\n` +
        `body: ${JSON.stringify(res.body).slice(0, 600)}`,
    );
  }
}
