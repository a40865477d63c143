// The fuzz suite (issue 28): every operation of every service, as the OpenAPI documents describe it, called through
// the gateway with malformed inputs that fast-check builds from the operation's own schema (path and query values,
// JSON bodies: wrong types, NUL characters, numbers beyond any integer, arrays of arrays, upper-case identifiers,
// strings of 2,000 characters...), on the real services, broker and PostgreSQL. Each answer must be below 500; a
// refusal must be problem+json with a stable code and a French text that echoes nothing, and must store nothing in
// the service that owns the route. FORMA_FUZZ_SEED replays a run (the seed is printed first, and by fast-check with
// the failing case); FORMA_FUZZ_RUNS sets the cases per operation (6 by default: about 800 calls).
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { eventuallyWhileProgressing } from '@forma/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { request } from './checked-request';
import { parse } from 'yaml';
import { applied, queryService, RunningApp, startPlatform, stopPlatform } from './app-process';
import { Caller, gatewayClient, person, uai } from './gateway-client';

const A = 'guyane';
const SCHOOL = uai('9730811');
const TRAINER = 'formateur.fuzz@ac-exemple.fr';
const SEED = Number(process.env.FORMA_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FORMA_FUZZ_RUNS ?? 6);
const ENGLISH =
  /\b(must|should|Unexpected|expected|property|token|is not|cannot|Cannot|invalid|Invalid|undefined|null value|violates)\b/;
const LONG = 'A'.repeat(2000);
const SERVICES = ['catalog', 'enrolment', 'attendance', 'remuneration', 'reporting'] as const;

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
};
type Parameter = { in: string; name: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-forma-roles'?: string[];
};
interface Route {
  service: (typeof SERVICES)[number];
  method: string;
  path: string;
  operation: Operation;
  schemas: Record<string, Schema>;
}

function routes(): Route[] {
  const all: Route[] = [];
  for (const service of SERVICES) {
    const document = parse(readFileSync(resolve(__dirname, '../../../docs/openapi', `${service}.yaml`), 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, Schema> };
    };
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(methods))
        all.push({
          service,
          method: method.toUpperCase(),
          path,
          operation,
          schemas: document.components?.schemas ?? {},
        });
    }
  }
  return all;
}

/** What fast-check may put where a value is expected: nothing that makes sense, or something close to it. */
const hostileStrings = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '18446744073709551616',
    '-1',
    '1e309',
    'NaN',
    '%',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    'É',
    LONG,
    '',
    ' ',
    '0',
    'true',
    '[]',
    '{}',
  ),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.integer().map(String),
);
const hostileValues: fc.Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  fc.constantFrom(null, true, 0, -1, 1e308, 18446744073709551616, 2147483648, [], {}, [[{}]], [[]], [null], { '': 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);

function resolveSchema(schema: Schema | undefined, schemas: Record<string, Schema>): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolveSchema(schemas[schema.$ref.split('/').pop() as string], schemas);
  if (schema.allOf?.length)
    return schema.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolveSchema(part, schemas) }), {});
  return schema;
}

/** A value for this schema, as often close to valid as not: each field valid-looking or hostile. */
function valueFor(schema: Schema | undefined, schemas: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveSchema(schema, schemas);
  if (depth > 3) return hostileValues;
  let near: fc.Arbitrary<unknown>;
  if (s.enum?.length) near = fc.constantFrom(...s.enum);
  else if (s.type === 'string') near = s.format === 'uuid' ? fc.uuid() : fc.string({ maxLength: 20 });
  else if (s.type === 'integer' || s.type === 'number') near = fc.integer({ min: -5, max: 100 });
  else if (s.type === 'boolean') near = fc.boolean();
  else if (s.type === 'array') near = fc.array(valueFor(s.items, schemas, depth + 1), { maxLength: 3 });
  else if (s.properties) near = objectFor(s, schemas, depth);
  else near = hostileValues;
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: hostileValues });
}

function objectFor(s: Schema, schemas: Record<string, Schema>, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.fromEntries(
    Object.entries(s.properties ?? {}).map(([name, p]) => [name, valueFor(p, schemas, depth + 1)]),
  );
  return fc.record(properties, { requiredKeys: [] });
}

describe('fuzz: every operation of every service, malformed inputs from its schema, through the gateway', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  const { api, bearer } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: A };
  const known: Record<string, string> = {};

  beforeAll(async () => {
    const platform = await startPlatform();
    apps.push(...platform.apps);
    gateway = platform.gateway;
    expect((await api('put', '/reference/departments/973', { name: 'Guyane', academy: A }, admin)).status).toBe(200);
    expect(
      (
        await api(
          'put',
          '/reference/districts/973-fuzz',
          { name: 'Circonscription fictive du fuzz', department: '973' },
          admin,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await api(
          'put',
          `/reference/schools/${SCHOOL}`,
          { name: 'École fictive du fuzz', department: '973', district: '973-fuzz' },
          admin,
        )
      ).status,
    ).toBe(200);
    known.module = (
      await api(
        'post',
        '/modules',
        { ...CANOPROF_M1_EXAMPLE, title: `Module du fuzz ${randomUUID()}`, maxParticipantsPerSession: 500 },
        admin,
      )
    ).body.id;
    known.session = (
      await api(
        'post',
        `/modules/${known.module}/sessions`,
        {
          slots: [{ date: '2027-03-16', start: '09:00', end: '12:00', kind: 'face-to-face' }],
          capacity: 500,
          trainers: [{ name: 'Formateur fictif', mail: TRAINER, role: 'trainer' }],
        },
        admin,
      )
    ).body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE session_id = $1',
              [known.session],
            )
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'the session in enrolment',
    );
    known.registration = (
      await api(
        'post',
        '/registrations',
        {
          sessionId: known.session,
          kind: 'designated',
          person: person(`F${randomUUID().slice(0, 6)}`, { uai: SCHOOL }),
        },
        admin,
      )
    ).body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'remuneration',
              'SELECT count(*) AS n FROM school_replica WHERE uai = $1',
              [SCHOOL],
            )
          )[0].n,
        ) === 1,
      applied('remuneration'),
      'the school in remuneration',
    );
    known.convention = (
      await api(
        'post',
        '/conventions',
        {
          uai: SCHOOL,
          schoolYear: '2026-2027',
          trainers: [{ name: 'Formateur fictif', mail: TRAINER, grade: 'certifie', engaged: true }],
          lines: [],
        },
        admin,
      )
    ).body.id;
    // the seed first: a failure is replayed with FORMA_FUZZ_SEED
    process.stdout.write(`[fuzz] seed ${SEED} (FORMA_FUZZ_SEED=${SEED} replays it), ${RUNS} cases per operation\n`);
  }, 600000);

  afterAll(async () => {
    await stopPlatform(apps);
  });

  /** A plausible value for a path parameter: the world's own identifier, or a hostile one. */
  const pathValue = (route: Route, name: string): fc.Arbitrary<string> => {
    const own =
      name === 'sessionId'
        ? known.session
        : name === 'moduleId'
          ? known.module
          : name === 'registrationId'
            ? known.registration
            : name === 'id' && route.path.startsWith('/api/v1/modules')
              ? known.module
              : name === 'id' && route.path.startsWith('/api/v1/sessions')
                ? known.session
                : name === 'id' && route.path.startsWith('/api/v1/registrations')
                  ? known.registration
                  : name === 'id' && route.path.startsWith('/api/v1/conventions')
                    ? known.convention
                    : name === 'uai'
                      ? SCHOOL
                      : name === 'mail'
                        ? TRAINER
                        : name === 'fact'
                          ? 'sessions'
                          : randomUUID();
    return fc.oneof({ weight: 2, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: hostileStrings });
  };

  /** The caller: the first role the route lets in, in the world's académie, school and session. */
  const callerFor = (route: Route): Caller => {
    const role = route.operation['x-forma-roles']?.[0] ?? 'dafpen-admin';
    return (
      (
        {
          'school-head': { role, academy: A, level: 'school', code: SCHOOL },
          ien: { role, academy: A, level: 'district', code: '973-fuzz' },
          trainer: { role, academy: A, mail: TRAINER },
          participant: { role, academy: A, mail: person('fuzz').mail },
          'canope-referent': { role, academy: A, level: 'canope-dt', code: 'dt-fuzz' },
        } as Record<string, Caller>
      )[role] ?? { role, academy: A }
    );
  };

  /** What each service stores on a request (its event consumers never write these): counted before and after. */
  const STORED: Record<string, string[]> = {
    catalog: [
      'training_module',
      'module_revision',
      'module_prerequisite',
      'training_session',
      'training_request',
      'deployment_wave',
      'school',
      'district',
      'department',
      'canope_dt',
    ],
    enrolment: [
      'participant',
      'participant_history',
      'registration',
      'registration_transition',
      'import_job',
      'import_rejection',
      'workshop_plan',
    ],
    attendance: [
      'presence_mark',
      'session_audit',
      'activity',
      'activity_progress',
      'completion',
      'attestation',
      'referent',
      'feedback',
      'facilitator',
      'evaluation',
      'signed_sheet',
    ],
    remuneration: [
      'convention',
      'convention_trainer',
      'plan_line',
      'payment_batch',
      'payment_line',
      'audit',
      'signature',
    ],
    reporting: ['export_job'],
  };
  const stored = async (service: string) =>
    (
      await queryService<{ counts: string }>(
        service,
        `SELECT concat_ws(',', ${STORED[service].map((t) => `(SELECT count(*) FROM ${t})`).join(', ')}) AS counts`,
      )
    )[0].counts;

  it('answers every malformed call below 500, as problem+json with a stable code in French, storing nothing', async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(110);
    const seen = { calls: 0, refusals: 0, operations: 0 };
    const failures: string[] = [];
    for (const [index, route] of all.entries()) {
      const parameters = route.operation.parameters ?? [];
      const pathParams = parameters.filter((p) => p.in === 'path');
      const queryParams = parameters.filter((p) => p.in === 'query');
      const jsonBody = Object.entries(route.operation.requestBody?.content ?? {}).find(([type]) =>
        type.includes('json'),
      )?.[1].schema;
      const input = fc.record({
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(route, p.name)]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, hostileStrings])), { requiredKeys: [] }),
        body: jsonBody
          ? fc.oneof(
              { weight: 3, arbitrary: valueFor(jsonBody, route.schemas) },
              { weight: 1, arbitrary: hostileValues },
            )
          : fc.constant(undefined),
      });
      const as = callerFor(route);
      const token = await bearer(as);
      seen.operations += 1;
      // every operation is fuzzed even when one fails: the failures are listed together, each with its seed
      const outcome = await fc.check(
        fc.asyncProperty(input, async ({ path, query, body }) => {
          const concrete = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent((path as Record<string, string>)[name]),
          );
          const search = new URLSearchParams(query as Record<string, string>).toString();
          const before = await stored(route.service);
          let call = request(gateway)
            [route.method.toLowerCase() as 'post'](`${concrete}${search ? `?${search}` : ''}`)
            .set('authorization', token)
            .set('if-match', '"1"');
          if (jsonBody) call = call.set('content-type', 'application/json').send(JSON.stringify(body ?? null));
          const answer = await call;
          seen.calls += 1;
          const where = `${route.method} ${route.path} -> ${answer.status} ${String(answer.text ?? '').slice(0, 300)}`;
          if (answer.status >= 500) throw new Error(`5xx: ${where}`);
          if (answer.status >= 400) {
            seen.refusals += 1;
            if (!String(answer.headers['content-type']).includes('application/problem+json'))
              throw new Error(`not problem+json: ${where}`);
            if (!/^[a-z][a-z0-9_]*$/.test(answer.body.code ?? '')) throw new Error(`no stable code: ${where}`);
            const texts = [
              answer.body.detail,
              ...(answer.body.errors ?? []).map((e: { message: string }) => e.message),
            ].join(' ');
            if (ENGLISH.test(texts)) throw new Error(`not French: ${where} -- ${texts.slice(0, 300)}`);
            // `instance` is the URL the caller called (RFC 9457); nothing else repeats what was sent
            const said = JSON.stringify({ ...answer.body, instance: undefined });
            if (said.includes(LONG.slice(0, 200)) || said.includes('<script>'))
              throw new Error(`the body echoed: ${where}`);
            const after = await stored(route.service);
            if (after !== before) throw new Error(`stored something (${before} -> ${after}): ${where}`);
          }
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
      );
      if (outcome.failed)
        failures.push(
          `${(outcome.errorInstance as Error)?.message?.slice(0, 400)} [seed ${SEED + index}, path ${outcome.counterexamplePath}]`,
        );
    }
    expect(failures).toEqual([]);
    expect(seen.operations).toBe(routes().length);
    expect(seen.calls).toBeGreaterThanOrEqual(seen.operations * RUNS);
    expect(seen.refusals).toBeGreaterThan(seen.calls / 2);
  }, 1200000);
});
