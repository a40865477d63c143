// Trust end to end (issue 13, docs/scopes.md): two académies, their schools, districts and sessions, on the real broker
// and PostgreSQL; each leak and each cross-académie write found on main is tried again through the gateway, and
// refused.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { eventually, eventuallyWhileProgressing } from '@forma/testing';
import { applied, queryService, RunningApp, startApp } from './app-process';
import { Caller, gatewayClient, person, uai } from './gateway-client';

const GUYANE_A = uai('9730101');
const GUYANE_B = uai('9730202');
const TOULOUSE = uai('0310303');
const ALICE = 'alice.formatrice@ac-exemple.fr';
const as = {
  guyane: { role: 'dafpen-admin', academy: 'guyane' },
  toulouse: { role: 'dafpen-admin', academy: 'toulouse' },
  headA: { role: 'school-head', academy: 'guyane', level: 'school', code: GUYANE_A },
  headB: { role: 'school-head', academy: 'guyane', level: 'school', code: GUYANE_B },
  toulouseHead: { role: 'school-head', academy: 'toulouse', level: 'school', code: TOULOUSE },
  ienKourou: { role: 'ien', academy: 'guyane', level: 'district', code: '973-kourou' },
  alice: { role: 'trainer', academy: 'guyane', mail: ALICE },
  bruno: { role: 'trainer', academy: 'guyane', mail: 'bruno.tuteur@ac-exemple.fr' },
  participant: { role: 'participant', academy: 'guyane', mail: 'personne.fictiveP@ac-exemple.fr' },
  bi: { role: 'bi-reader', academy: 'guyane' },
} satisfies Record<string, Caller>;
const count = async (service: string, sql: string, params: unknown[] = []) =>
  Number((await queryService<{ n: string }>(service, sql, params))[0].n);

describe('trust: every read and write within the caller’s reach, nothing across académies', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  let session: string;
  let registrationA: string;
  const { api } = gatewayClient(() => gateway);
  const mails = (answer: { body: { mail: string }[] }) => answer.body.map((r) => r.mail).sort();

  beforeAll(async () => {
    await ensureDatabase(databaseUrlFor('catalog'));
    await ensureDatabase(databaseUrlFor('enrolment'));
    const [catalog, enrolment] = await Promise.all([
      startApp('catalog'),
      startApp('enrolment', { CONVOCATIONS_ENABLED: 'false' }),
    ]);
    apps.push(
      catalog,
      enrolment,
      await startApp('gateway', { CATALOG_URL: catalog.url, ENROLMENT_URL: enrolment.url }, { healthy: false }),
    );
    gateway = apps[2].url;
    expect(
      (await api('put', '/reference/departments/973', { name: 'Guyane', academy: 'guyane' }, as.guyane)).status,
    ).toBe(200);
    expect(
      (
        await api(
          'put',
          '/reference/districts/973-kourou',
          { name: 'Circonscription fictive de Kourou', department: '973' },
          as.guyane,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await api(
          'put',
          '/reference/districts/973-cayenne',
          { name: 'Circonscription fictive de Cayenne', department: '973' },
          as.guyane,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await api(
          'put',
          `/reference/schools/${GUYANE_A}`,
          { name: 'École fictive A', department: '973', district: '973-kourou' },
          as.guyane,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await api(
          'put',
          `/reference/schools/${GUYANE_B}`,
          { name: 'École fictive B', department: '973', district: '973-cayenne' },
          as.guyane,
        )
      ).status,
    ).toBe(200);
    expect(
      (await api('put', `/reference/schools/${TOULOUSE}`, { name: 'École fictive de Toulouse' }, as.toulouse)).status,
    ).toBe(200);
    const module = await api('post', '/modules', { ...CANOPROF_M1_EXAMPLE, maxParticipantsPerSession: 30 }, as.guyane);
    const planned = await api(
      'post',
      `/modules/${module.body.id}/sessions`,
      {
        slots: [{ date: '2027-01-12', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        capacity: 20,
        trainers: [
          { name: 'Alice Formatrice', mail: ALICE, role: 'trainer' },
          { name: 'Chloé Tutrice', role: 'tutor' },
        ],
      },
      as.guyane,
    );
    expect(planned.status).toBe(201);
    session = planned.body.id;
    const replicated = (n: number, sql: string, params: unknown[], what: string) =>
      eventuallyWhileProgressing(async () => (await count('enrolment', sql, params)) === n, applied('enrolment'), what);
    await replicated(
      1,
      'SELECT count(*) AS n FROM session_replica s JOIN module_replica USING (module_id) WHERE s.session_id = $1 AND s.trainer_mails = $2',
      [session, [ALICE]],
      'session replicated with its trainers',
    );
    await replicated(
      3,
      'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1) AND (district IS NOT NULL OR academy = $2)',
      [[GUYANE_A, GUYANE_B, TOULOUSE], 'toulouse'],
      'schools replicated',
    );
    for (const [i, school, head] of [
      [1, GUYANE_A, as.headA],
      [2, GUYANE_B, as.headB],
    ] as const) {
      const answer = await api(
        'post',
        '/registrations',
        { sessionId: session, kind: 'designated', person: person(`G${i}`, { uai: school }) },
        head,
      );
      expect(answer.status).toBe(201);
      if (i === 1) registrationA = answer.body.id;
    }
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabase(databaseUrlFor('catalog'));
    await dropDatabase(databaseUrlFor('enrolment'));
  });

  it('another académie reads nothing of a session: list, export, one registration, people', async () => {
    for (const who of [as.toulouseHead, as.toulouse]) {
      const list = await api('get', `/registrations?sessionId=${session}`, undefined, who);
      expect([list.status, list.body.code]).toEqual([403, 'foreign_academy']);
      expect((await api('get', `/registrations/export.csv?sessionId=${session}`, undefined, who)).status).toBe(403);
      expect((await api('get', `/registrations/${registrationA}`, undefined, who)).status).toBe(404);
      expect((await api('get', `/people?mail=${person('G1').mail}`, undefined, who)).body).toEqual([]);
    }
    const [{ id }] = await queryService<{ id: string }>('enrolment', 'SELECT id FROM participant WHERE mail_key = $1', [
      person('G1').mail.toLowerCase(),
    ]);
    expect((await api('get', `/people/${id}`, undefined, as.toulouse)).status).toBe(404);
    expect((await api('get', `/people/${id}`, undefined, as.guyane)).status).toBe(200);
  });

  it('another académie writes nothing: designation, cancellation and import refused with a code, nothing stored', async () => {
    const before = await count('enrolment', 'SELECT count(*) AS n FROM registration WHERE session_id = $1', [session]);
    const designated = await api(
      'post',
      '/registrations',
      { sessionId: session, kind: 'designated', person: person('T1', { uai: TOULOUSE }) },
      as.toulouseHead,
    );
    expect([designated.status, designated.body.code]).toEqual([403, 'foreign_academy']);
    const cancelled = await api(
      'post',
      `/registrations/${registrationA}/cancel`,
      { reason: 'other', comment: 'essai' },
      as.toulouse,
    );
    expect([cancelled.status, cancelled.body.code]).toEqual([403, 'out_of_scope']);
    const file = await fetch(`${gateway}/api/v1/enrolment-imports?sessionId=${session}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: await gatewayClient(() => gateway).bearer(as.toulouse) },
      body: 'Nom;Mail\nFICTIF Jean;jean.fictif@ac-exemple.fr\n',
    });
    expect([file.status, ((await file.json()) as { code: string }).code]).toEqual([403, 'foreign_academy']);
    expect(await count('enrolment', 'SELECT count(*) AS n FROM registration WHERE session_id = $1', [session])).toBe(
      before,
    );
    expect(
      await count('enrolment', "SELECT count(*) AS n FROM registration WHERE id = $1 AND state = 'confirmed'", [
        registrationA,
      ]),
    ).toBe(1);
    expect(await count('enrolment', "SELECT count(*) AS n FROM import_job WHERE academy = 'toulouse'")).toBe(0);
  });

  it('in its académie, each sees whom it reaches: school heads their school, the IEN their district, trainers their sessions', async () => {
    const list = (who: Caller) => api('get', `/registrations?sessionId=${session}`, undefined, who);
    expect(mails(await list(as.guyane))).toEqual([person('G1').mail, person('G2').mail]);
    expect(mails(await list(as.headA))).toEqual([person('G1').mail]);
    expect(mails(await list(as.headB))).toEqual([person('G2').mail]);
    expect(mails(await list(as.ienKourou))).toEqual([person('G1').mail]);
    expect(mails(await list(as.alice))).toEqual([person('G1').mail, person('G2').mail]);
    expect((await list(as.bruno)).body).toEqual([]);
    expect((await list(as.bi)).status).toBe(403); // aggregates only, never a person
    const other = await api(
      'post',
      '/registrations',
      { sessionId: session, kind: 'designated', person: person('G3', { uai: GUYANE_A }) },
      as.headB,
    );
    expect([other.status, other.body.code]).toEqual([403, 'out_of_scope']);
    expect(
      await count('enrolment', 'SELECT count(*) AS n FROM participant WHERE mail_key = $1', [
        person('G3').mail.toLowerCase(),
      ]),
    ).toBe(0);
  });

  it('a participant registers only themself', async () => {
    const forOther = await api(
      'post',
      '/registrations',
      { sessionId: session, kind: 'individual', person: person('X') },
      as.participant,
    );
    expect([forOther.status, forOther.body.code]).toEqual([403, 'out_of_scope']);
    expect(
      await count('enrolment', 'SELECT count(*) AS n FROM participant WHERE mail_key = $1', [
        person('X').mail.toLowerCase(),
      ]),
    ).toBe(0);
    const self = await api(
      'post',
      '/registrations',
      { sessionId: session, kind: 'individual', person: person('P') },
      as.participant,
    );
    expect([self.status, self.body.state]).toEqual([201, 'requested']);
  });

  it('trainers are shown to staff, not to participants or BI readers; only a named trainer delivers', async () => {
    const trainersFor = async (who: Caller) =>
      (await api('get', `/sessions/${session}`, undefined, who)).body.trainers.map((t: { name: string }) => t.name);
    expect(await trainersFor(as.guyane)).toEqual(['Alice Formatrice', 'Chloé Tutrice']);
    expect(await trainersFor(as.participant)).toEqual([]);
    expect(await trainersFor(as.bi)).toEqual([]);
    expect(await trainersFor(as.toulouse)).toEqual([]); // another académie's staff: the offer, not its people
    const delivered = await api('post', `/sessions/${session}/deliver`, undefined, as.bruno);
    expect([delivered.status, delivered.body.code]).toEqual([403, 'not_session_trainer']);
  });

  it('reference data belongs to its académie: another’s school, department, district are refused and left unchanged', async () => {
    const school = await api('put', `/reference/schools/${GUYANE_A}`, { name: 'Renommée par Toulouse' }, as.toulouse);
    expect([school.status, school.body.code]).toEqual([403, 'foreign_academy']);
    expect(
      (
        await queryService<{ name: string; academy: string }>(
          'catalog',
          'SELECT name, academy FROM school WHERE uai = $1',
          [GUYANE_A],
        )
      )[0],
    ).toEqual({ name: 'École fictive A', academy: 'guyane' });
    expect(
      (await api('put', '/reference/departments/973', { name: 'Guyane', academy: 'toulouse' }, as.toulouse)).status,
    ).toBe(403);
    expect(
      (await api('put', '/reference/departments/973', { name: 'Guyane', academy: 'guyane' }, as.toulouse)).status,
    ).toBe(403);
    expect(
      (await api('put', '/reference/districts/973-kourou', { name: 'X', department: '973' }, as.toulouse)).status,
    ).toBe(403);
    expect(
      (await api('put', '/reference/districts/973-cayenne', { name: 'X', department: '973' }, as.ienKourou)).status,
    ).toBe(403);
    expect(await count('catalog', "SELECT count(*) AS n FROM district WHERE name = 'X'")).toBe(0);
  });

  it('a school calendar import changes the caller’s zone only', async () => {
    const csv = [
      'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
      "Vacances d'Hiver;-;2027-02-19T23:00:00+00:00;2027-03-07T23:00:00+00:00;Toulouse;Zone C;2026-2027",
      'Vacances de Carnaval;-;2027-02-05T23:00:00+00:00;2027-02-14T23:00:00+00:00;Guyane;Guyane;2026-2027',
    ].join('\n');
    const answer = await fetch(`${gateway}/api/v1/calendar/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: await gatewayClient(() => gateway).bearer(as.toulouse) },
      body: csv,
    });
    expect(await answer.json()).toMatchObject({
      periods: 1,
      zones: [{ zone: 'C', schoolYear: '2026-2027' }],
      ignoredZones: ['guyane'],
    });
    expect(await count('catalog', "SELECT count(*) AS n FROM school_vacation WHERE zone = 'guyane'")).toBe(0);
  });

  it('a GAIA extract belongs to its académie: another académie importing the same source table is refused line by line', async () => {
    const line = (group: string) =>
      `ACA9TR|15A0339999|Dispositif fictif|7999|Module fictif|6001|${group}|12/01/2027|09:00|12/01/2027|12:00|E|lieu fictif|`;
    const send = async (text: string, who: Caller) =>
      fetch(`${gateway}/api/v1/gaia-imports/trainings`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: await gatewayClient(() => gateway).bearer(who) },
        body: text,
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { created: number; rejected: { line: number; reason: string }[] },
      }));
    expect((await send(line('01'), as.guyane)).body).toMatchObject({ created: 2, rejected: [] }); // its module and its session
    const foreign = await send(line('02'), as.toulouse);
    expect([foreign.status, foreign.body.created]).toEqual([200, 0]);
    expect(foreign.body.rejected).toEqual([
      { line: 1, reason: expect.stringContaining("extraction de l'académie guyane (table source ACA9TR)") },
    ]);
    expect(
      await count(
        'catalog',
        "SELECT count(*) AS n FROM training_session WHERE gaia_session_id = 6001 AND academy = 'toulouse'",
      ),
    ).toBe(0);
  });

  // issue 22: a person of another académie named by id, by mail or by an import line, in one's own session
  describe('a person of another académie, named in a request', () => {
    let toulouseSession: string;
    let g1: string;
    const g1Mail = person('G1').mail.toLowerCase();
    /** A refusal says what, never whom: none of the person's mail, name or id. */
    const namesNoOne = (text: string) => {
      for (const word of [g1Mail, 'FICTIFG1', g1]) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    };

    beforeAll(async () => {
      const module = await api(
        'post',
        '/modules',
        { ...CANOPROF_M1_EXAMPLE, maxParticipantsPerSession: 30 },
        as.toulouse,
      );
      const planned = await api(
        'post',
        `/modules/${module.body.id}/sessions`,
        {
          slots: [{ date: '2027-01-14', start: '09:00', end: '12:00', kind: 'face-to-face' }],
          capacity: 20,
          trainers: [],
        },
        as.toulouse,
      );
      expect(planned.status).toBe(201);
      toulouseSession = planned.body.id;
      await eventuallyWhileProgressing(
        async () =>
          (await count(
            'enrolment',
            'SELECT count(*) AS n FROM session_replica s JOIN module_replica USING (module_id) WHERE s.session_id = $1',
            [toulouseSession],
          )) === 1,
        applied('enrolment'),
        'Toulouse’s session replicated',
      );
      g1 = (
        await queryService<{ id: string }>('enrolment', 'SELECT id FROM participant WHERE mail_key = $1', [g1Mail])
      )[0].id;
    });

    const nothingStored = async () => {
      expect(
        await count('enrolment', 'SELECT count(*) AS n FROM registration WHERE session_id = $1', [toulouseSession]),
      ).toBe(0);
      expect(
        (
          await queryService<{ uai: string; version: number }>(
            'enrolment',
            'SELECT uai, version FROM participant WHERE id = $1',
            [g1],
          )
        )[0],
      ).toEqual({ uai: GUYANE_A, version: 1 });
    };

    it('by id: unknown to every role of the other académie, its administrator included; nothing stored', async () => {
      for (const who of [as.toulouse, as.toulouseHead]) {
        const answer = await api(
          'post',
          '/registrations',
          { sessionId: toulouseSession, kind: 'designated', participantId: g1 },
          who,
        );
        expect([answer.status, answer.body.code]).toEqual([404, 'unknown_participant']);
        namesNoOne(answer.text);
      }
      await nothingStored();
    });

    it('by mail, with a school of the caller: out of scope, naming no one, the person left unchanged', async () => {
      const answer = await api(
        'post',
        '/registrations',
        {
          sessionId: toulouseSession,
          kind: 'designated',
          person: person('G1', { uai: TOULOUSE, lastName: 'RENOMME' }),
        },
        as.toulouse,
      );
      expect([answer.status, answer.body.code]).toEqual([403, 'out_of_scope']);
      namesNoOne(answer.text);
      await nothingStored();
    });

    it('a conflict names no one either: already registered', async () => {
      const again = await api(
        'post',
        '/registrations',
        { sessionId: session, kind: 'designated', participantId: g1 },
        as.guyane,
      );
      expect([again.status, again.body.code]).toEqual([409, 'already_registered']);
      expect(again.text).not.toContain(g1Mail);
    });

    it('by an import line (mail of the person, or a school of the other académie): rejected line by line, nothing stored', async () => {
      const file = [
        'Nom;Prénom;Mail;UAI',
        `FICTIF;Camille;${g1Mail};${TOULOUSE}`,
        `AUTRE;Camille;personne.autre.t@ac-exemple.fr;${GUYANE_B}`,
      ].join('\n');
      const job = await fetch(`${gateway}/api/v1/enrolment-imports?sessionId=${toulouseSession}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: await gatewayClient(() => gateway).bearer(as.toulouse) },
        body: file,
      });
      expect(job.status).toBe(202);
      const { id } = (await job.json()) as { id: string };
      const finished = await eventually(
        async () => {
          const state = (await api('get', `/enrolment-imports/${id}`, undefined, as.toulouse)).body;
          return state.state !== 'running' ? state : undefined;
        },
        'the import to finish',
        120000,
      );
      expect(finished).toMatchObject({ state: 'completed' });
      const rejections = await api('get', `/enrolment-imports/${id}/rejections`, undefined, as.toulouse);
      const codes = (rejections.body as { row: number; code: string }[]).map((r: { row: number; code: string }) => [
        r.row,
        r.code,
      ]);
      expect(codes).toEqual([
        [2, 'person_out_of_scope'],
        [3, 'uai_out_of_scope'],
      ]);
      await nothingStored();
      expect(
        await count('enrolment', 'SELECT count(*) AS n FROM participant WHERE mail_key = $1', [
          'personne.autre.t@ac-exemple.fr',
        ]),
      ).toBe(0);
    });
  });

  it('a national dispositif’s module is revised by its owner only: another académie attaches its sessions and is told what it did not change', async () => {
    const line = (table: string, module: string, session: number) =>
      `${table}|15N0338888|Dispositif national fictif|7888|${module}|${session}|01|12/01/2027|09:00|12/01/2027|12:00|E|lieu fictif|`;
    const send = async (text: string, who: Caller) =>
      fetch(`${gateway}/api/v1/gaia-imports/trainings`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: await gatewayClient(() => gateway).bearer(who) },
        body: text,
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as {
          created: number;
          updated: number;
          rejected: unknown[];
          notChanged: { line: number; reason: string }[];
        },
      }));
    expect((await send(line('ACA9NG', 'Module national fictif', 7101), as.guyane)).body).toMatchObject({
      created: 2,
      rejected: [],
      notChanged: [],
    });
    const other = await send(line('ACA9NT', 'Module national réécrit', 7102), as.toulouse);
    expect(other.body).toMatchObject({ created: 1, updated: 0, rejected: [] }); // its own session only
    expect(other.body.notChanged).toEqual([
      { line: 1, reason: expect.stringContaining("il relève de l'académie guyane") },
    ]);
    expect(
      (
        await queryService<{ title: string; revision: number }>(
          'catalog',
          "SELECT title, revision FROM training_module WHERE gaia_key = 'N:15N0338888:7888'",
        )
      )[0],
    ).toEqual({ title: 'Module national fictif', revision: 1 });
    expect(
      await count(
        'catalog',
        "SELECT count(*) AS n FROM training_session WHERE gaia_session_id = 7102 AND academy = 'toulouse'",
      ),
    ).toBe(1);
  });
});
