// The authorisation matrix by scope relation (issue 13, docs/scopes.md): every route of docs/authorisation-matrix.json
// that acts on something (a person, a registration, a session, a module, an import, a request, reference data) is
// called through the gateway, as each role its row allows, on a target in each relation to the caller (themself, their
// school, their district, their académie, a session they run, another académie), on the real services over Kafka and
// PostgreSQL. The expected answer is the table's `scopes` section; a target the caller reaches must be reached, any
// other refused (403 or 404, or absent from a list), and any other answer (400, 500) fails the test.
// FORMA_SCOPE_RECORD=<file> writes what was observed, to review before it replaces the table.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { eventually, eventuallyWhileProgressing, fictitiousPdf, fictitiousSignature } from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { request } from './checked-request';
import { applied, queryService, RunningApp, startPlatform, stopPlatform } from './app-process';
import { Caller, gatewayClient, person, uai } from './gateway-client';

interface ScopeRow {
  target: string;
  why?: string;
  reaches?: Record<string, string[]>;
}
type IdentifierRow = 'scopes' | { kind: string; foreign?: 'refused' | 'unlisted'; why?: string };
interface Matrix {
  routes: Record<string, string[]>;
  targets: Record<string, string[]>;
  scopes: Record<string, ScopeRow>;
  identifiers: Record<string, Record<string, IdentifierRow>>;
}
const matrix = JSON.parse(
  readFileSync(resolve(__dirname, '../../../docs/authorisation-matrix.json'), 'utf8'),
) as Matrix;

const A = 'guyane';
const B = 'toulouse';
const S1 = uai('9730411'); // the school head's school, in the IEN's district
const S2 = uai('9730422'); // another school of the IEN's district
const S3 = uai('9730433'); // a school of another district of the académie
const T1 = uai('0310444'); // a school of another académie
const TRAINER = 'formateur.matrice@ac-exemple.fr'; // the trainer named on the sessions the caller runs
const run = randomUUID().slice(0, 8); // the broker keeps earlier runs' events: this run's names are its own
// This suite waits on replication dozens of times while another suite runs beside it: on a loaded machine (CI with
// the cores busy) a consumer can stand still through a group rebalance (session timeout 30 s) without anything being
// wrong, so a wait fails only after 90 s without any event applied.
const REPLICATION_STALL_MS = 90000;

type Outcome = 'reached' | 'refused';
interface Target {
  path: Record<string, string>;
  query?: string;
  body?: object | string | { raw: Buffer; type: string };
  /** For lists: the target is reached when the answer holds this text. */
  listed?: string;
}
type Call = { route: string; role: string; relation: string; index: number };

describe('authorisation matrix, every route x role x scope relation, through the gateway', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  const { bearer } = gatewayClient(() => gateway);
  let counter = 0;
  const fresh = (what: string) => `${what}.${run}.${++counter}`;
  const adminOf = (academy: string): Caller => ({ role: 'dafpen-admin', academy });

  /** The caller in each role, in académie A; trainers and participants carry a mail of their own per call. */
  const caller = (role: string, mail: string): Caller =>
    ({
      'dafpen-admin': { role, academy: A, mail },
      'canope-referent': { role, academy: A, level: 'canope-dt', code: 'dt-antilles-guyane', mail },
      ien: { role, academy: A, level: 'district', code: '973-nord', mail },
      'school-head': { role, academy: A, level: 'school', code: S1, mail },
      trainer: { role, academy: A, mail },
      participant: { role, academy: A, mail },
      'bi-reader': { role, academy: A, mail },
      operator: { role, academy: A, mail },
    })[role] as Caller;

  const send = async (
    method: string,
    path: string,
    as: Caller,
    body?: object | string | { raw: Buffer; type: string },
  ) => {
    const call = request(gateway)
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](path)
      .set('authorization', await bearer(as))
      .set('if-match', '"1"');
    if (typeof body === 'string') return call.set('content-type', 'text/csv').send(body);
    if (body && 'raw' in body) return call.set('content-type', body.type).send(body.raw);
    return method === 'GET' ? call : call.send(body ?? {});
  };
  const created = async (method: string, path: string, body: object, as: Caller): Promise<{ id: string }> => {
    const answer = await send(method, `/api/v1${path}`, as, body);
    if (answer.status !== 201)
      throw new Error(`${method} ${path} as ${JSON.stringify(as)}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  // the shared world: two académies, their schools, a module and sessions in each
  let moduleA: string;
  let moduleB: string;
  const sessions: Record<'run' | 'other' | 'foreign', string> = { run: '', other: '', foreign: '' };
  const conventions: Record<string, string> = {};
  const attendance: Record<'run' | 'other' | 'foreign', { session: string; registration: string; sheet: string }> =
    {} as never;
  const jobs: Record<string, string> = {};
  const slot = { date: '2027-03-16', start: '09:00', end: '12:00', kind: 'face-to-face' };
  const newModule = (academy: string, status: 'draft' | 'published' = 'published') =>
    created(
      'POST',
      '/modules',
      { ...CANOPROF_M1_EXAMPLE, title: fresh('Module de la matrice'), maxParticipantsPerSession: 500, status },
      adminOf(academy),
    );
  const newSession = async (module: string, academy: string, trainers: string[]) =>
    (
      await created(
        'POST',
        `/modules/${module}/sessions`,
        {
          slots: [slot],
          capacity: 500,
          trainers: trainers.map((mail, i) => ({ name: `Formateur fictif ${i}`, mail, role: 'trainer' })),
        },
        adminOf(academy),
      )
    ).id;

  beforeAll(async () => {
    const platform = await startPlatform();
    apps.push(...platform.apps);
    gateway = platform.gateway;
    const put = async (path: string, body: object, academy: string) =>
      expect((await send('PUT', `/api/v1/reference${path}`, adminOf(academy), body)).status).toBe(200);
    await put('/departments/973', { name: 'Guyane', academy: A }, A);
    await put('/departments/31', { name: 'Haute-Garonne', academy: B }, B);
    await put('/districts/973-nord', { name: 'Circonscription fictive Nord', department: '973' }, A);
    await put('/districts/973-sud', { name: 'Circonscription fictive Sud', department: '973' }, A);
    await put('/districts/31-ouest', { name: 'Circonscription fictive Ouest', department: '31' }, B);
    await put(`/schools/${S1}`, { name: 'École fictive 1', department: '973', district: '973-nord' }, A);
    await put(`/schools/${S2}`, { name: 'École fictive 2', department: '973', district: '973-nord' }, A);
    await put(`/schools/${S3}`, { name: 'École fictive 3', department: '973', district: '973-sud' }, A);
    await put(`/schools/${T1}`, { name: 'École fictive de Toulouse', department: '31', district: '31-ouest' }, B);
    await put('/canope-dts/dt-antilles-guyane', { name: 'DT fictive Antilles-Guyane', academies: [A] }, A);
    await put('/canope-dts/dt-occitanie', { name: 'DT fictive Occitanie', academies: [B] }, B);
    moduleA = (await newModule(A)).id;
    moduleB = (await newModule(B)).id;
    sessions.run = await newSession(moduleA, A, [TRAINER]);
    sessions.other = await newSession(moduleA, A, ['formateur.autre@ac-exemple.fr']);
    sessions.foreign = await newSession(moduleB, B, ['formateur.toulouse@ac-exemple.fr']);
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE session_id = ANY($1)',
              [Object.values(sessions)],
            )
          )[0].n,
        ) === 3,
      applied('enrolment'),
      'the three sessions replicated',
      REPLICATION_STALL_MS,
    );
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1) AND district IS NOT NULL',
              [[S1, S2, S3, T1]],
            )
          )[0].n,
        ) === 4,
      applied('enrolment'),
      'the four schools replicated',
      REPLICATION_STALL_MS,
    );
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'reporting',
              'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1) AND district IS NOT NULL',
              [[S1, S2, S3, T1]],
            )
          )[0].n,
        ) === 4,
      applied('reporting'),
      'the four schools in reporting',
      REPLICATION_STALL_MS,
    );
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>('reporting', 'SELECT count(*) AS n FROM canope_dt WHERE code = ANY($1)', [
              ['dt-antilles-guyane', 'dt-occitanie'],
            ])
          )[0].n,
        ) === 2,
      applied('reporting'),
      'the two Canopé DTs in reporting',
      REPLICATION_STALL_MS,
    );
    // attendance's own sessions (closed, marked, evaluated by the routes): the people's sessions above stay open
    const attendanceSessions = {
      run: await newSession(moduleA, A, [TRAINER]),
      other: await newSession(moduleA, A, ['formateur.autre@ac-exemple.fr']),
      foreign: await newSession(moduleB, B, ['formateur.toulouse@ac-exemple.fr']),
    };
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE session_id = ANY($1)',
              [[...Object.values(sessions), ...Object.values(attendanceSessions)]],
            )
          )[0].n,
        ) === 6,
      applied('attendance'),
      'the six sessions replicated in attendance',
      REPLICATION_STALL_MS,
    );
    for (const key of ['run', 'other', 'foreign'] as const) {
      const academy = key === 'foreign' ? B : A;
      const registration = await created(
        'POST',
        '/registrations',
        {
          sessionId: attendanceSessions[key],
          kind: 'designated',
          person: person(0, { mail: `${fresh('emargement')}@ac-exemple.fr`, uai: academy === A ? S3 : T1 }),
        },
        adminOf(academy),
      );
      const sheet = await send(
        'PUT',
        `/api/v1/attendance/sessions/${attendanceSessions[key]}/signed-sheet`,
        adminOf(academy),
        { raw: fictitiousPdf('feuille signée'), type: 'application/pdf' },
      );
      expect(sheet.status).toBe(201);
      attendance[key] = { session: attendanceSessions[key], registration: registration.id, sheet: sheet.body.id };
      for (const session of [sessions[key], attendanceSessions[key]])
        expect(
          (await send('PUT', `/api/v1/attendance/sessions/${session}/evaluation`, adminOf(academy), {})).status,
        ).toBe(200);
    }
    // remuneration's conventions: the school head's school, another school of the académie, another académie
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'remuneration',
              'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1)',
              [[S1, S3, T1]],
            )
          )[0].n,
        ) === 3,
      applied('remuneration'),
      'the schools in remuneration',
      REPLICATION_STALL_MS,
    );
    for (const [relation, school, academy] of [
      ['own-school', S1, A],
      ['same-academy', S3, A],
      ['other-academy', T1, B],
    ] as const) {
      const trainers = [
        {
          name: 'Formateur fictif',
          mail: relation === 'own-school' ? TRAINER : 'formateur.autre@ac-exemple.fr',
          grade: 'certifie',
          engaged: true,
        },
      ];
      conventions[relation] = (
        await created(
          'POST',
          '/conventions',
          { uai: school, schoolYear: '2026-2027', trainers, lines: [] },
          adminOf(academy),
        )
      ).id;
      // signed on paper: its copy exists to be read
      expect(
        (await send('POST', `/api/v1/conventions/${conventions[relation]}/submit`, adminOf(academy), {})).status,
      ).toBe(200);
      expect(
        (
          await send('PUT', `/api/v1/conventions/${conventions[relation]}/paper-copy`, adminOf(academy), {
            raw: fictitiousPdf('convention signée'),
            type: 'application/pdf',
          })
        ).status,
      ).toBe(200);
    }
    for (const [academy, session] of [
      [A, sessions.other],
      [B, sessions.foreign],
    ]) {
      const job = await send(
        'POST',
        `/api/v1/enrolment-imports?sessionId=${session}`,
        adminOf(academy),
        `Nom;Mail\nFICTIF Jean;${fresh('import')}@ac-exemple.fr\n`,
      );
      expect(job.status).toBe(202);
      jobs[academy] = job.body.id;
    }
  }, 600000); // five apps and the shared world; over 240 s was seen with both cores busy

  afterAll(async () => {
    await stopPlatform(apps);
  });

  /** Where a person of each relation works and which session holds them; the caller's own mail for `self`. */
  const PEOPLE: Record<string, { uai: string; session: keyof typeof sessions; academy: string }> = {
    self: { uai: S1, session: 'other', academy: A },
    'same-school': { uai: S1, session: 'other', academy: A },
    'same-district': { uai: S2, session: 'other', academy: A },
    'same-academy': { uai: S3, session: 'other', academy: A },
    'own-session': { uai: S3, session: 'run', academy: A },
    'other-academy': { uai: T1, session: 'foreign', academy: B },
  };

  /**
   * A registration of a person in this relation to the caller (designated by their académie's administrator, or
   * requested by themself).
   */
  type Registered = { id: string; mail: string; session: string; lastName: string; academy: string };
  const ownRegistrations = new Map<string, Promise<Registered>>();
  const registration = async (relation: string, mail: string, requested = false): Promise<Registered> => {
    if (relation === 'self' && mail === TRAINER) {
      // the trainer's own person: one registration, whatever the route (their mail is the one named on sessions they
      // run)
      const key = `${requested}`;
      if (!ownRegistrations.has(key)) ownRegistrations.set(key, newRegistration(relation, mail, requested));
      return ownRegistrations.get(key)!;
    }
    return newRegistration(relation, mail, requested);
  };
  const newRegistration = async (relation: string, mail: string, requested: boolean): Promise<Registered> => {
    const place = PEOPLE[relation];
    const personMail = relation === 'self' ? mail : `${fresh('personne')}@ac-exemple.fr`;
    const body = {
      sessionId: sessions[place.session],
      kind: requested ? 'individual' : 'designated',
      person: person(0, { mail: personMail, uai: place.uai, lastName: `NOM${run}${++counter}`.toUpperCase() }),
    };
    const by: Caller = requested
      ? { role: 'participant', academy: place.academy, mail: personMail }
      : adminOf(place.academy);
    return {
      ...(await created('POST', '/registrations', body, by)),
      mail: personMail,
      session: sessions[place.session],
      lastName: body.person.lastName,
      academy: place.academy,
    };
  };
  /** The registration, once attendance holds it in the session's roster. */
  const inAttendance = async <R extends { id: string }>(target: R): Promise<R> => {
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM roster WHERE registration_id = $1',
              [target.id],
            )
          )[0].n,
        ) === 1,
      applied('attendance'),
      `registration ${target.id} in attendance's roster`,
      REPLICATION_STALL_MS,
    );
    return target;
  };
  /**
   * A person of this relation, on the roster and marked present (so the sheet, the ledger and the progress name them).
   */
  const markedRegistration = async (relation: string, mail: string) => {
    const target = await inAttendance(await registration(relation, mail));
    const marked = await send('POST', `/api/v1/attendance/sessions/${target.session}/marks`, adminOf(target.academy), {
      marks: [{ registrationId: target.id, slotIndex: 0, status: 'present', reason: 'Matrice' }],
    });
    expect([marked.status, marked.body.code]).toEqual([201, undefined]);
    return target;
  };
  const personId = async (mail: string) =>
    (
      await queryService<{ id: string }>('enrolment', 'SELECT id FROM participant WHERE mail_key = $1', [
        mail.toLowerCase(),
      ])
    )[0].id;
  const relationAcademy = (relation: string) => (relation.endsWith('other-academy') ? B : A);

  /** A request submitted in the relation to the caller: by themself, by an IEN of their académie, or elsewhere. */
  const newRequest = async (relation: string, mail: string, role: string): Promise<{ id: string } | 'n/a'> => {
    const body = {
      title: fresh('Demande'),
      origin: 'dgesco',
      synchronousHours: 0,
      asynchronousHours: 3,
      pedagogicalOwner: 'IEN fictive',
    };
    if (relation === 'self' && ['bi-reader', 'participant'].includes(role)) return 'n/a'; // they file no request
    const by =
      relation === 'self'
        ? caller(role, mail)
        : relation === 'same-academy'
          ? ({ role: 'ien', academy: A, level: 'district', code: '973-sud' } as Caller)
          : adminOf(B);
    return created('POST', '/requests/parcours-provision', body, by);
  };

  /** A fresh target of each kind in each relation (its path parameters, query, body), for the caller with this mail. */
  const TARGETS: Record<string, (relation: string, mail: string, role: string) => Promise<Target | 'n/a'>> = {
    registration: async (relation, mail) => ({ path: { id: (await registration(relation, mail)).id } }),
    'pending-registration': async (relation, mail) => ({ path: { id: (await registration(relation, mail, true)).id } }),
    'registration-list': async (relation, mail) => {
      const target = await registration(relation, mail);
      return { path: {}, query: `sessionId=${target.session}`, listed: target.mail };
    },
    // a school's registrations: the person's school, the page narrowed to them (it holds other relations' people)
    'school-registration-list': async (relation, mail) => {
      const target = await registration(relation, mail);
      return {
        path: {},
        query: `uai=${PEOPLE[relation].uai}&q=${encodeURIComponent(target.mail)}`,
        listed: target.mail,
      };
    },
    person: async (relation, mail) => ({ path: { id: await personId((await registration(relation, mail)).mail) } }),
    'people-list': async (relation, mail) => {
      const target = await registration(relation, mail);
      return { path: {}, query: `mail=${encodeURIComponent(target.mail)}`, listed: target.mail };
    },
    'new-registration': async (relation, mail, role) => {
      const place = PEOPLE[relation];
      const personMail = relation === 'self' ? mail : `${fresh('nouvelle')}@ac-exemple.fr`;
      return {
        path: {},
        body: {
          sessionId: sessions[place.session],
          kind: role === 'participant' ? 'individual' : 'designated',
          person: person(0, { mail: personMail, uai: place.uai }),
        },
      };
    },
    session: async (relation, mail) => {
      const academy = relationAcademy(relation);
      const id = await newSession(
        academy === A ? moduleA : moduleB,
        academy,
        relation === 'own-session' ? [mail] : ['formateur.autre@ac-exemple.fr'],
      );
      return { path: { id } };
    },
    module: async (relation) => {
      const id = (await newModule(relationAcademy(relation), relation.startsWith('draft-') ? 'draft' : 'published')).id;
      return { path: { id, moduleId: id, revision: '1' } };
    },
    'import-job': async (relation) => ({ path: { id: jobs[relationAcademy(relation)] } }),
    'session-import': async (relation) => ({
      path: {},
      query: `sessionId=${relation === 'other-academy' ? sessions.foreign : sessions.other}`,
      body: `Nom;Mail\nFICTIF Jean;${fresh('import')}@ac-exemple.fr\n`,
    }),
    'workshop-plan': async (relation) => {
      const teachers = [1, 2, 3].map((i) => ({
        key: `atelier${i}@ac-exemple.fr`,
        name: `Enseignant ${i}`,
        concerns: ['Oral'],
        discipline: 'Lettres',
        experience: 'confirmé',
      }));
      const author: Caller =
        relation === 'same-school'
          ? { role: 'school-head', academy: A, level: 'school', code: S1 }
          : adminOf(relationAcademy(relation));
      const plan = await created(
        'POST',
        '/workshop-plans',
        {
          title: fresh('Plan'),
          rounds: 1,
          maxGroupSize: 2,
          teachers,
          workshops: [{ code: 'A1', title: 'Atelier', concern: 'Oral', rounds: [1] }],
        },
        author,
      );
      return { path: { id: plan.id }, body: { moves: [{ key: 'atelier1@ac-exemple.fr', toGroup: 2 }] } };
    },
    request: async (relation, mail, role) => {
      const made = await newRequest(relation, mail, role);
      return made === 'n/a' ? made : { path: { id: made.id } };
    },
    'request-list': async (relation, mail, role) => {
      // newest first: the request just made opens the list's first page
      const made = await newRequest(relation, mail, role);
      return made === 'n/a' ? made : { path: {}, query: 'status=submitted&limit=20', listed: made.id };
    },
    'attendance-session': async (relation) => {
      const target = attendance[relation === 'own-session' ? 'run' : relation === 'same-academy' ? 'other' : 'foreign'];
      return {
        path: { sessionId: target.session, id: target.sheet, registrationId: target.registration },
        registration: target.registration,
      } as Target;
    },
    'attendance-line': async (relation, mail) => {
      const target = await markedRegistration(relation, mail);
      return { path: { sessionId: target.session }, listed: target.lastName };
    },
    attestation: async (relation, mail) => {
      const target = await markedRegistration(relation, mail);
      const by = adminOf(target.academy);
      const done = await send('POST', `/api/v1/attendance/sessions/${target.session}/completions`, by, {
        registrationIds: [target.id],
      });
      expect(done.body[0].outcome).toMatch(/completed/);
      const issued = await send('POST', `/api/v1/attendance/sessions/${target.session}/attestations`, by, {
        registrationIds: [target.id],
      });
      // its PDF is rendered after the answer: the routes are tried once it is
      const attestation = await eventually(
        async () => {
          const listed = (await send('GET', `/api/v1/attendance/sessions/${target.session}/attestations`, by)).body as {
            id: string;
            registrationId: string;
            state: string;
          }[];
          return listed.find((a) => a.registrationId === target.id && a.state === 'issued');
        },
        'the attestation rendered',
        60000,
      );
      expect(issued.status).toBeLessThan(300);
      return { path: { id: attestation.id } };
    },
    evaluation: async (relation, mail, role) => {
      if (relation === 'self') {
        const own = role === 'participant' ? await inAttendance(await registration('self', mail)) : undefined;
        return { path: { sessionId: own?.session ?? sessions.other } };
      }
      return {
        path: {
          sessionId: sessions[relation === 'own-session' ? 'run' : relation === 'same-academy' ? 'other' : 'foreign'],
        },
      };
    },
    convention: async (relation) => ({ path: { id: conventions[relation], lineId: randomUUID() } }),
    // a bilan export asked by the caller (their own area), by another person of A, or by B's administrator
    'export-job': async (relation, mail, role) => {
      const own: Record<string, string> = {
        'dafpen-admin': `level=academie&code=${A}`,
        'canope-referent': 'level=canope-dt&code=dt-antilles-guyane',
        ien: 'level=district&code=973-nord',
        'school-head': `level=school&code=${S1}`,
      };
      // another person of A (a development token's subject is its role and scope: the IEN of the other district)
      const otherOfA: Caller = { role: 'ien', academy: A, level: 'district', code: '973-sud' };
      const [by, query] =
        relation === 'self'
          ? [caller(role, mail), own[role]]
          : relation === 'same-academy'
            ? [otherOfA, `level=school&code=${S3}`]
            : [adminOf(B), `level=academie&code=${B}`];
      if (!query) return 'n/a';
      const asked = await send('POST', `/api/v1/reports/exports?${query}&format=csv`, by);
      if (asked.status !== 202)
        throw new Error(`export as ${JSON.stringify(by)}: ${asked.status} ${JSON.stringify(asked.body)}`);
      return { path: { id: asked.body.id } };
    },
    'deployment-wave': async (relation) => {
      const academy = relationAcademy(relation);
      const wave = await created('POST', '/training-plan/waves', waveBody(), adminOf(academy));
      return { path: { id: wave.id } };
    },
    'evaluation-module': async (relation) => ({ path: { moduleId: relation === 'other-academy' ? moduleB : moduleA } }),
    // a bilan's area: the caller's own (académie, DT, district or school), another school of the académie, a school of
    // B
    area: async (relation, _mail, role) => {
      const own: Record<string, string> = {
        'dafpen-admin': `level=academie&code=${A}`,
        'canope-referent': 'level=canope-dt&code=dt-antilles-guyane',
        ien: 'level=district&code=973-nord',
        'school-head': `level=school&code=${S1}`,
      };
      const query =
        relation === 'own'
          ? own[role]
          : relation === 'same-academy'
            ? `level=school&code=${S3}`
            : `level=school&code=${T1}`;
      return query ? { path: {}, query } : 'n/a';
    },
    reference: async (relation) => {
      const own = { department: '973', district: '973-nord', uai: S1, dt: 'dt-antilles-guyane' };
      const place =
        relation === 'other-academy'
          ? { department: '31', district: '31-ouest', uai: T1, dt: 'dt-occitanie' }
          : relation === 'same-academy'
            ? { ...own, district: '973-sud', uai: S3 }
            : own;
      return {
        path: { code: place.district, uai: place.uai },
        dt: place.dt,
        department: place.department,
      } as Target & { dt: string; department: string };
    },
  };

  /** A deployment wave of the training plan with no lines (valid in any académie). */
  const waveBody = () => ({
    schoolYear: '2026-2027',
    code: `V-${run}-${++counter}`,
    label: 'Vague de la matrice',
    startsOn: '2026-09-14',
    endsOn: '2026-12-18',
    trainTheTrainers: false,
    lines: [],
  });

  /**
   * A valid body for each write (what the route's DTO asks), so that the answer is the scope's, not the validation's.
   */
  const bodyFor = (route: string, target: Target & { department?: string; registration?: string }): Target['body'] => {
    const academy = target.department === '31' ? B : A;
    const bodies: Record<string, Target['body']> = {
      'POST /api/v1/registrations/{id}/cancel': { reason: 'withdrawn' },
      'POST /api/v1/sessions/{id}/cancel': { reason: 'Session de la matrice annulée' },
      'PATCH /api/v1/sessions/{id}': { capacity: 150 },
      'PUT /api/v1/modules/{id}': { ...CANOPROF_M1_EXAMPLE, title: fresh('Module modifié') },
      'PUT /api/v1/modules/{id}/prerequisites': { requiredModuleIds: [] },
      'PUT /api/v1/training-plan/waves/{id}': waveBody(),
      'POST /api/v1/modules/{moduleId}/sessions': { slots: [slot], capacity: 10, trainers: [] },
      'POST /api/v1/modules/{moduleId}/sessions/plan': { sessions: [{ slots: [slot], capacity: 10, trainers: [] }] },
      'POST /api/v1/requests/{id}/decision': { decision: 'refused', reason: 'Matrice' },
      'PUT /api/v1/reference/departments/{code}': { name: 'Nom de la matrice', academy },
      'PUT /api/v1/reference/districts/{code}': { name: 'Nom de la matrice', department: target.department },
      'PUT /api/v1/reference/schools/{uai}': {
        name: 'Nom de la matrice',
        department: target.department,
        district: target.path.code,
      },
      'PUT /api/v1/reference/canope-dts/{code}': { name: 'Nom de la matrice', academies: [academy] },
      'POST /api/v1/attendance/sessions/{sessionId}/marks': {
        marks: [{ registrationId: target.registration, slotIndex: 0, status: 'present' }],
      },
      'POST /api/v1/attendance/sessions/{sessionId}/reopen': { reason: 'Matrice' },
      'PUT /api/v1/attendance/sessions/{sessionId}/signed-sheet': {
        raw: fictitiousPdf('feuille signée'),
        type: 'application/pdf',
      },
      'PUT /api/v1/attendance/sessions/{sessionId}/activities': {
        progressRequired: false,
        activities: [{ title: 'Activité de la matrice', required: false }],
      },
      'POST /api/v1/attendance/sessions/{sessionId}/progress': {
        entries: [{ registrationId: target.registration ?? randomUUID(), activityId: randomUUID(), done: true }],
      },
      'POST /api/v1/attendance/sessions/{sessionId}/completions': {
        registrationIds: [target.registration ?? randomUUID()],
      },
      'POST /api/v1/attendance/registrations/{registrationId}/completion/revoke': { reason: 'Matrice' },
      'POST /api/v1/attendance/attestations/{id}/revoke': { reason: 'Matrice' },
      'PUT /api/v1/conventions/{id}/plan': {
        trainers: [
          { name: 'Formateur fictif', mail: 'formateur.autre@ac-exemple.fr', grade: 'certifie', engaged: true },
        ],
        lines: [],
      },
      'POST /api/v1/conventions/{id}/signatures': { role: 'director' },
      'PUT /api/v1/conventions/{id}/paper-copy': { raw: fictitiousPdf('convention signée'), type: 'application/pdf' },
      'PUT /api/v1/conventions/{id}/lines/{lineId}/sheet': {
        raw: fictitiousPdf('feuille signée'),
        type: 'application/pdf',
      },
      'PUT /api/v1/conventions/{id}/report': { headAnalysis: 'Matrice', trainersAnalysis: 'Matrice', criteria: {} },
      'POST /api/v1/conventions/{id}/allocations': { trainerId: randomUUID(), hse: '1' },
      'POST /api/v1/attendance/sessions/{sessionId}/referents': {
        registrationId: target.registration ?? randomUUID(),
        concern: 'Oral',
      },
      'POST /api/v1/attendance/sessions/{sessionId}/feedback': { moment: 'hot', text: 'Impressions de la matrice' },
      // the matrix's services run at today's date, not during the session's half-day: a runner is answered 409
      // slot_not_open (reached), anyone else 403 or 404
      'POST /api/v1/attendance/sessions/{sessionId}/signatures': {
        method: 'drawn',
        slotIndex: 0,
        registrationId: target.registration ?? randomUUID(),
        drawing: fictitiousSignature(),
      },
      'POST /api/v1/attendance/sessions/{sessionId}/evaluation/answers': { answers: { 'overall-satisfaction': 3 } }, // incomplete: 422 to whoever may answer, 404 to anyone else,
    };
    return route in bodies ? bodies[route] : target.body;
  };

  const concretePath = (route: string, target: Target) => {
    const [, path] = route.split(' ');
    let concrete = path;
    const ref = target as Target & { dt?: string; department?: string };
    if (path.includes('/canope-dts/')) concrete = path.replace('{code}', ref.dt ?? '');
    if (path.includes('/departments/')) concrete = path.replace('{code}', ref.department ?? '');
    concrete = concrete.replace(/\{(\w+)\}/g, (_, name: string) => target.path[name] ?? `{${name}}`);
    // an export asks its format beside the bilan's area; a page of registrations, the target's own (the session holds
    // more registrations than a page, of other relations)
    const query =
      route === 'POST /api/v1/reports/exports'
        ? `${target.query}&format=csv`
        : route === 'GET /api/v1/attendance/sessions/{sessionId}/signing-code'
          ? 'slotIndex=0'
          : route === 'GET /api/v1/registrations/search'
            ? `${target.query}&q=${encodeURIComponent(target.listed ?? '')}`
            : target.query;
    return query ? `${concrete}?${query}` : concrete;
  };

  const classify = (status: number, text: string, target: Target): Outcome | string => {
    if (target.listed !== undefined) {
      if (status === 200) return text.includes(target.listed) ? 'reached' : 'refused';
      return status === 403 || status === 404 ? 'refused' : `answer ${status}`;
    }
    if ((status >= 200 && status < 300) || status === 409 || status === 412 || status === 422) return 'reached';
    if (status === 403 || status === 404) return 'refused';
    return `answer ${status}`;
  };

  it('answers every relation as the table says, and the table names every relation of every route', async () => {
    const observed: Record<string, ScopeRow> = {};
    const wrong: string[] = [];
    const tried: Call[] = [];
    let refusalsRead = 0;
    const routes = Object.entries(matrix.scopes);
    for (const [index, [route, row]] of routes.entries()) {
      observed[route] = { ...row };
      if (row.target === 'none') continue;
      const relations = matrix.targets[row.target];
      expect([route, relations ? 'known target' : row.target]).toEqual([route, 'known target']);
      observed[route].reaches = {};
      const [method] = route.split(' ');
      // the least trusted first: a write reached by an administrator must not change what the others are answered
      for (const relation of relations) {
        const reached: string[] = [];
        for (const role of [...matrix.routes[route]].reverse()) {
          const mail =
            role === 'trainer' ? TRAINER : `${role.replace('-', '.')}.${run}.${index}.${relation}@ac-exemple.fr`;
          const target = await TARGETS[row.target](relation, mail, role);
          if (target === 'n/a') {
            if (row.reaches?.[relation]?.includes(role))
              wrong.push(
                `${route} ${relation} as ${role}: the table says reached, but the relation does not exist for this role`,
              );
            continue;
          }
          const answer = await send(method, concretePath(route, target), caller(role, mail), bodyFor(route, target));
          tried.push({ route, role, relation, index });
          const outcome = classify(answer.status, answer.text, target);
          if (outcome === 'reached') reached.push(role);
          const expected = row.reaches?.[relation]?.includes(role) ? 'reached' : 'refused';
          if (outcome !== expected)
            wrong.push(
              `${route} ${relation} as ${role}: ${outcome} (${answer.status} ${answer.body?.code ?? ''}), table: ${expected}`,
            );
          // a refusal says what, never whom (issue 22): no mail but the caller's own, no person's name, in body or
          // headers
          if (outcome === 'refused' && answer.status >= 400) {
            const said = `${answer.text} ${JSON.stringify(answer.headers)}`;
            const mails = (said.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).filter(
              (m) => m.toLowerCase() !== mail.toLowerCase(),
            );
            if (mails.length || said.includes(`NOM${run}`.toUpperCase()))
              wrong.push(
                `${route} ${relation} as ${role}: the refusal names someone (${mails.join(', ') || 'a name'})`,
              );
            refusalsRead += 1;
          }
        }
        observed[route].reaches![relation] = [...matrix.routes[route]].filter((r) => reached.includes(r));
      }
    }
    if (process.env.FORMA_SCOPE_RECORD)
      writeFileSync(process.env.FORMA_SCOPE_RECORD, `${JSON.stringify(observed, null, 2)}\n`);
    expect(new Set(tried.map((t) => t.route)).size).toBeGreaterThan(30);
    expect(tried.length).toBeGreaterThan(300);
    expect(refusalsRead).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  }, 1800000); // about 100 s on an idle machine; over 600 s was seen with both cores busy

  /**
   * Issue 22: every identifier a request carries in its query or body (docs/authorisation-matrix.json, `identifiers`),
   * pointed at another académie's thing while everything else stays the caller's, as the académie's administrator (the
   * widest reach): refused (403 or 404, or a 409/422 that says the thing is unknown or out of scope) with nothing
   * stored
   * in the service that owns the route, naming none of the other académie's people; or, for a list's filter, absent
   * from the list. Each case is followed by its control, the same call with the caller's own identifier, which must
   * be reached: a refusal for another reason (a closed session, a bad body) would otherwise pass for a scope check.
   */
  it('refuses every identifier of a request that points into another académie, storing nothing (issue 22)', async () => {
    const admin = adminOf(A);
    // B's things: a person registered in B's session, a draft module, an attendance registration and activity, a
    // convention's trainer
    const bPerson = await registration('other-academy', `${fresh('personne.b')}@ac-exemple.fr`);
    const bPersonId = await personId(bPerson.mail);
    const bDraft = (await newModule(B, 'draft')).id;
    const activities = async (session: string, academy: string) => {
      expect(
        (
          await send('PUT', `/api/v1/attendance/sessions/${session}/activities`, adminOf(academy), {
            progressRequired: false,
            activities: [{ title: fresh('Activité'), required: false }],
          })
        ).status,
      ).toBe(200);
      return (await send('GET', `/api/v1/attendance/sessions/${session}/progress`, adminOf(academy))).body.activities[0]
        .id as string;
    };
    const bActivity = await activities(attendance.foreign.session, B);
    const bTrainer = (await send('GET', `/api/v1/conventions/${conventions['other-academy']}`, adminOf(B))).body
      .trainers[0].id as string;
    // A's own, fresh: an open session run in attendance with a confirmed registration, an activity, a published module
    const sweep = await newSession(moduleA, A, [TRAINER]);
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM session_replica WHERE session_id = $1',
              [sweep],
            )
          )[0].n,
        ) === 1,
      applied('attendance'),
      'the sweep session in attendance',
      REPLICATION_STALL_MS,
    );
    const own = await inAttendance({
      ...(await created(
        'POST',
        '/registrations',
        {
          sessionId: sweep,
          kind: 'designated',
          person: person(0, { mail: `${fresh('balayage')}@ac-exemple.fr`, uai: S3 }),
        },
        admin,
      )),
      session: sweep,
    });
    const aActivity = await activities(sweep, A);
    const aModule = (await newModule(A)).id;
    const aDependent = (await newModule(A)).id; // its prerequisites change; the sessions' module keeps none
    const aPerson = await registration('same-academy', `${fresh('personne.a')}@ac-exemple.fr`);
    const aPersonId = await personId(aPerson.mail);
    const aTrainer = (await send('GET', `/api/v1/conventions/${conventions['own-school']}`, admin)).body.trainers[0]
      .id as string;
    const aWave = (await created('POST', '/training-plan/waves', waveBody(), admin)).id;
    const line = (moduleId: string) => ({
      moduleId,
      profile: 'teacher',
      headcount: 10,
      sessions: 1,
      trainers: 1,
      hours: '3',
    });
    // a session delivered in each académie (past, delivered by its trainer): remuneration knows them by their hours
    const delivered: Record<string, string> = {};
    for (const [academy, module, mail] of [
      [A, moduleA, TRAINER],
      [B, moduleB, 'formateur.toulouse@ac-exemple.fr'],
    ] as const) {
      const past = await created(
        'POST',
        `/modules/${module}/sessions`,
        {
          slots: [{ date: '2026-11-17', start: '09:00', end: '12:00', kind: 'face-to-face' }],
          capacity: 10,
          trainers: [{ name: 'Formateur fictif', mail, role: 'trainer' }],
        },
        adminOf(academy),
      );
      await eventuallyWhileProgressing(
        async () =>
          Number(
            (
              await queryService<{ n: string }>(
                'attendance',
                'SELECT count(*) AS n FROM session_replica WHERE session_id = $1',
                [past.id],
              )
            )[0].n,
          ) === 1,
        applied('attendance'),
        'the past session in attendance',
        REPLICATION_STALL_MS,
      );
      expect(
        (await send('POST', `/api/v1/sessions/${past.id}/deliver`, { role: 'trainer', academy, mail })).status,
      ).toBe(200);
      delivered[academy] = past.id;
    }
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'remuneration',
              'SELECT count(DISTINCT session_id) AS n FROM delivered_hours WHERE session_id = ANY($1)',
              [Object.values(delivered)],
            )
          )[0].n,
        ) === 2,
      applied('remuneration'),
      'the delivered hours in remuneration',
      REPLICATION_STALL_MS,
    );
    const planLine = (sessionId: string) => ({
      kind: 'face-to-face',
      date: '2026-11-17',
      minutes: 180,
      headcount: 5,
      trainerMail: TRAINER,
      sessionId,
    });
    const planTrainers = [{ name: 'Formateur fictif', mail: TRAINER, grade: 'certifie', engaged: true }];
    const opening = (extra: object) => ({
      label: fresh('Ouverture'),
      shortLabel: 'Ouverture',
      content: 'Contenu fictif.',
      pedagogicalObjective: 'Objectif fictif.',
      form: 'Stage',
      modality: 'hybrid',
      moduleType: 'module',
      targetPublic: 'Professeurs',
      pedagogicalOwner: 'IEN fictive',
      plannedHoursPerPerson: 6,
      plannedPlaces: 12,
      trainerCount: 1,
      plannedOrganisation: 'Un groupe.',
      ...extra,
    });
    const plan = (moduleId: string, uai: string) => ({
      moduleId,
      participants: 10,
      from: '2027-03-01',
      to: '2027-03-31',
      trainers: [{ name: 'Formateur fictif' }],
      places: [{ uai, label: 'Lieu fictif' }],
    });

    /**
     * `itemRefused`: a batch route answers 200 with an outcome per item; the item must be refused there, naming why.
     */
    type Case = {
      method: string;
      path: string;
      body?: object | string;
      as?: Caller;
      ifMatch?: boolean;
      listed?: string;
      itemRefused?: (body: never) => boolean;
    };
    /**
     * For each route and identifier: the call with another académie's (`foreign`) and with the caller's own (`own`).
     */
    const CASES: Record<string, Record<string, (which: 'foreign' | 'own') => Case>> = {
      'PUT /api/v1/modules/{id}/prerequisites': {
        'body.requiredModuleIds': (w) => ({
          method: 'PUT',
          path: `/modules/${aDependent}/prerequisites`,
          body: { requiredModuleIds: [w === 'foreign' ? bDraft : aModule] },
          ifMatch: true,
        }),
      },
      'POST /api/v1/modules/{moduleId}/sessions': {
        'body.placeUai': (w) => ({
          method: 'POST',
          path: `/modules/${moduleA}/sessions`,
          body: { slots: [slot], capacity: 10, trainers: [], placeUai: w === 'foreign' ? T1 : S1 },
        }),
      },
      'POST /api/v1/modules/{moduleId}/sessions/plan': {
        'body.sessions[].placeUai': (w) => ({
          method: 'POST',
          path: `/modules/${moduleA}/sessions/plan`,
          body: {
            sessions: [
              { slots: [slot], capacity: 10, trainers: [], placeUai: S1 },
              { slots: [slot], capacity: 10, trainers: [], placeUai: w === 'foreign' ? T1 : S1 },
            ],
          },
        }),
      },
      'PATCH /api/v1/sessions/{id}': {
        'body.placeUai': (w) => ({
          method: 'PATCH',
          path: `/sessions/${sessions.other}`,
          body: { placeUai: w === 'foreign' ? T1 : S1 },
        }),
      },
      'POST /api/v1/requests/parcours-provision': {
        'body.moduleId': (w) => ({
          method: 'POST',
          path: '/requests/parcours-provision',
          body: {
            title: fresh('Demande'),
            origin: 'dgesco',
            synchronousHours: 0,
            asynchronousHours: 3,
            pedagogicalOwner: 'IEN fictive',
            moduleId: w === 'foreign' ? bDraft : moduleA,
          },
        }),
      },
      'POST /api/v1/requests/module-opening': {
        'body.moduleId': (w) => ({
          method: 'POST',
          path: '/requests/module-opening',
          body: opening({ moduleId: w === 'foreign' ? bDraft : moduleA }),
        }),
        'body.placeUai': (w) => ({
          method: 'POST',
          path: '/requests/module-opening',
          body: opening({ placeUai: w === 'foreign' ? T1 : S1 }),
        }),
      },
      'POST /api/v1/planner/proposals': {
        'body.moduleId': (w) => ({
          method: 'POST',
          path: '/planner/proposals',
          body: plan(w === 'foreign' ? bDraft : moduleA, S1),
        }),
        'body.places[].uai': (w) => ({
          method: 'POST',
          path: '/planner/proposals',
          body: plan(moduleA, w === 'foreign' ? T1 : S1),
        }),
      },
      'POST /api/v1/training-plan/waves': {
        'body.lines[].moduleId': (w) => ({
          method: 'POST',
          path: '/training-plan/waves',
          body: { ...waveBody(), lines: [line(w === 'foreign' ? bDraft : moduleA)] },
        }),
      },
      'PUT /api/v1/training-plan/waves/{id}': {
        'body.lines[].moduleId': (w) => ({
          method: 'PUT',
          path: `/training-plan/waves/${aWave}`,
          body: { ...waveBody(), lines: [line(w === 'foreign' ? bDraft : moduleA)] },
        }),
      },
      'POST /api/v1/registrations': {
        'body.sessionId': (w) => ({
          method: 'POST',
          path: '/registrations',
          body: {
            sessionId: w === 'foreign' ? sessions.foreign : sessions.other,
            kind: 'designated',
            person: person(0, { mail: `${fresh('nouvelle')}@ac-exemple.fr`, uai: S3 }),
          },
        }),
        'body.participantId': (w) => ({
          method: 'POST',
          path: '/registrations',
          body: { sessionId: sweep, kind: 'designated', participantId: w === 'foreign' ? bPersonId : aPersonId },
        }),
        'body.person.mail': (w) => ({
          method: 'POST',
          path: '/registrations',
          body: {
            sessionId: sessions.other,
            kind: 'designated',
            person: person(0, { mail: w === 'foreign' ? bPerson.mail : `${fresh('nouvelle')}@ac-exemple.fr`, uai: S3 }),
          },
        }),
        'body.person.uai': (w) => ({
          method: 'POST',
          path: '/registrations',
          body: {
            sessionId: sessions.other,
            kind: 'designated',
            person: person(0, { mail: `${fresh('nouvelle')}@ac-exemple.fr`, uai: w === 'foreign' ? T1 : S3 }),
          },
        }),
      },
      'GET /api/v1/registrations': {
        'query.sessionId': (w) => ({
          method: 'GET',
          path: `/registrations?sessionId=${w === 'foreign' ? sessions.foreign : sweep}`,
        }),
      },
      'GET /api/v1/registrations/search': {
        'query.sessionId': (w) => ({
          method: 'GET',
          path: `/registrations/search?sessionId=${w === 'foreign' ? sessions.foreign : sweep}`,
        }),
      },
      'GET /api/v1/registrations/by-school': {
        'query.uai': (w) => ({
          method: 'GET',
          path: `/registrations/by-school?uai=${w === 'foreign' ? T1 : S3}&q=${encodeURIComponent(w === 'foreign' ? bPerson.mail : aPerson.mail)}`,
          listed: w === 'foreign' ? bPerson.mail : aPerson.mail,
        }),
      },
      'GET /api/v1/registrations/export.csv': {
        'query.sessionId': (w) => ({
          method: 'GET',
          path: `/registrations/export.csv?sessionId=${w === 'foreign' ? sessions.foreign : sweep}`,
        }),
      },
      'GET /api/v1/people': {
        'query.mail': (w) => ({
          method: 'GET',
          path: `/people?mail=${encodeURIComponent(w === 'foreign' ? bPerson.mail : aPerson.mail)}`,
          listed: w === 'foreign' ? bPerson.mail : aPerson.mail,
        }),
        'query.uai': (w) => ({
          method: 'GET',
          path: `/people?uai=${w === 'foreign' ? T1 : S3}`,
          listed: w === 'foreign' ? bPerson.mail : aPerson.mail,
        }),
      },
      'POST /api/v1/enrolment-imports': {
        'query.sessionId': (w) => ({
          method: 'POST',
          path: `/enrolment-imports?sessionId=${w === 'foreign' ? sessions.foreign : sessions.other}`,
          body: `Nom;Mail\nFICTIF Jean;${fresh('import')}@ac-exemple.fr\n`,
        }),
      },
      'POST /api/v1/attendance/sessions/{sessionId}/marks': {
        'body.marks[].registrationId': (w) => ({
          method: 'POST',
          path: `/attendance/sessions/${sweep}/marks`,
          body: {
            marks: [
              {
                registrationId: w === 'foreign' ? attendance.foreign.registration : own.id,
                slotIndex: 0,
                status: 'present',
              },
            ],
          },
        }),
      },
      'PUT /api/v1/attendance/sessions/{sessionId}/activities': {
        'body.activities[].id': (w) => ({
          method: 'PUT',
          path: `/attendance/sessions/${sweep}/activities`,
          body: {
            progressRequired: false,
            activities: [
              { id: w === 'foreign' ? bActivity : aActivity, title: 'Activité du balayage', required: false },
            ],
          },
        }),
      },
      'POST /api/v1/attendance/sessions/{sessionId}/progress': {
        'body.entries[].registrationId': (w) => ({
          method: 'POST',
          path: `/attendance/sessions/${sweep}/progress`,
          body: {
            entries: [
              {
                registrationId: w === 'foreign' ? attendance.foreign.registration : own.id,
                activityId: aActivity,
                done: true,
              },
            ],
          },
        }),
        'body.entries[].activityId': (w) => ({
          method: 'POST',
          path: `/attendance/sessions/${sweep}/progress`,
          body: {
            entries: [{ registrationId: own.id, activityId: w === 'foreign' ? bActivity : aActivity, done: true }],
          },
        }),
      },
      'POST /api/v1/attendance/sessions/{sessionId}/referents': {
        'body.registrationId': (w) => ({
          method: 'POST',
          path: `/attendance/sessions/${sweep}/referents`,
          body: { registrationId: w === 'foreign' ? attendance.foreign.registration : own.id, concern: 'Oral' },
        }),
      },
      'POST /api/v1/attendance/sessions/{sessionId}/completions': {
        'body.registrationIds': (w) => ({
          method: 'POST',
          path: `/attendance/sessions/${sweep}/completions`,
          body: { registrationIds: [w === 'foreign' ? attendance.foreign.registration : own.id] },
          itemRefused: (b: { outcome: string; missing?: { code: string }[] }[]) =>
            b.length === 1 && b[0].outcome === 'refused' && b[0].missing?.[0]?.code === 'not_enrolled',
        }),
      },
      'POST /api/v1/attendance/sessions/{sessionId}/attestations': {
        'body.registrationIds': (w) => ({
          method: 'POST',
          path: `/attendance/sessions/${sweep}/attestations`,
          body: { registrationIds: [w === 'foreign' ? attendance.foreign.registration : own.id] },
          itemRefused: (b: { issued: unknown[]; skipped: { code: string }[] }) =>
            b.issued.length === 0 && b.skipped[0]?.code === 'not_enrolled',
        }),
      },
      'POST /api/v1/conventions': {
        'body.uai': (w) => ({
          method: 'POST',
          path: '/conventions',
          body: {
            uai: w === 'foreign' ? T1 : S3,
            schoolYear: '2026-2027',
            trainers: [
              { name: 'Formateur fictif', mail: 'formateur.autre@ac-exemple.fr', grade: 'certifie', engaged: true },
            ],
            lines: [],
          },
        }),
        'body.lines[].sessionId': (w) => ({
          method: 'POST',
          path: '/conventions',
          body: {
            uai: S3,
            schoolYear: '2026-2027',
            trainers: planTrainers,
            lines: [planLine(delivered[w === 'foreign' ? B : A])],
          },
        }),
      },
      'PUT /api/v1/conventions/{id}/plan': {
        'body.lines[].sessionId': (w) => ({
          method: 'PUT',
          path: `/conventions/${conventions['own-school']}/plan`,
          body: { trainers: planTrainers, lines: [planLine(delivered[w === 'foreign' ? B : A])] },
          as: caller('school-head', `chef.${run}@ac-exemple.fr`),
          ifMatch: true,
        }),
      },
      'GET /api/v1/conventions': {
        'query.uai': (w) => ({
          method: 'GET',
          path: `/conventions?uai=${w === 'foreign' ? T1 : S3}`,
          listed: w === 'foreign' ? conventions['other-academy'] : conventions['same-academy'],
        }),
      },
      'POST /api/v1/conventions/{id}/allocations': {
        'body.trainerId': (w) => ({
          method: 'POST',
          path: `/conventions/${conventions['own-school']}/allocations`,
          body: { trainerId: w === 'foreign' ? bTrainer : aTrainer, hse: '1' },
          as: caller('school-head', `chef.${run}@ac-exemple.fr`),
        }),
      },
      'POST /api/v1/payment-batches': {
        'body.conventionIds': (w) => ({
          method: 'POST',
          path: '/payment-batches',
          body: { conventionIds: [w === 'foreign' ? conventions['other-academy'] : conventions['same-academy']] },
        }),
      },
    };
    /** What each service stores on a request (never written by its event consumers): counted before and after. */
    const STORED: Record<string, string[]> = {
      catalog: [
        'training_module',
        'module_revision',
        'module_prerequisite',
        'training_session',
        'training_request',
        'deployment_wave',
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
      ],
      remuneration: ['convention', 'convention_trainer', 'plan_line', 'payment_batch', 'payment_line', 'audit'],
    };
    const serviceOf = (path: string) => {
      const segment = path.split('/')[1].split('?')[0];
      if (['modules', 'sessions', 'requests', 'planner', 'training-plan'].includes(segment)) return 'catalog';
      if (['registrations', 'people', 'enrolment-imports'].includes(segment)) return 'enrolment';
      if (segment === 'attendance') return 'attendance';
      return 'remuneration';
    };
    const stored = async (service: string) =>
      (
        await queryService<{ counts: string }>(
          service,
          `SELECT concat_ws(',', ${STORED[service].map((t) => `(SELECT count(*) FROM ${t})`).join(', ')}) AS counts`,
        )
      )[0].counts;
    const call = async (c: Case) => {
      const body = typeof c.body === 'object' ? JSON.parse(JSON.stringify(c.body)) : c.body; // undefined fields dropped
      if (!c.ifMatch) return send(c.method, `/api/v1${c.path}`, c.as ?? admin, body);
      // the version the caller reads now (the resource the write changes is the path less its last segment)
      const read = await send('GET', `/api/v1${c.path.replace(/\/[^/]+$/, '')}`, c.as ?? admin);
      return request(gateway)
        [c.method.toLowerCase() as 'put'](`/api/v1${c.path}`)
        .set('authorization', await bearer(c.as ?? admin))
        .set('if-match', read.headers.etag)
        .send(body);
    };
    const REFUSAL_CODES =
      /^(unknown_|not_enrolled|.*_not_found$|.*out_of_scope$|foreign_academy$|trainer_not_on_convention$|nothing_to_pay$)/;
    const wrong: string[] = [];
    let tried = 0;
    for (const [route, ids] of Object.entries(matrix.identifiers)) {
      for (const [field, how] of Object.entries(ids)) {
        if (how === 'scopes' || !how.foreign) continue;
        const build = CASES[route]?.[field];
        if (!build) {
          wrong.push(`${route} ${field}: no live case (the table says it is tried pointing into another académie)`);
          continue;
        }
        tried += 1;
        const foreign = build('foreign');
        const service = serviceOf(foreign.path);
        const before = await stored(service);
        const answer = await call(foreign);
        const after = await stored(service);
        const label = `${route} ${field} into another académie`;
        if (how.foreign === 'unlisted') {
          if (answer.status !== 200 || answer.text.includes(foreign.listed!))
            wrong.push(`${label}: ${answer.status}, listed: ${answer.text.includes(foreign.listed!)}`);
        } else if (foreign.itemRefused && answer.status === 200) {
          if (!foreign.itemRefused(answer.body as never))
            wrong.push(`${label}: 200, the item is not refused: ${answer.text.slice(0, 200)}`);
        } else if (!(
          [403, 404].includes(answer.status) ||
          ([409, 422].includes(answer.status) && REFUSAL_CODES.test(answer.body?.code ?? ''))
        )) {
          wrong.push(`${label}: ${answer.status} ${answer.body?.code ?? ''} ${answer.body?.detail ?? ''}`);
        }
        if (before !== after) wrong.push(`${label}: stored something (${before} -> ${after})`);
        for (const word of [bPerson.mail, bPerson.lastName, bPersonId])
          if (answer.status !== 200 && answer.text.toLowerCase().includes(word.toLowerCase()))
            wrong.push(`${label}: the refusal names a person of the other académie`);
        // the control: the caller's own identifier is reached (2xx, or a rule's 409/422 past the scope)
        const control = await call(build('own'));
        const reached =
          how.foreign === 'unlisted'
            ? control.status === 200 && control.text.includes(build('own').listed!)
            : classify(control.status, control.text, { path: {} }) === 'reached';
        if (!reached)
          wrong.push(
            `${route} ${field} with the caller's own: ${control.status} ${control.body?.code ?? ''} ${control.body?.detail ?? ''} (the control must be reached)`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(25);
  }, 600000);
});
