// Reporting over the whole platform (issue 16), on the real broker and PostgreSQL, through the gateway: a small
// académie
// (Corse, which no other suite uses, so its bilan holds only this test's facts) is driven through every service —
// reference data and offer (catalog), registrations (enrolment), presence, completion, attestations and evaluations
// (attendance), a convention paid in HSE (remuneration) — and its bilans, at the académie and a district, now and as of
// a past day, are checked against figures computed here from what the test did.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { eventuallyWhileProgressing, fictitiousPdf } from '@forma/testing';
import { request } from './checked-request';
import { run } from './e2e-environment';
import { applied, PLATFORM_SERVICES, queryService, RunningApp, startPlatform, stopPlatform } from './app-process';
import { Caller, gatewayClient, person, uai } from './gateway-client';

const ACADEMY = 'corse';
const S1 = uai('6200101');
const S2 = uai('6200102');
const S3 = uai('6200103');
const ALICE = `alice.${run}@ac-exemple.fr`;
const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
const alice: Caller = { role: 'trainer', academy: ACADEMY, mail: ALICE };
const head: Caller = {
  role: 'school-head',
  academy: ACADEMY,
  level: 'school',
  code: S1,
  mail: `principal.${run}@ac-exemple.fr`,
};
const ien: Caller = { role: 'ien', academy: ACADEMY, level: 'district', code: '2a-nord' };
const DAY = '2026-11-20';
/**
 * Every service's clock stands still on the last days of the school year 2026-2027 (FORMA_CLOCK, issue 24): the whole
 * year — its plan, a session, presence, completions, attestations, evaluations, a convention paid in HSE, the bilans of
 * the year and as of any day — runs the same whatever today's date.
 */
const TODAY = '2027-07-05';
const CLOCK = { FORMA_CLOCK: `${TODAY}T10:00:00Z` };

/** Twelve people: six teachers of S1, three heads (DIR) of S2, three CPE of S3; five teachers miss the afternoon. */
const PEOPLE = [
  ...Array.from({ length: 6 }, () => ({ uai: S1, fn: 'ENS' })),
  ...Array.from({ length: 3 }, () => ({ uai: S2, fn: 'DIR' })),
  ...Array.from({ length: 3 }, () => ({ uai: S3, fn: 'CPE' })),
].map((p, i) => ({
  ...p,
  i,
  afternoon: i >= 5,
  body: person(`C${run}${i}`, { uai: p.uai, function: p.fn }),
  registrationId: '',
}));

describe('reporting over the platform: a small académie through a school year, at a fixed date, and its bilans', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  let session = '';
  let waveId = '';
  const { api } = gatewayClient(() => gateway);
  const wait = (what: string, service: string, sql: string, params: unknown[], expected: number) =>
    eventuallyWhileProgressing(
      async () => Number((await queryService<{ n: string }>(service, sql, params))[0].n) === expected,
      applied(service),
      what,
      90000,
    );

  beforeAll(async () => {
    const platform = await startPlatform(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, CLOCK])));
    apps.push(...platform.apps);
    gateway = platform.gateway;

    // catalog: the académie's geography and its offer
    expect(
      (await api('put', '/reference/departments/2A', { name: 'Corse-du-Sud', academy: ACADEMY }, admin)).status,
    ).toBe(200);
    for (const district of ['2a-nord', '2a-sud'])
      expect(
        (
          await api(
            'put',
            `/reference/districts/${district}`,
            { name: `Circonscription fictive ${district}`, department: '2A' },
            admin,
          )
        ).status,
      ).toBe(200);
    for (const [school, district] of [
      [S1, '2a-nord'],
      [S2, '2a-nord'],
      [S3, '2a-sud'],
    ]) {
      expect(
        (
          await api(
            'put',
            `/reference/schools/${school}`,
            { name: `École fictive ${school}`, department: '2A', district },
            admin,
          )
        ).status,
      ).toBe(200);
    }
    const module = await api(
      'post',
      '/modules',
      {
        ...CANOPROF_M1_EXAMPLE,
        title: `ENT en Corse ${run}`,
        durations: { faceToFaceHours: 6, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
        modality: 'face-to-face',
        maxParticipantsPerSession: 30,
      },
      admin,
    );
    expect(module.status).toBe(201);
    const scheduled = await api(
      'post',
      `/modules/${module.body.id}/sessions`,
      {
        slots: [{ date: DAY, start: '09:00', end: '16:00', kind: 'face-to-face' }],
        capacity: 20,
        trainers: [{ name: 'Alice Formatrice', mail: ALICE, role: 'trainer' }],
      },
      admin,
    );
    expect([scheduled.status, scheduled.body.code]).toEqual([201, undefined]);
    session = scheduled.body.id;
    // the ENT training plan (seed 001): a wave around the session, ten teachers to train
    const wave = await api(
      'post',
      '/training-plan/waves',
      {
        schoolYear: '2026-2027',
        code: `V1-${run}`.slice(0, 40),
        label: 'Vague fictive',
        startsOn: '2026-11-02',
        endsOn: '2026-12-18',
        trainTheTrainers: false,
        lines: [{ moduleId: module.body.id, profile: 'teacher', headcount: 10, sessions: 1, trainers: 1, hours: '6' }],
      },
      admin,
    );
    expect([wave.status, wave.body.academy, wave.body.revision]).toEqual([201, ACADEMY, 1]);
    waveId = wave.body.id;
    await wait(
      'the session and schools in enrolment',
      'enrolment',
      'SELECT count(*) AS n FROM session_replica s JOIN school_replica sc ON sc.uai = ANY($2) WHERE s.session_id = $1',
      [session, [S1, S2, S3]],
      3,
    );

    // enrolment: twelve registrations
    for (const p of PEOPLE) {
      const answer = await api(
        'post',
        '/registrations',
        { sessionId: session, kind: 'designated', person: p.body },
        admin,
      );
      expect([answer.status, answer.body.state]).toEqual([201, 'confirmed']);
      p.registrationId = answer.body.id;
    }
    await wait(
      'the roster in attendance',
      'attendance',
      'SELECT count(*) AS n FROM roster WHERE session_id = $1',
      [session],
      PEOPLE.length,
    );

    // attendance: marks by half-day, completions and attestations for those present all day, six evaluations
    const marks = PEOPLE.flatMap((p) => [
      { registrationId: p.registrationId, slotIndex: 0, part: 'morning', status: 'present' },
      { registrationId: p.registrationId, slotIndex: 0, part: 'afternoon', status: p.afternoon ? 'present' : 'absent' },
    ]);
    const marked = await api('post', `/attendance/sessions/${session}/marks`, { marks }, alice);
    expect([marked.status, marked.body.code]).toEqual([201, undefined]);
    const complete = PEOPLE.filter((p) => p.afternoon).map((p) => p.registrationId);
    const completed = await api(
      'post',
      `/attendance/sessions/${session}/completions`,
      { registrationIds: complete },
      alice,
    );
    expect(completed.body.map((c: { outcome: string }) => c.outcome)).toEqual(complete.map(() => 'completed'));
    const issued = await api(
      'post',
      `/attendance/sessions/${session}/attestations`,
      { registrationIds: complete },
      alice,
    );
    expect(issued.body.issued).toHaveLength(complete.length);
    expect((await api('put', `/attendance/sessions/${session}/evaluation`, {}, alice)).status).toBe(200);
    const questions = (
      await api('get', `/attendance/sessions/${session}/evaluation`, undefined, {
        role: 'participant',
        academy: ACADEMY,
        mail: PEOPLE[0].body.mail.toLowerCase(),
      })
    ).body.items as { key: string }[];
    for (const p of PEOPLE.slice(0, 6)) {
      const answered = await api(
        'post',
        `/attendance/sessions/${session}/evaluation/answers`,
        { answers: Object.fromEntries(questions.map((q) => [q.key, 4])) },
        { role: 'participant', academy: ACADEMY, mail: p.body.mail.toLowerCase() },
      );
      expect(answered.status).toBe(201);
    }
    expect((await api('post', `/sessions/${session}/deliver`, undefined, alice)).status).toBe(200);

    // remuneration: a convention of S1 paying Alice in HSE for the session she delivered
    await wait(
      'Alice’s hours in remuneration',
      'remuneration',
      'SELECT count(*) AS n FROM delivered_hours WHERE session_id = $1',
      [session],
      1,
    );
    await wait(
      'the schools in remuneration',
      'remuneration',
      'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1)',
      [[S1, S2, S3]],
      3,
    );
    const created = await api(
      'post',
      '/conventions',
      {
        uai: S1,
        schoolYear: '2026-2027',
        trainers: [{ name: 'Alice Formatrice', mail: ALICE, grade: 'certifie', engaged: true }],
        lines: [
          {
            kind: 'face-to-face',
            date: DAY,
            minutes: 360,
            audience: 'Professeurs',
            headcount: 12,
            trainerMail: ALICE,
            sessionId: session,
          },
        ],
      },
      head,
    );
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    const id = created.body.id as string;
    expect((await api('post', `/conventions/${id}/submit`, {}, head)).body.state).toBe('submitted');
    expect((await api('post', `/conventions/${id}/signatures`, { role: 'head' }, head)).body.state).toBe(
      'signed-by-head',
    );
    expect((await api('post', `/conventions/${id}/signatures`, { role: 'director' }, admin)).body.state).toBe('signed');
    expect((await api('post', `/conventions/${id}/start`, {}, head)).body.state).toBe('in-progress');
    const trainerId = (await api('get', `/conventions/${id}`, undefined, head)).body.trainers[0].id;
    expect((await api('post', `/conventions/${id}/allocations`, { trainerId, hse: '5' }, head)).body.allocatedHse).toBe(
      '5.00',
    );
    expect(
      (
        await api(
          'put',
          `/conventions/${id}/report`,
          {
            headAnalysis: 'Bilan fictif.',
            trainersAnalysis: 'Analyse fictive.',
            criteria: {
              'device-reliability': { rating: 3 },
              'pedagogical-feasibility': { rating: 3 },
              'accompaniment-quality': { rating: 4 },
              'school-effects': { rating: 3 },
            },
          },
          head,
        )
      ).body.state,
    ).toBe('report-submitted');
    for (const line of (await api('get', `/conventions/${id}`, undefined, head)).body.lines as { id: string }[]) {
      const sheet = await request(gateway)
        .put(`/api/v1/conventions/${id}/lines/${line.id}/sheet`)
        .set('authorization', await gatewayClient(() => gateway).bearer(head))
        .set('content-type', 'application/pdf')
        .send(fictitiousPdf('feuille signée'));
      expect(sheet.status).toBe(200);
    }
    expect((await api('post', `/conventions/${id}/service-fait`, {}, head)).body.state).toBe('service-fait');
    expect((await api('post', `/conventions/${id}/validation`, {}, admin)).body.validatedAt).toBeTruthy();
    const batch = await api('post', '/payment-batches', { conventionIds: [id] }, admin);
    expect([batch.status, batch.body.lines]).toEqual([200, 1]);

    // reporting has every fact once the last one (the payment) is projected
    await wait(
      'the payment in reporting',
      'reporting',
      'SELECT count(*) AS n FROM fact_hse_paid WHERE convention_id = $1',
      [id],
      1,
    );
    await wait(
      'the completions in reporting',
      'reporting',
      'SELECT count(*) AS n FROM fact_registration WHERE session_id = $1 AND attested_on IS NOT NULL',
      [session],
      complete.length,
    );
    await wait(
      'the evaluations in reporting',
      'reporting',
      'SELECT COALESCE(sum(answers), 0) AS n FROM fact_evaluation WHERE session_id = $1',
      [session],
      6,
    );
    // each topic reaches reporting at its own pace: the schools, registrations and marks too must all be there
    await wait(
      'the schools in reporting',
      'reporting',
      'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1)',
      [[S1, S2, S3]],
      3,
    );
    await wait(
      'the registrations in reporting',
      'reporting',
      'SELECT count(*) AS n FROM fact_registration WHERE session_id = $1',
      [session],
      PEOPLE.length,
    );
    await wait(
      'the marks in reporting',
      'reporting',
      'SELECT count(*) AS n FROM presence_mark WHERE session_id = $1',
      [session],
      PEOPLE.length * 2,
    );
    await wait(
      'the plan in reporting',
      'reporting',
      'SELECT count(*) AS n FROM plan_wave WHERE wave_id = $1',
      [waveId],
      1,
    );
    await wait(
      'the delivery in reporting',
      'reporting',
      'SELECT count(*) AS n FROM fact_session WHERE session_id = $1 AND delivered_on IS NOT NULL',
      [session],
      1,
    );
  }, 600000);

  afterAll(async () => {
    await stopPlatform(apps);
  }, 120000);

  const bilan = (level: string, code: string, as: Caller, asOf?: string) =>
    api('get', `/reports/bilan?level=${level}&code=${code}${asOf ? `&asOf=${asOf}` : ''}`, undefined, as);
  const count = (people: typeof PEOPLE, fn: string) => people.filter((p) => p.fn === fn).length;

  it('gives the académie bilan as computed here from what every service was told', async () => {
    const b = (await bilan('academie', ACADEMY, admin)).body;
    const present = PEOPLE.length + PEOPLE.filter((p) => p.afternoon).length; // half-days present
    expect([b.sessions.planned, b.sessions.delivered, b.sessions.cancelled]).toEqual([0, 1, 0]);
    const f2f = b.modalities.rows.find((r: { modality: string }) => r.modality === 'face-to-face');
    expect([f2f.people.value, f2f.attendedHours.value, f2f.attendanceRate.value]).toEqual([
      PEOPLE.length,
      ((present * 180) / 60).toFixed(2),
      Math.round((present / (PEOPLE.length * 2)) * 1000) / 1000,
    ]);
    expect(b.profiles.total.participants.value).toBe(PEOPLE.length);
    const row = (profile: string) => b.profiles.rows.find((r: { profile: string }) => r.profile === profile);
    expect(row('ENS').participants.value).toBe(count(PEOPLE, 'ENS'));
    expect([row('DIR').participants, row('CPE').participants]).toEqual([
      { value: null, withheld: 'primary' },
      { value: null, withheld: 'primary' },
    ]);
    expect([b.profiles.total.completions.value, b.profiles.total.attestations.value]).toEqual([
      PEOPLE.filter((p) => p.afternoon).length,
      PEOPLE.filter((p) => p.afternoon).length,
    ]);
    expect([b.evaluation.answers.value, b.evaluation.responseRate.value]).toEqual([6, 0.5]);
    // one convention, paid; one trainer: her HSE would tell what she was paid
    expect([b.hse.conventions, b.hse.signed, b.hse.serviceFait, b.hse.paid, b.hse.hseAllocated.withheld]).toEqual([
      1,
      1,
      1,
      1,
      'primary',
    ]);
    // plan versus realised: the ENS are the plan's teachers; the session, delivered, is the wave's
    expect(
      b.plan.rows.map((r: { profile: string; forecastHeadcount: number; participants: { value: number } }) => [
        r.profile,
        r.forecastHeadcount,
        r.participants.value,
      ]),
    ).toEqual([['teacher', 10, count(PEOPLE, 'ENS')]]);
    expect(
      b.plan.modules.map((m: Record<string, unknown>) => [
        m.forecastSessions,
        m.deliveredSessions,
        m.forecastHours,
        m.deliveredHours,
      ]),
    ).toEqual([[1, 1, '6.00', '7.00']]);
    expect(JSON.stringify(b)).not.toMatch(/FICTIF|Camille|ac-exemple/);
  });

  it('gives a district’s bilan to its IEN, with what would give the small cells back withheld with them', async () => {
    const nord = PEOPLE.filter((p) => p.uai !== S3);
    const b = (await bilan('district', '2a-nord', ien)).body;
    // S2's three heads are withheld; S1's six teachers are published, but not how many completed (one: 1 of 6), nor
    // the district's total (it would give the heads back: 9 - 6), decided once for the académie (issue 23)
    const rows = Object.fromEntries(
      b.profiles.rows.map((r: { profile: string; participants: object; completions: object }) => [
        r.profile,
        [r.participants, r.completions],
      ]),
    );
    expect(rows).toEqual({
      DIR: [
        { value: null, withheld: 'primary' },
        { value: null, withheld: 'primary' },
      ],
      ENS: [{ value: count(nord, 'ENS') }, { value: null, withheld: 'primary' }],
    });
    expect(b.profiles.total.participants).toEqual({ value: null, withheld: 'secondary' });
    expect(
      b.schools.rows.map((s: { uai: string; participants: { value: number | null; withheld?: string } }) => [
        s.uai,
        s.participants.value,
        s.participants.withheld,
      ]),
    ).toEqual([
      [S1, count(nord, 'ENS'), undefined],
      [S2, null, 'primary'],
    ]);
    expect(b.schools.total.withheld).toBe('secondary');
    expect((await bilan('district', '2a-sud', ien)).body.code).toBe('out_of_scope');
    expect((await bilan('school', S1, head)).body.profiles.total.participants.value).toBe(count(nord, 'ENS'));
  });

  it('gives the bilan as it stood before any of it: nothing yet', async () => {
    // everything was recorded on the services' day (TODAY): the day before, nothing had been
    const b = (await bilan('academie', ACADEMY, admin, '2027-07-04')).body;
    expect([
      b.sessions.planned,
      b.sessions.delivered,
      b.profiles.total.participants.value,
      b.modalities.rows.length,
      b.hse.conventions,
      b.plan.rows.length,
    ]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives the school year’s bilan: 2026-2027 holds the session, 2025-2026 nothing', async () => {
    const year = async (schoolYear: string) =>
      (await api('get', `/reports/bilan?level=academie&code=${ACADEMY}&schoolYear=${schoolYear}`, undefined, admin))
        .body;
    const [current, previous] = [await year('2026-2027'), await year('2025-2026')];
    expect([current.period.schoolYear, current.sessions.delivered, current.profiles.total.participants.value]).toEqual([
      '2026-2027',
      1,
      PEOPLE.length,
    ]);
    expect([previous.sessions.delivered, previous.profiles.total.participants.value]).toEqual([0, 0]);
  });
});
