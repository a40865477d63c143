// Bad input, second pass (issue 28), through the gateway on the real services, broker and PostgreSQL: each cause of a
// 5xx found by the fuzzing of main 94a9a10, files checked by what they contain, an import that cannot be turned into
// a flood, and every create replayed with its Idempotency-Key. The fuzz suite over every operation is fuzz.int-spec.ts.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import {
  eventually,
  eventuallyWhileProgressing,
  fictitiousPdf,
  fictitiousSignature,
  uploadPastAnswer,
} from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import type supertest from 'supertest';
import { request } from './checked-request';
import { parse } from 'yaml';
import { applied, queryService, RunningApp, startPlatform, stopPlatform } from './app-process';
import { Caller, gatewayClient, person, uai } from './gateway-client';

const A = 'guyane';
const SCHOOL = uai('9730711');
const TRAINER = 'formateur.entrees@ac-exemple.fr';
const admin: Caller = { role: 'dafpen-admin', academy: A };
const head: Caller = { role: 'school-head', academy: A, level: 'school', code: SCHOOL };
const trainer: Caller = { role: 'trainer', academy: A, mail: TRAINER };
const run = randomUUID().slice(0, 8);
const ENGLISH =
  /\b(must|should|Unexpected|expected|property|token|is not|cannot|Cannot|invalid|Invalid|undefined|null value)\b/;

describe('bad input: no 5xx, files are what they claim, imports cannot flood, retries never create twice', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  const { api, bearer, etag } = gatewayClient(() => gateway);
  let moduleId: string;
  let session: string;
  let registration: string;
  let convention: string;
  let counter = 0;
  const fresh = (what: string) => `${what}.${run}.${++counter}`;
  /** A call through the gateway as `as`, shaped by `prepare` (headers, body) before it is sent. */
  const raw = async (
    method: 'post' | 'put' | 'get',
    path: string,
    as: Caller = admin,
    prepare: (test: supertest.Test) => supertest.Test = (t) => t,
  ) =>
    prepare(
      request(gateway)
        [method](`/api/v1${path}`)
        .set('authorization', await bearer(as)),
    );

  beforeAll(async () => {
    // enrolment takes a 128 MiB file here, to show a 100 MB invalid import stopping at its cap of rejected lines
    const platform = await startPlatform({ enrolment: { IMPORT_MAX_BYTES: String(128 * 1024 * 1024) } });
    apps.push(...platform.apps);
    gateway = platform.gateway;
    const put = async (path: string, body: object) =>
      expect((await api('put', `/reference${path}`, body, admin)).status).toBe(200);
    await put('/departments/973', { name: 'Guyane', academy: A });
    await put('/districts/973-entrees', { name: 'Circonscription fictive des entrées', department: '973' });
    await put(`/schools/${SCHOOL}`, { name: 'École fictive des entrées', department: '973', district: '973-entrees' });
    moduleId = (
      await api(
        'post',
        '/modules',
        { ...CANOPROF_M1_EXAMPLE, title: fresh('Module des entrées'), maxParticipantsPerSession: 500 },
        admin,
      )
    ).body.id;
    const planned = await api(
      'post',
      `/modules/${moduleId}/sessions`,
      {
        slots: [{ date: '2027-03-16', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        capacity: 500,
        trainers: [{ name: 'Formateur fictif', mail: TRAINER, role: 'trainer' }],
      },
      admin,
    );
    expect(planned.status).toBe(201);
    session = planned.body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE session_id = $1',
              [session],
            )
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'the session in enrolment',
    );
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>('enrolment', 'SELECT count(*) AS n FROM school_replica WHERE uai = $1', [
              SCHOOL,
            ])
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'the school in enrolment',
    );
    registration = (
      await api(
        'post',
        '/registrations',
        { sessionId: session, kind: 'designated', person: person(`E${run}`, { uai: SCHOOL }) },
        admin,
      )
    ).body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM roster WHERE registration_id = $1',
              [registration],
            )
          )[0].n,
        ) === 1,
      applied('attendance'),
      'the registration in attendance',
    );
    // the roster line can arrive before the session and its module (other topics): wait for the session's space too
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE session_id = $1',
              [session],
            )
          )[0].n,
        ) === 1,
      applied('attendance'),
      'the session and its module in attendance',
    );
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
    const created = await api(
      'post',
      '/conventions',
      {
        uai: SCHOOL,
        schoolYear: '2026-2027',
        trainers: [{ name: 'Formateur fictif', mail: TRAINER, grade: 'certifie', engaged: true }],
        lines: [],
      },
      admin,
    );
    expect(created.status).toBe(201);
    convention = created.body.id;
    expect((await api('post', `/conventions/${convention}/submit`, {}, admin)).status).toBe(200);
  }, 600000);

  afterAll(async () => {
    await stopPlatform(apps);
  });

  /** A refusal as problem+json: its status, a stable code, a French text that echoes nothing of the body. */
  const refusal = (answer: supertest.Response, status: number, code: string) => {
    expect([answer.status, answer.body.code, answer.headers['content-type']]).toEqual([
      status,
      code,
      expect.stringContaining('application/problem+json'),
    ]);
    expect(answer.body.detail).not.toMatch(ENGLISH);
    expect(answer.headers['x-powered-by']).toBeUndefined();
  };

  describe('no request produces a 5xx (each cause seen on main)', () => {
    it('JSON nested 10,000 (and 2,000) deep: 400 before parsing, at the gateway', async () => {
      for (const depth of [10000, 2000, 65]) {
        const body = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        refusal(
          await raw('post', '/modules', admin, (t) => t.set('content-type', 'application/json').send(body)),
          400,
          'json_too_deep',
        );
      }
      // 64 levels is still read (and refused by validation, not by the parser)
      const ok = await raw('post', '/modules', admin, (t) =>
        t.set('content-type', 'application/json').send(`{"title":${'['.repeat(60)}${']'.repeat(60)}}`),
      );
      expect([ok.status, ok.body.code]).toEqual([400, 'validation_failed']);
    });

    it('an unknown charset or a Content-Encoding: 415', async () => {
      refusal(
        await raw('post', '/modules', admin, (t) =>
          t.set('content-type', 'application/json; charset=bogus-42').send('{}'),
        ),
        415,
        'unsupported_charset',
      );
      refusal(
        await raw('post', '/modules', admin, (t) =>
          t.set('content-type', 'application/json').set('content-encoding', 'x-fuzz').send('{}'),
        ),
        415,
        'unsupported_encoding',
      );
      // a gzip body is never stored compressed: refused, whatever the route
      const sheet = await raw('put', `/attendance/sessions/${session}/signed-sheet`, admin, (t) =>
        t
          .set('content-type', 'application/pdf')
          .set('content-encoding', 'gzip')
          .send(Buffer.from([0x1f, 0x8b, 8, 0])),
      );
      refusal(sheet, 415, 'unsupported_encoding');
    });

    it('a NUL in a string field, a query value or the path: 400 naming where, nothing stored', async () => {
      const before = await queryService<{ n: string }>('catalog', 'SELECT count(*) AS n FROM training_module');
      const module = await api('post', '/modules', { ...CANOPROF_M1_EXAMPLE, title: 'Titre\u0000nul' }, admin);
      refusal(module, 400, 'invalid_character');
      expect(module.body.errors[0].field).toBe('title');
      expect(await queryService<{ n: string }>('catalog', 'SELECT count(*) AS n FROM training_module')).toEqual(before);
      refusal(
        await api(
          'post',
          `/attendance/sessions/${session}/marks`,
          { marks: [{ registrationId: registration, slotIndex: 0, status: 'absent', reason: 'Motif\u0000' }] },
          admin,
        ),
        400,
        'invalid_character',
      );
      refusal(await raw('get', '/training-plan/waves?schoolYear=2026%00'), 400, 'invalid_character');
      refusal(await raw('get', `/reports/bilan?level=academie&code=${A}%00`), 400, 'invalid_character');
      refusal(
        await raw('get', '/reference/districts/x%00y'.replace('/reference/districts', '/reference/schools')),
        400,
        'invalid_character',
      );
    });

    it('an array of arrays where an array of objects is expected: 400 naming the item', async () => {
      const activities = await api(
        'put',
        `/attendance/sessions/${session}/activities`,
        { progressRequired: false, activities: [[{ title: 'Activité', required: false }]] },
        admin,
      );
      refusal(activities, 400, 'validation_failed');
      expect(activities.body.errors.map((e: { field: string }) => e.field)).toContain('activities[0]');
      const plan = await api(
        'post',
        '/conventions',
        {
          uai: SCHOOL,
          schoolYear: '2026-2027',
          trainers: [[{ name: 'X', mail: TRAINER, grade: 'certifie', engaged: true }]],
          lines: [],
        },
        admin,
      );
      refusal(plan, 400, 'validation_failed');
      const wave = await api(
        'post',
        '/training-plan/waves',
        {
          schoolYear: '2026-2027',
          code: `V-${run}`,
          label: 'Vague',
          startsOn: '2026-09-14',
          endsOn: '2026-12-18',
          trainTheTrainers: false,
          lines: [[]],
        },
        admin,
      );
      refusal(wave, 400, 'validation_failed');
    });

    it('a number beyond any integer, and an identifier in upper case, are answered as such', async () => {
      const job = await request(gateway)
        .post(`/api/v1/enrolment-imports?sessionId=${session}`)
        .set('authorization', await bearer(admin))
        .set('content-type', 'text/csv')
        .send(`Nom;Mail\nFICTIF Jean;${fresh('nombre')}@ac-exemple.fr\n`);
      expect(job.status).toBe(202);
      refusal(
        await raw('get', `/enrolment-imports/${job.body.id}/rejections?after=18446744073709551616`),
        400,
        'validation_failed',
      );
      refusal(await raw('get', `/modules/${moduleId}/revisions/99999999999999999999`), 400, 'validation_failed');
      // the same registration in upper case is the same registration: no completion to revoke yet
      const revoke = await api(
        'post',
        `/attendance/registrations/${registration.toUpperCase()}/completion/revoke`,
        { reason: 'Essai' },
        admin,
      );
      expect(revoke.status).toBeLessThan(500);
      expect(revoke.body.code).toMatch(/^[a-z_]+$/);
      const lower = await api(
        'post',
        `/attendance/registrations/${registration}/completion/revoke`,
        { reason: 'Essai' },
        admin,
      );
      expect([revoke.status, revoke.body.code]).toEqual([lower.status, lower.body.code]);
    });

    it('a Content-Length shorter than the body, or an unreadable body: problem+json in French, not a bare 400', async () => {
      const url = new URL(gateway);
      const answer = await new Promise<string>((done, fail) => {
        const socket = connect(Number(url.port), url.hostname, () => {
          socket.write(
            'POST /api/v1/modules HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}GARBAGE GARBAGE\r\n\r\n',
          );
        });
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('end', () => done(text));
        socket.on('error', fail);
        setTimeout(() => socket.end(), 3000).unref();
      });
      expect(answer).toMatch(/HTTP\/1\.1 400/);
      expect(answer).toContain('application/problem+json');
      expect(answer).toContain('malformed_request');
      const json = await raw('post', '/modules', admin, (t) =>
        t.set('content-type', 'application/json').send('{"title": "Module", oops'),
      );
      refusal(json, 400, 'invalid_json');
      expect(json.text).not.toContain('oops');
    });
  });

  describe('files are what they claim', () => {
    const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const upload = async (path: string, type: string, bytes: Buffer, as: Caller = admin) =>
      await raw('put', path, as, (t) => t.set('content-type', type).send(bytes));

    it('the signed sheet: ELF or PNG bytes declared as PDF, a truncated PDF, text or octet-stream are refused; a real PDF is kept', async () => {
      const path = `/attendance/sessions/${session}/signed-sheet`;
      refusal(await upload(path, 'application/pdf', ELF), 422, 'file_content_mismatch');
      refusal(await upload(path, 'application/pdf', PNG), 422, 'file_content_mismatch');
      refusal(await upload(path, 'application/pdf', Buffer.from('%PDF-1.4\n1 0 obj\n')), 422, 'invalid_pdf');
      refusal(await upload(path, 'text/plain', fictitiousPdf('texte')), 415, 'unsupported_file');
      refusal(await upload(path, 'application/octet-stream', fictitiousPdf('octets')), 415, 'unsupported_file');
      expect(
        await queryService('attendance', 'SELECT 1 FROM signed_sheet WHERE session_id = $1', [session]),
      ).toHaveLength(0);
      expect((await upload(path, 'application/pdf', fictitiousPdf('feuille signée'))).status).toBe(201);
      expect((await upload(path, 'image/png', PNG)).status).toBe(201);
    });

    it('the convention’s paper copy of ELF bytes does not sign it', async () => {
      refusal(
        await upload(`/conventions/${convention}/paper-copy`, 'application/pdf', ELF),
        422,
        'file_content_mismatch',
      );
      refusal(await upload(`/conventions/${convention}/paper-copy`, 'image/png', PNG), 415, 'unsupported_file');
      expect((await api('get', `/conventions/${convention}`, undefined, admin)).body.state).toBe('submitted');
      const line = await upload(`/conventions/${convention}/lines/${randomUUID()}/sheet`, 'application/pdf', ELF, head);
      refusal(line, 422, 'file_content_mismatch');
    });

    it('downloads say what they are and are never shown inline by guessing', async () => {
      const sheet = await raw('get', `/attendance/sessions/${session}/sheet.pdf`);
      expect([sheet.status, sheet.headers['x-content-type-options'], sheet.headers['content-disposition']]).toEqual([
        200,
        'nosniff',
        expect.stringMatching(/^attachment/),
      ]);
      const csv = await raw('get', `/registrations/export.csv?sessionId=${session}`);
      expect([csv.status, csv.headers['x-content-type-options'], csv.headers['content-disposition']]).toEqual([
        200,
        'nosniff',
        expect.stringMatching(/^attachment/),
      ]);
    });
  });

  describe('imports cannot be turned into floods', () => {
    it('a binary file declared as CSV is refused from its first bytes, no job', async () => {
      const jobs = await queryService<{ n: string }>('enrolment', 'SELECT count(*) AS n FROM import_job');
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(2 * 1024 * 1024, 7),
      ]);
      const answer = await raw('post', `/enrolment-imports?sessionId=${session}`, admin, (t) =>
        t.set('content-type', 'text/csv').send(png),
      );
      refusal(answer, 415, 'not_csv');
      expect(await queryService<{ n: string }>('enrolment', 'SELECT count(*) AS n FROM import_job')).toEqual(jobs);
    });

    it('a caller still sending when the file is refused (a loaded machine) reads the 415, not a reset connection', async () => {
      const url = new URL(gateway);
      const chunk = Buffer.alloc(256 * 1024, 7);
      const answer = await uploadPastAnswer({
        host: url.hostname,
        port: Number(url.port),
        head: `POST /api/v1/enrolment-imports?sessionId=${session} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${await bearer(admin)}\r\nContent-Type: text/csv`,
        first: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk.subarray(8)]),
        rest: Array.from({ length: 15 }, () => chunk),
      });
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 415 Unsupported Media Type');
      expect(answer).toContain('"code":"not_csv"');
    });

    it('a 100 MB CSV repeating one invalid line stops at the cap of rejections, keeps the first ones, and the database grows by less than 10 MB', async () => {
      const size = async () =>
        Number(
          (await queryService<{ n: string }>('enrolment', 'SELECT pg_database_size(current_database()) AS n'))[0].n,
        );
      const before = await size();
      const line = 'FICTIF Jean;pas-une-adresse\n';
      const file = Buffer.from(`Nom;Mail\n${line.repeat(Math.ceil((100 * 1000 * 1000) / line.length))}`);
      expect(file.length).toBeGreaterThan(100 * 1000 * 1000);
      const answer = await raw('post', `/enrolment-imports?sessionId=${session}`, admin, (t) =>
        t.set('content-type', 'text/csv').send(file),
      );
      expect(answer.status).toBe(202);
      const job = await eventually(
        async () => {
          const state = (await api('get', `/enrolment-imports/${answer.body.id}`, undefined, admin)).body;
          return state.state !== 'running' ? state : undefined;
        },
        'the flooding import to stop',
        240000,
      );
      expect(job).toMatchObject({ state: 'failed', error: expect.stringContaining('plus de 1000 lignes rejetées') });
      const kept = await queryService<{ n: string }>(
        'enrolment',
        'SELECT count(*) AS n FROM import_rejection WHERE job_id = $1',
        [answer.body.id],
      );
      expect(Number(kept[0].n)).toBe(1000);
      expect((await size()) - before).toBeLessThan(10 * 1024 * 1024);
      // an administrator deletes them; another académie cannot
      const foreign = await api('get', `/enrolment-imports/${answer.body.id}`, undefined, {
        role: 'dafpen-admin',
        academy: 'toulouse',
      });
      expect(foreign.status).toBe(404);
      const deleted = await request(gateway)
        .delete(`/api/v1/enrolment-imports/${answer.body.id}/rejections`)
        .set('authorization', await bearer(admin));
      expect([deleted.status, deleted.body.deleted]).toEqual([200, 1000]);
      expect((await api('get', `/enrolment-imports/${answer.body.id}/rejections`, undefined, admin)).body).toEqual([]);
    }, 300000);
  });

  describe('every create is idempotent: a replay with the same Idempotency-Key gets the first answer and no second effect', () => {
    /** A valid body (and the caller) for each creating route, fresh per call. */
    /**
     * `type` for an upload (its body a file): another request is then another target (`otherPath`), the file being a
     * stream.
     */
    const CREATES: Record<
      string,
      () => Promise<{
        path: string;
        body: object | string;
        type?: string;
        otherPath?: string;
        as?: Caller;
        effect: [string, string, unknown[]];
      }>
    > = {
      'POST /api/v1/enrolment-imports': async () => {
        const fileName = `${fresh('rejoue')}.csv`;
        return {
          path: `/enrolment-imports?sessionId=${session}&fileName=${fileName}`,
          otherPath: `/enrolment-imports?sessionId=${session}&fileName=autre-${fileName}`,
          type: 'text/csv',
          body: `Nom;Mail\nFICTIF Rejoué;${fileName.replace('.csv', '')}@ac-exemple.fr\n`,
          effect: ['enrolment', 'SELECT count(*) AS n FROM import_job WHERE file_name = $1', [fileName]],
        };
      },
      'POST /api/v1/modules': async () => {
        const title = fresh('Module rejoué');
        return {
          path: '/modules',
          body: { ...CANOPROF_M1_EXAMPLE, title },
          effect: ['catalog', 'SELECT count(*) AS n FROM training_module WHERE title = $1', [title]],
        };
      },
      'POST /api/v1/modules/{moduleId}/sessions': async () => {
        const capacity = 100 + ++counter;
        return {
          path: `/modules/${moduleId}/sessions`,
          body: {
            slots: [{ date: '2027-03-18', start: '09:00', end: '12:00', kind: 'face-to-face' }],
            capacity,
            trainers: [],
          },
          effect: [
            'catalog',
            'SELECT count(*) AS n FROM training_session WHERE module_id = $1 AND capacity = $2',
            [moduleId, capacity],
          ],
        };
      },
      'POST /api/v1/modules/{moduleId}/sessions/plan': async () => {
        const capacity = 100 + ++counter;
        const session = (date: string) => ({
          slots: [{ date, start: '09:00', end: '12:00', kind: 'face-to-face' }],
          capacity,
          trainers: [],
        });
        return {
          path: `/modules/${moduleId}/sessions/plan`,
          body: { sessions: [session('2027-03-18'), session('2027-03-19')] },
          effect: [
            'catalog',
            'SELECT count(*) AS n FROM training_session WHERE module_id = $1 AND capacity = $2',
            [moduleId, capacity],
          ],
        };
      },
      'POST /api/v1/requests/parcours-provision': async () => {
        const title = fresh('Demande rejouée');
        return {
          path: '/requests/parcours-provision',
          body: { title, origin: 'dgesco', synchronousHours: 0, asynchronousHours: 3, pedagogicalOwner: 'IEN fictive' },
          effect: ['catalog', 'SELECT count(*) AS n FROM training_request WHERE title = $1', [title]],
        };
      },
      'POST /api/v1/requests/module-opening': async () => {
        const label = fresh('Ouverture rejouée');
        return {
          path: '/requests/module-opening',
          body: {
            label,
            shortLabel: 'Ouverture',
            content: 'Contenu.',
            pedagogicalObjective: 'Objectif.',
            form: 'Stage',
            modality: 'hybrid',
            moduleType: 'module',
            targetPublic: 'Professeurs',
            pedagogicalOwner: 'IEN fictive',
            plannedHoursPerPerson: 6,
            plannedPlaces: 12,
            trainerCount: 1,
            plannedOrganisation: 'Un groupe.',
          },
          effect: ['catalog', 'SELECT count(*) AS n FROM training_request WHERE title = $1', [label]],
        };
      },
      'POST /api/v1/training-plan/waves': async () => {
        const code = `R-${run}-${++counter}`;
        return {
          path: '/training-plan/waves',
          body: {
            schoolYear: '2026-2027',
            code,
            label: 'Vague rejouée',
            startsOn: '2026-09-14',
            endsOn: '2026-12-18',
            trainTheTrainers: false,
            lines: [],
          },
          effect: ['catalog', 'SELECT count(*) AS n FROM deployment_wave WHERE code = $1', [code]],
        };
      },
      'POST /api/v1/registrations': async () => {
        const mail = `${fresh('rejouee')}@ac-exemple.fr`;
        return {
          path: '/registrations',
          body: { sessionId: session, kind: 'designated', person: person(0, { mail, uai: SCHOOL }) },
          effect: [
            'enrolment',
            'SELECT count(*) AS n FROM registration r JOIN participant p ON p.id = r.participant_id WHERE p.mail_key = $1',
            [mail],
          ],
        };
      },
      'POST /api/v1/workshop-plans': async () => {
        const title = fresh('Plan rejoué');
        const teachers = [1, 2].map((i) => ({
          key: `rejoue${i}.${run}@ac-exemple.fr`,
          name: `Enseignant ${i}`,
          concerns: ['Oral'],
          discipline: 'Lettres',
          experience: 'confirmé',
        }));
        return {
          path: '/workshop-plans',
          body: {
            title,
            rounds: 1,
            maxGroupSize: 2,
            teachers,
            workshops: [{ code: 'A1', title: 'Atelier', concern: 'Oral', rounds: [1] }],
          },
          effect: ['enrolment', 'SELECT count(*) AS n FROM workshop_plan WHERE title = $1', [title]],
        };
      },
      'POST /api/v1/conventions': async () => ({
        path: '/conventions',
        body: { uai: SCHOOL, schoolYear: `20${30 + ++counter}-20${31 + counter}`, trainers: [], lines: [] },
        effect: [
          'remuneration',
          'SELECT count(*) AS n FROM convention WHERE uai = $1 AND school_year = $2',
          [SCHOOL, `20${30 + counter}-20${31 + counter}`],
        ],
      }),
      'POST /api/v1/conventions/{id}/allocations': async () => ({
        path: `/conventions/${convention}/allocations`,
        body: {
          trainerId: (await api('get', `/conventions/${convention}`, undefined, admin)).body.trainers[0].id,
          hse: '1',
        },
        as: head,
        effect: [
          'remuneration',
          'SELECT count(*) AS n FROM audit WHERE convention_id = $1 AND entity = $2',
          [convention, 'allocation'],
        ],
      }),
      'POST /api/v1/payment-batches': async () => ({
        path: '/payment-batches',
        body: { conventionIds: [convention] },
        effect: ['remuneration', 'SELECT count(*) AS n FROM payment_batch', []],
      }),
      'POST /api/v1/reports/exports': async () => ({
        path: `/reports/exports?level=academie&code=${A}&format=csv`,
        body: {},
        effect: ['reporting', 'SELECT count(*) AS n FROM export_job', []],
      }),
      'POST /api/v1/attendance/sessions/{sessionId}/feedback': async () => {
        const text = fresh('Impressions rejouées');
        return {
          path: `/attendance/sessions/${session}/feedback`,
          body: { moment: 'hot', text },
          as: { role: 'participant', academy: A, mail: person(`E${run}`).mail.toLowerCase() },
          effect: ['attendance', 'SELECT count(*) AS n FROM feedback WHERE text = $1', [text]],
        };
      },
      'POST /api/v1/attendance/sessions/{sessionId}/referents': async () => ({
        path: `/attendance/sessions/${session}/referents`,
        body: { registrationId: registration, concern: fresh('Oral') },
        as: trainer,
        effect: ['attendance', 'SELECT count(*) AS n FROM referent WHERE registration_id = $1', [registration]],
      }),
      // outside the half-day (these services run at today's date): refused 409 slot_not_open, and the refusal replayed
      'POST /api/v1/attendance/sessions/{sessionId}/signatures': async () => ({
        path: `/attendance/sessions/${session}/signatures`,
        body: { method: 'drawn', slotIndex: 0, registrationId: registration, drawing: fictitiousSignature() },
        as: trainer,
        effect: ['attendance', 'SELECT count(*) AS n FROM signature WHERE registration_id = $1', [registration]],
      }),
      'POST /api/v1/attendance/sessions/{sessionId}/marks': async () => ({
        path: `/attendance/sessions/${session}/marks`,
        body: {
          marks: [
            {
              registrationId: registration,
              slotIndex: 0,
              status: ++counter % 2 ? 'present' : 'absent',
              reason: 'Rejeu',
            },
          ],
        },
        as: trainer,
        effect: ['attendance', 'SELECT count(*) AS n FROM presence_mark WHERE registration_id = $1', [registration]],
      }),
      'POST /api/v1/attendance/sessions/{sessionId}/completions': async () => ({
        path: `/attendance/sessions/${session}/completions`,
        body: { registrationIds: [registration] },
        as: trainer,
        effect: ['attendance', 'SELECT count(*) AS n FROM completion WHERE registration_id = $1', [registration]],
      }),
      'POST /api/v1/attendance/sessions/{sessionId}/attestations': async () => ({
        path: `/attendance/sessions/${session}/attestations`,
        body: { registrationIds: [registration] },
        as: trainer,
        effect: ['attendance', 'SELECT count(*) AS n FROM attestation WHERE registration_id = $1', [registration]],
      }),
    };

    /** The operations whose documents name the Idempotency-Key header. */
    const idempotent = (): string[] => {
      const routes: string[] = [];
      for (const app of ['catalog', 'enrolment', 'attendance', 'remuneration', 'reporting']) {
        const document = parse(readFileSync(resolve(__dirname, '../../../docs/openapi', `${app}.yaml`), 'utf8')) as {
          paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
        };
        for (const [path, methods] of Object.entries(document.paths)) {
          for (const [method, operation] of Object.entries(methods)) {
            if (
              (operation.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')
            )
              routes.push(`${method.toUpperCase()} ${path}`);
          }
        }
      }
      return routes.sort();
    };

    it('names every creating route in its documents, and each is tried here', () => {
      expect(idempotent()).toEqual(Object.keys(CREATES).sort());
    });

    it.each(Object.keys(CREATES))('%s', async (route) => {
      const [method] = route.split(' ');
      const call = await CREATES[route]();
      const key = randomUUID();
      const as = call.as ?? admin;
      const send = async (path = call.path, body = call.body) => {
        const sent = request(gateway)
          [method.toLowerCase() as 'post'](`/api/v1${path}`)
          .set('authorization', await bearer(as))
          .set('idempotency-key', key);
        return (call.type ? sent.type(call.type) : sent).send(body);
      };
      const [service, sql, params] = call.effect;
      const effects = async () => Number((await queryService<{ n: string }>(service, sql, params))[0].n);
      const before = await effects();
      const first = await send();
      expect(first.status).toBeLessThan(500);
      const after = await effects();
      const second = await send();
      expect([second.status, second.headers['idempotent-replayed']]).toEqual([first.status, 'true']);
      // a refusal too
      expect({ ...second.body, correlationId: undefined }).toEqual({ ...first.body, correlationId: undefined });
      expect(await effects()).toBe(after);
      if (first.status < 300) expect(after).toBeGreaterThanOrEqual(before);
      // the same key with another body is refused, not replayed
      const other = call.otherPath
        ? await send(call.otherPath)
        : await send(call.path, { ...(call.body as object), autre: true });
      expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    });
  });

  it('a PUT of prerequisites needs the version read (If-Match), like every other update of a versioned resource', async () => {
    const without = await api('put', `/modules/${moduleId}/prerequisites`, { requiredModuleIds: [] }, admin);
    refusal(without, 428, 'precondition_required');
    const stale = await request(gateway)
      .put(`/api/v1/modules/${moduleId}/prerequisites`)
      .set('authorization', await bearer(admin))
      .set('if-match', '"999"')
      .send({ requiredModuleIds: [] });
    expect(stale.status).toBe(409);
    const ok = await request(gateway)
      .put(`/api/v1/modules/${moduleId}/prerequisites`)
      .set('authorization', await bearer(admin))
      .set('if-match', await etag(`/modules/${moduleId}`))
      .send({ requiredModuleIds: [] });
    expect(ok.status).toBe(200);
  });
});
