// Reporting (issue 16) on the real broker and PostgreSQL: a small académie's facts, as the other services publish them
// (catalog, enrolment, attendance, remuneration), reach reporting through Kafka; its bilans are checked against figures
// computed here from the same facts, at two levels and at a past date; statistical secrecy is checked as a property
// (no published count under 5, nothing recoverable by subtraction); an unknown event is kept and reported; a rebuild
// gives the same projections; the BI cursor loses nothing committed late; the CSV, XLSX and PDF exports are read back.
import './e2e-environment';
import {
  AreaDescribed,
  DeploymentWavePlanned,
  AttendanceRecorded,
  AttestationIssued,
  CompletionRevoked,
  ConventionSigned,
  EnrolmentCancelled,
  EnrolmentConfirmed,
  EvaluationSubmitted,
  EventDefinition,
  HseAllocated,
  ModulePublished,
  ParticipantCompleted,
  PaymentBatchExported,
  SchoolRegistered,
  CanopeDtDescribed,
  SessionCancelled,
  SessionDelivered,
  SessionScheduled,
} from '@forma/contracts';
import { createEnvelope, eventHeaders, kafkaConfig } from '@forma/messaging';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import {
  CountFigure,
  eventually,
  eventuallyWhileProgressing,
  intruderRanges,
  pdfPages,
  pdfText,
  presentMark,
  PublishedFigure,
} from '@forma/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { run } from './e2e-environment';
import { applied, queryService, RunningApp, startApp } from './app-process';
import { Caller, gatewayClient, uai } from './gateway-client';

/** A fictitious académie of this run only (letters: académie codes have no digits). */
/** A cell's published body in the feed. */
type FeedData = Record<string, unknown>;

const ACADEMY = `rep-${run.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)])}`;
const S1 = uai('9790001');
const S2 = uai('9790002');
const S3 = uai('9790003');
const S4 = uai('9790004');
const S5 = uai('9790005');
const S6 = uai('9790006');
const S7 = uai('9790007');
const SCHOOLS = [
  { uai: S1, name: 'Collège fictif des Fougères', district: 'D-NORD', department: '979' },
  { uai: S2, name: 'École fictive du Port', district: 'D-NORD', department: '979' },
  { uai: S3, name: 'Lycée fictif du Fleuve', district: 'D-SUD', department: '979' },
  { uai: S4, name: 'Collège fictif des Salines', district: 'D-SUD', department: '979' },
  { uai: S5, name: 'École fictive des Mornes', district: 'D-SUD', department: '979' },
  { uai: S6, name: 'Lycée fictif de la Baie', district: 'D-NORD', department: '979' },
  { uai: S7, name: 'Collège fictif du Morne Rouge', district: 'D-NORD', department: '979' },
];
const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };
const biReader: Caller = { role: 'bi-reader', academy: ACADEMY };
const headS1: Caller = { role: 'school-head', academy: ACADEMY, level: 'school', code: S1 };
const ienNord: Caller = { role: 'ien', academy: ACADEMY, level: 'district', code: 'D-NORD' };
const otherAcademy: Caller = { role: 'dafpen-admin', academy: 'guyane' };

const MODULE = randomUUID();
const CANOPE_MODULE = randomUUID();
const WAVE_1 = randomUUID();
const WAVE_2 = randomUUID();
const SESSION_A = randomUUID(); // delivered
const SESSION_B = randomUUID(); // cancelled
const SESSION_C = randomUUID(); // planned (Canopé)
const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}Z`);

/**
 * The participants of session A: their school and profile (function). One ENS of S1 cancels on 2 October. The first
 * 8 still enrolled and those marked `done` complete on 14 October; one teacher of S1 sees it revoked on the 16th; the
 * others are attested on the 15th. Small cells (S2's CPE and directors, S3's teachers) sit beside large ones, in both
 * districts.
 */
const group = (length: number, school: string, fn: string, done = 0) =>
  Array.from({ length }, (_, n) => ({ uai: school, fn, done: n < done }));
const PEOPLE = [
  ...group(6, S1, 'ens'),
  ...group(3, S1, 'DIR'),
  ...group(2, S2, 'CPE'),
  ...group(2, S2, 'DIR'),
  ...group(2, S3, 'ENS'),
  ...group(10, S1, 'ENS', 4),
  ...group(5, S1, 'DIR', 5),
  ...group(6, S4, 'ENS'),
  ...group(6, S4, 'DIR', 6),
  ...group(8, S5, 'ENS', 8),
  ...group(6, S6, 'DIR', 2), // 2 of 6 complete: leak 1 gave them back from S6's total and its teachers' completions
  ...group(10, S6, 'ENS', 5),
  ...group(10, S7, 'DIR', 5),
].map((p, i) => ({ ...p, profile: p.fn.toUpperCase(), registrationId: randomUUID(), participantId: randomUUID(), i }));
const CANCELLED = PEOPLE[0];
/**
 * The school year of sessions A, B and C; session D was held in the year before (2025-2026), for six teachers of S1.
 */
const YEAR = 'schoolYear=2026-2027';
const SESSION_D = randomUUID();
const PAST = Array.from({ length: 6 }, (_, i) => ({
  registrationId: randomUUID(),
  participantId: randomUUID(),
  i: 100 + i,
}));
/**
 * Session E, of the same module two years before (2024-2025, never delivered): three teachers of S2, too few to
 * publish.
 */
const SESSION_E = randomUUID();
const OLDER = Array.from({ length: 3 }, (_, i) => ({
  registrationId: randomUUID(),
  participantId: randomUUID(),
  i: 200 + i,
}));
const ACTIVE = PEOPLE.filter((p) => p !== CANCELLED);
const COMPLETERS = ACTIVE.filter((p, n) => n < 8 || p.done);
const REVOKED = COMPLETERS.find((p) => p.done && p.uai === S1 && p.profile === 'ENS')!;
/** Who completed (and holds an attestation) now. */
const COMPLETED = COMPLETERS.filter((p) => p !== REVOKED);
const DISTRICT_OF = new Map(SCHOOLS.map((s) => [s.uai, s.district]));

interface Mark {
  markId: string;
  who: (typeof PEOPLE)[number];
  slotIndex: number;
  modality: 'face-to-face' | 'virtual-class';
  status: 'present' | 'absent';
  minutes: number;
  day: string;
  corrects?: string;
}

describe('reporting: bilans from every service’s facts, as of any day, with statistical secrecy, exports and the BI feed', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  let producer: Producer;
  let published = 0;
  /** The ids of the events this test published: reporting has caught up when it logged each one. */
  const sent: string[] = [];
  const marks: Mark[] = [];
  const { api, download, downloadBytes } = gatewayClient(() => gateway);

  async function publish<T extends object>(
    definition: EventDefinition<T>,
    data: T,
    occurredAt = new Date(),
    academy = ACADEMY,
  ): Promise<void> {
    const envelope = createEnvelope('e2e', definition, data, { academy, occurredAt });
    await producer.send({
      topic: definition.topic,
      messages: [{ key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) }],
    });
    published++;
    sent.push(envelope.id);
  }

  /** Waits until reporting logged every event this test published (it logs each one, known or not). */
  const caughtUp = async () => {
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'reporting',
              'SELECT count(*) AS n FROM received_event WHERE event_id = ANY($1::uuid[])',
              [sent],
            )
          )[0].n,
        ) === sent.length,
      applied('reporting'),
      `reporting to log the ${published} events of this test`,
      90000,
    );
    // the BI feed's session cells are published after the facts, with the académie's secrecy decision: no session
    // noted and not published yet, and the cells published with the decision of the cube as it stands
    await eventuallyWhileProgressing(
      async () => {
        const [now] = await queryService<{ done: boolean }>(
          'reporting',
          `SELECT NOT EXISTS (SELECT 1 FROM bi_pending_session WHERE academy = $1)
                  AND (SELECT version FROM bi_decision WHERE academy = $1) IS NOT DISTINCT FROM (SELECT version FROM cube_version WHERE academy = $1) AS done`,
          [ACADEMY],
        );
        return now.done;
      },
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'reporting',
              'SELECT (SELECT count(*) FROM bi_change) - (SELECT count(*) FROM bi_pending_session) AS n',
            )
          )[0].n,
        ),
      'the BI feed to publish the session cells of this test',
      60000,
    );
  };

  const mark = (m: Omit<Mark, 'markId'>): Mark => {
    const full = { ...m, markId: String(100000 + marks.length) };
    marks.push(full);
    return full;
  };

  beforeAll(async () => {
    await ensureDatabase(databaseUrlFor('reporting'));
    const reporting = await startApp('reporting');
    apps.push(reporting);
    apps.push(await startApp('gateway', { REPORTING_URL: reporting.url }, { healthy: false }));
    gateway = apps[1].url;
    producer = new Kafka(kafkaConfig(`e2e-reporting-${run}`)).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();

    for (const s of SCHOOLS) await publish(SchoolRegistered, { ...s, academy: ACADEMY }, at('2026-09-01'));
    // the reference data's names: D-NORD renamed on 2 September, to the same name as D-SUD (their codes tell them
    // apart)
    await publish(
      AreaDescribed,
      { level: 'department', code: '979', name: 'Île fictive', academy: ACADEMY },
      at('2026-09-01'),
    );
    await publish(
      AreaDescribed,
      { level: 'district', code: 'D-NORD', name: 'Nord provisoire', academy: ACADEMY },
      at('2026-09-01'),
    );
    for (const code of ['D-NORD', 'D-SUD'])
      await publish(
        AreaDescribed,
        { level: 'district', code, name: 'Littoral (fictive)', academy: ACADEMY },
        at('2026-09-02'),
      );
    await publish(
      CanopeDtDescribed,
      { code: 'dt-fictive', name: 'DT fictive', academies: ['martinique', ACADEMY] },
      at('2026-09-01'),
    );
    await publish(
      CanopeDtDescribed,
      { code: 'dt-voisine', name: 'DT voisine fictive', academies: ['martinique'] },
      at('2026-09-01'),
    );
    const module = (moduleId: string, title: string, origin: 'academie' | 'canope', dispositif: string) => ({
      moduleId,
      revision: 1,
      title,
      kind: 'module' as const,
      category: 'presentation' as const,
      modality: 'hybrid' as const,
      targetProfiles: ['teacher' as const],
      academy: ACADEMY,
      durations: { faceToFaceHours: 6, distanceSynchronousHours: 1, distanceAsynchronousHours: 0 },
      publishedAt: at('2026-09-02').toISOString(),
      origin,
      gaiaDispositif: dispositif,
    });
    await publish(
      ModulePublished,
      module(MODULE, 'ENT : premiers pas (fictif)', 'academie', '26ENT0001'),
      at('2026-09-02'),
    );
    await publish(
      ModulePublished,
      module(CANOPE_MODULE, 'Canopé : classe virtuelle (fictif)', 'canope', '26CAN0001'),
      at('2026-09-02'),
    );
    const session = (sessionId: string, moduleId: string, date: string) => ({
      sessionId,
      moduleId,
      moduleRevision: 1,
      academy: ACADEMY,
      groupNumber: '1',
      capacity: 30,
      placeUai: S1,
      status: 'open' as const,
      slots: [
        { date, start: '09:00', end: '12:00', kind: 'face-to-face' as const },
        { date, start: '13:30', end: '16:30', kind: 'face-to-face' as const },
        { date: '2026-10-12', start: '17:00', end: '18:00', kind: 'virtual-class' as const },
      ],
    });
    await publish(SessionScheduled, session(SESSION_A, MODULE, '2026-10-05'), at('2026-09-20'));
    await publish(SessionScheduled, session(SESSION_B, MODULE, '2026-10-06'), at('2026-09-21'));
    await publish(SessionScheduled, session(SESSION_C, CANOPE_MODULE, '2027-01-12'), at('2026-09-22'));
    await publish(
      SessionCancelled,
      {
        sessionId: SESSION_B,
        moduleId: MODULE,
        reason: 'Formateur indisponible',
        cancelledAt: at('2026-10-01').toISOString(),
      },
      at('2026-10-01'),
    );

    // the training plan (seed 001): wave V1 around session A, revised on 10 October; wave V2 around the Canopé session
    const wave = (
      waveId: string,
      code: string,
      startsOn: string,
      endsOn: string,
      revision: number,
      lines: object[],
      day: string,
    ) =>
      publish(
        DeploymentWavePlanned,
        {
          waveId,
          academy: ACADEMY,
          schoolYear: '2026-2027',
          code,
          label: `Vague ${code} (fictive)`,
          startsOn,
          endsOn,
          trainTheTrainers: code === 'V1',
          revision,
          lines: lines as never,
          plannedAt: at(day).toISOString(),
        },
        at(day),
      );
    const line = (moduleId: string, profile: string, headcount: number, sessions: number, hours: string) => ({
      moduleId,
      profile,
      headcount,
      sessions,
      trainers: sessions,
      hours,
    });
    await wave(
      WAVE_1,
      'V1',
      '2026-09-01',
      '2026-10-31',
      1,
      [line(MODULE, 'teacher', 10, 2, '14'), line(MODULE, 'school-head', 4, 1, '7')],
      '2026-09-05',
    );
    await wave(
      WAVE_1,
      'V1',
      '2026-09-01',
      '2026-10-31',
      2,
      [line(MODULE, 'teacher', 12, 2, '14'), line(MODULE, 'school-head', 4, 1, '7'), line(MODULE, 'ien', 2, 0, '0')],
      '2026-10-10',
    );
    await wave(
      WAVE_2,
      'V2',
      '2027-01-04',
      '2027-03-31',
      1,
      [line(CANOPE_MODULE, 'teacher', 20, 2, '12.5')],
      '2026-09-06',
    );

    // an event of a type reporting does not know (a newer producer): kept, reported, and the others go on
    const unknown = {
      ...createEnvelope('e2e', SchoolRegistered, { ...SCHOOLS[0], academy: ACADEMY }, { academy: ACADEMY }),
      type: 'TrainingPlanRevised',
      version: 1,
      data: { wave: 1 },
    };
    await producer.send({
      topic: SchoolRegistered.topic,
      messages: [{ key: unknown.key, value: JSON.stringify(unknown), headers: eventHeaders(unknown) }],
    });
    published++;

    for (const p of PEOPLE) {
      await publish(
        EnrolmentConfirmed,
        {
          registrationId: p.registrationId,
          sessionId: SESSION_A,
          moduleId: MODULE,
          participantId: p.participantId,
          mail: `personne.fictive${p.i}@ac-exemple.fr`,
          lastName: `FICTIF${p.i}`,
          firstName: 'Camille',
          function: p.fn,
          grade: 'CERTIFIE',
          uai: p.uai,
          kind: 'individual',
          academy: ACADEMY,
          confirmedAt: at('2026-09-25').toISOString(),
        },
        at('2026-09-25'),
      );
    }
    await publish(
      EnrolmentCancelled,
      {
        registrationId: CANCELLED.registrationId,
        sessionId: SESSION_A,
        moduleId: MODULE,
        participantId: CANCELLED.participantId,
        reason: 'withdrawn',
        previousState: 'confirmed',
        cancelledAt: at('2026-10-02').toISOString(),
      },
      at('2026-10-02'),
    );

    // presence: two face-to-face slots on 5 October, a virtual class on 12 October; a correction on 20 October
    ACTIVE.forEach((who, n) => {
      mark({ who, slotIndex: 0, modality: 'face-to-face', status: 'present', minutes: 180, day: '2026-10-05' });
      mark({
        who,
        slotIndex: 1,
        modality: 'face-to-face',
        status: n < 2 ? 'absent' : 'present',
        minutes: n < 2 ? 0 : 180,
        day: '2026-10-05',
      });
      mark({
        who,
        slotIndex: 2,
        modality: 'virtual-class',
        status: n < 10 ? 'present' : 'absent',
        minutes: n < 10 ? 60 : 0,
        day: '2026-10-12',
      });
    });
    const wrong = marks.find((m) => m.who === ACTIVE[0] && m.slotIndex === 1)!;
    mark({
      who: ACTIVE[0],
      slotIndex: 1,
      modality: 'face-to-face',
      status: 'present',
      minutes: 180,
      day: '2026-10-20',
      corrects: wrong.markId,
    });
    for (const m of marks) {
      await publish(
        AttendanceRecorded,
        {
          markId: m.markId,
          registrationId: m.who.registrationId,
          participantId: m.who.participantId,
          sessionId: SESSION_A,
          moduleId: MODULE,
          academy: ACADEMY,
          slotIndex: m.slotIndex,
          part: 'whole',
          modality: m.modality,
          status: m.status,
          minutes: m.minutes,
          provenance: 'trainer',
          correctsMarkId: m.corrects ?? null,
          recordedAt: at(m.day).toISOString(),
        },
        at(m.day),
      );
    }
    await publish(
      SessionDelivered,
      {
        sessionId: SESSION_A,
        moduleId: MODULE,
        moduleRevision: 1,
        academy: ACADEMY,
        deliveredHours: 7,
        deliveredAt: at('2026-10-13').toISOString(),
      },
      at('2026-10-13'),
    );
    for (const who of COMPLETERS) {
      await publish(
        ParticipantCompleted,
        {
          registrationId: who.registrationId,
          participantId: who.participantId,
          sessionId: SESSION_A,
          moduleId: MODULE,
          completedAt: at('2026-10-14').toISOString(),
          ruleVersion: 1,
        },
        at('2026-10-14'),
      );
    }
    await publish(
      CompletionRevoked,
      {
        registrationId: REVOKED.registrationId,
        participantId: REVOKED.participantId,
        sessionId: SESSION_A,
        moduleId: MODULE,
        reason: 'Présence corrigée',
        revokedAt: at('2026-10-16').toISOString(),
      },
      at('2026-10-16'),
    );
    for (const who of COMPLETED) {
      await publish(
        AttestationIssued,
        {
          attestationId: randomUUID(),
          registrationId: who.registrationId,
          participantId: who.participantId,
          sessionId: SESSION_A,
          moduleId: MODULE,
          academy: ACADEMY,
          faceToFaceMinutes: 360,
          distanceMinutes: 60,
          digest: 'a'.repeat(64),
          issuedAt: at('2026-10-15').toISOString(),
        },
        at('2026-10-15'),
      );
    }
    for (let i = 0; i < 6; i++)
      await publish(
        EvaluationSubmitted,
        { sessionId: SESSION_A, moduleId: MODULE, academy: ACADEMY, answeredOn: '2026-10-13' },
        at('2026-10-13'),
      );

    // two conventions: S1 with 2 trainers (9 HSE, paid), S3 with 3 trainers (12 HSE)
    const conventionS1 = randomUUID();
    const conventionS3 = randomUUID();
    const base = (conventionId: string, school: string) => ({
      conventionId,
      academy: ACADEMY,
      uai: school,
      schoolYear: '2026-2027',
    });
    await publish(
      ConventionSigned,
      {
        ...base(conventionS1, S1),
        contentSha256: 'b'.repeat(64),
        how: 'tool',
        signedAt: at('2026-09-10').toISOString(),
      },
      at('2026-09-10'),
    );
    await publish(
      ConventionSigned,
      {
        ...base(conventionS3, S3),
        contentSha256: 'c'.repeat(64),
        how: 'paper',
        signedAt: at('2026-09-11').toISOString(),
      },
      at('2026-09-11'),
    );
    for (const [conventionId, school, hse] of [
      [conventionS1, S1, ['6', '3']],
      [conventionS3, S3, ['4', '4', '4']],
    ] as const) {
      for (const h of hse)
        await publish(
          HseAllocated,
          {
            ...base(conventionId, school),
            trainerId: randomUUID(),
            hse: h,
            allocatedTotal: h,
            refusal: null,
            at: at('2026-10-20').toISOString(),
          },
          at('2026-10-20'),
        );
    }
    await publish(
      PaymentBatchExported,
      {
        batchId: randomUUID(),
        academy: ACADEMY,
        lines: 2,
        totalHse: '9.00',
        totalAmount: '301.25',
        sha256: 'd'.repeat(64),
        exportedAt: at('2026-10-30').toISOString(),
        conventions: [{ conventionId: conventionS1, uai: S1, hse: '9.00', amount: '301.25' }],
      },
      at('2026-10-30'),
    );
    // session D, the year before: 6 teachers of S1, two face-to-face slots on 12 May 2026, all present, completed on
    // the 25th
    // a session of MODULE before this school year: its two face-to-face slots on one day, scheduled on `scheduledOn`
    const pastSession = (sessionId: string, day: string, scheduledOn: string) =>
      publish(
        SessionScheduled,
        { ...session(sessionId, MODULE, day), slots: session(sessionId, MODULE, day).slots.slice(0, 2) },
        at(scheduledOn),
      );
    // a teacher of `uai` confirmed in it on `day`
    const enrolTeacher = (
      p: { registrationId: string; participantId: string; i: number },
      sessionId: string,
      uai: string,
      day: string,
    ) =>
      publish(
        EnrolmentConfirmed,
        {
          registrationId: p.registrationId,
          sessionId,
          moduleId: MODULE,
          participantId: p.participantId,
          mail: `personne.fictive${p.i}@ac-exemple.fr`,
          lastName: `FICTIF${p.i}`,
          firstName: 'Camille',
          function: 'ENS',
          grade: 'CERTIFIE',
          uai,
          kind: 'individual',
          academy: ACADEMY,
          confirmedAt: at(day).toISOString(),
        },
        at(day),
      );
    await pastSession(SESSION_D, '2026-05-12', '2026-04-01');
    for (const p of PAST) {
      await enrolTeacher(p, SESSION_D, S1, '2026-04-20');
      for (const slotIndex of [0, 1]) {
        await publish(
          AttendanceRecorded,
          presentMark({
            markId: `${p.i}${slotIndex}`.padStart(7, '9'),
            registrationId: p.registrationId,
            participantId: p.participantId,
            sessionId: SESSION_D,
            moduleId: MODULE,
            academy: ACADEMY,
            slotIndex,
            recordedAt: at('2026-05-12').toISOString(),
          }),
          at('2026-05-12'),
        );
      }
      await publish(
        ParticipantCompleted,
        {
          registrationId: p.registrationId,
          participantId: p.participantId,
          sessionId: SESSION_D,
          moduleId: MODULE,
          completedAt: at('2026-05-25').toISOString(),
          ruleVersion: 1,
        },
        at('2026-05-25'),
      );
    }
    await publish(
      SessionDelivered,
      {
        sessionId: SESSION_D,
        moduleId: MODULE,
        moduleRevision: 1,
        academy: ACADEMY,
        deliveredHours: 6,
        deliveredAt: at('2026-05-13').toISOString(),
      },
      at('2026-05-13'),
    );
    // session E (2024-2025): the feed withholds its 3 participants; the module's bilan must not give them back (leak 4)
    await pastSession(SESSION_E, '2025-03-11', '2025-01-15');
    for (const p of OLDER) await enrolTeacher(p, SESSION_E, S2, '2025-02-20');
    await caughtUp();
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabase(databaseUrlFor('reporting'));
  }, 120000);

  /**
   * Every item of a feed from its beginning to its end (`path` with its query): the last page is asked again while
   * changes wait behind a transaction still open (the feed publishes in commit order), until none waits.
   */
  async function wholeFeed(path: string, caller: Caller): Promise<{ key: string; data: FeedData | null }[]> {
    const items: { key: string; data: FeedData | null }[] = [];
    let cursor: string | undefined;
    return eventually(
      async () => {
        for (;;) {
          const answer = await api(
            'get',
            `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            undefined,
            caller,
          );
          expect(answer.status).toBe(200);
          items.push(...answer.body.items);
          cursor = answer.body.nextCursor ?? cursor;
          if (answer.body.hasMore) continue;
          return answer.body.heldBackSeconds === null ? items : undefined;
        }
      },
      `the feed ${path} read to its end`,
      60000,
    );
  }

  /** A bilan; of school year 2026-2027 unless another period is asked (`''`: since the beginning). */
  const bilan = async (level: string, code: string, as: Caller = admin, asOf?: string, period = YEAR) =>
    api(
      'get',
      `/reports/bilan?level=${level}&code=${encodeURIComponent(code)}${asOf ? `&asOf=${asOf}` : ''}${period ? `&${period}` : ''}`,
      undefined,
      as,
    );

  /** Figures computed here from the facts this test published, for the participants kept by `inArea`, as of `day`. */
  function expected(inArea: (p: (typeof PEOPLE)[number]) => boolean, day = '9999-12-31') {
    const people = PEOPLE.filter((p) => inArea(p) && (p !== CANCELLED || day < '2026-10-02'));
    const byProfile = new Map<string, number>();
    for (const p of people) byProfile.set(p.profile, (byProfile.get(p.profile) ?? 0) + 1);
    // the marks in force on `day`: the last of each participant and slot recorded by then
    const inForce = new Map<string, Mark>();
    for (const m of marks.filter((m) => m.day <= day && inArea(m.who)))
      inForce.set(`${m.who.registrationId}/${m.slotIndex}`, m);
    const current = [...inForce.values()];
    const minutes = (modality: string) =>
      current.filter((m) => m.modality === modality).reduce((s, m) => s + m.minutes, 0);
    return {
      people,
      byProfile,
      current,
      f2fHours: (minutes('face-to-face') / 60).toFixed(2),
      cvHours: (minutes('virtual-class') / 60).toFixed(2),
    };
  }

  /** The places of this académie, as bilans name them, and their key in the intruder's program. */
  const PLACES = [
    { level: 'academie', code: ACADEMY, key: 'A' },
    { level: 'department', code: '979', key: 'D:979' },
    ...['D-NORD', 'D-SUD'].map((d) => ({ level: 'district', code: d, key: `C:${d}` })),
    ...SCHOOLS.map((sc) => ({ level: 'school', code: sc.uai, key: `S:${sc.uai}` })),
  ];
  type Published = {
    profiles: {
      rows: ({ profile: string } & Record<'participants' | 'completions' | 'attestations', { value: number | null }>)[];
      total: Record<'participants' | 'completions' | 'attestations', { value: number | null }>;
    };
    schools: { rows: { uai: string; participants: { value: number | null } }[] };
  };
  const FIGURES = [
    ['participants', 'people'],
    ['completions', 'completions'],
    ['attestations', 'attestations'],
  ] as const;

  /**
   * What an intruder learns from some bilans (issue 23): the true figures of this académie, computed here from the
   * people this test enrolled, and, for each figure of 1 to 4 people (people, completions, attestations, or those
   * without), the least and the most it can be given every figure the bilans publish, by linear programming. Also
   * each cell's appearances: withheld in one bilan and published in another is a leak by itself.
   */
  async function intruder(
    bilans: { key: string; body: Published }[],
    trainings?: {
      module: Published;
      sessions: Map<string, Record<'participants' | 'completions' | 'attestations', number | null>>;
    },
  ) {
    // the people of this académie's bilans: of the school year (session A), or of all time with the trainings (and
    // session D), each in a unit of the intruder's program (school and profile; with the trainings, session too)
    const who = [
      ...ACTIVE.map((p) => ({
        uai: p.uai,
        profile: p.profile,
        session: SESSION_A,
        completed: COMPLETED.includes(p),
        attested: COMPLETED.includes(p),
      })),
      ...(trainings
        ? PAST.map(() => ({ uai: S1, profile: 'ENS', session: SESSION_D, completed: true, attested: false }))
        : []),
      ...(trainings
        ? OLDER.map(() => ({ uai: S2, profile: 'ENS', session: SESSION_E, completed: false, attested: false }))
        : []),
    ];
    const cells = (p: (typeof who)[number]) => [
      ...['A', 'D:979', `C:${DISTRICT_OF.get(p.uai)}`, `S:${p.uai}`, ...(trainings ? ['M'] : [])].flatMap((a) => [
        `${a}|${p.profile}`,
        `${a}|*`,
      ]),
      ...(trainings ? [`T:${p.session}|*`] : []),
    ];
    const truth = new Map<string, { people: number; completions: number; attestations: number }>();
    const units = new Map<string, string[]>();
    for (const p of who) {
      units.set(`${p.session}|${p.uai}|${p.profile}`, cells(p));
      for (const cell of cells(p)) {
        const t = truth.get(cell) ?? { people: 0, completions: 0, attestations: 0 };
        truth.set(cell, {
          people: t.people + 1,
          completions: t.completions + (p.completed ? 1 : 0),
          attestations: t.attestations + (p.attested ? 1 : 0),
        });
      }
    }
    const published: PublishedFigure[] = [];
    const seen = new Map<string, Set<'published' | 'withheld'>>();
    const see = (cell: string, figure: CountFigure, value: number | null) => {
      seen.set(
        `${cell}/${figure}`,
        (seen.get(`${cell}/${figure}`) ?? new Set()).add(value === null ? 'withheld' : 'published'),
      );
      if (value === null) return;
      expect([cell, figure, value]).toEqual([cell, figure, truth.get(cell)![figure]]); // what is published is true
      published.push({ cell, figure, value });
    };
    for (const { key, body } of bilans) {
      for (const row of body.profiles.rows)
        for (const [field, figure] of FIGURES) see(`${key}|${row.profile}`, figure, row[field].value);
      for (const [field, figure] of FIGURES) see(`${key}|*`, figure, body.profiles.total[field].value);
      for (const row of body.schools.rows) see(`S:${row.uai}|*`, 'people', row.participants.value);
    }
    if (trainings) {
      for (const row of trainings.module.profiles.rows)
        for (const [field, figure] of FIGURES) see(`M|${row.profile}`, figure, row[field].value);
      for (const [field, figure] of FIGURES) see('M|*', figure, trainings.module.profiles.total[field].value);
      for (const [session, cell] of trainings.sessions)
        for (const [field, figure] of FIGURES) see(`T:${session}|*`, figure, cell[field]);
    }
    const small = (n: number) => n > 0 && n < 5;
    const asked = [...truth].flatMap(([cell, t]) =>
      (['people', 'completions', 'attestations', 'notCompleted', 'notAttested'] as const)
        .filter(
          (f) =>
            seen.has(`${cell}/people`) &&
            small(
              {
                people: t.people,
                completions: t.completions,
                attestations: t.attestations,
                notCompleted: t.people - t.completions,
                notAttested: t.people - t.attestations,
              }[f],
            ),
        )
        .map((figure) => ({ cell, figure })),
    );
    const ranges = await intruderRanges([...units.values()], published, asked);
    const mixed = [...seen].filter(([, how]) => how.size > 1).map(([cell]) => cell);
    return {
      ranges,
      narrowed: ranges.filter((r) => r.max - r.min < 3).map((r) => `${r.cell} ${r.figure} in [${r.min}, ${r.max}]`),
      mixed,
    };
  }
  const bilansOf = async (keys: string[]) =>
    Promise.all(
      PLACES.filter((p) => keys.includes(p.key)).map(async (p) => ({
        key: p.key,
        body: (await bilan(p.level, p.code)).body as Published,
      })),
    );

  it('gives the académie bilan now: sessions, hours by modality, participants by profile with secrecy, completion, attestations, HSE', async () => {
    const answer = await bilan('academie', ACADEMY);
    expect(answer.status).toBe(200);
    const b = answer.body;
    const e = expected(() => true);
    expect([b.sessions.planned, b.sessions.delivered, b.sessions.cancelled]).toEqual([1, 1, 1]);
    expect(b.sessions.plannedHoursDelivered).toEqual({ faceToFace: '6.00', virtualClass: '1.00' });
    const modality = (m: string) => b.modalities.rows.find((r: { modality: string }) => r.modality === m);
    expect(modality('face-to-face').attendedHours.value).toBe(e.f2fHours);
    expect(modality('virtual-class').attendedHours.value).toBe(e.cvHours);
    expect(modality('face-to-face').people.value).toBe(e.people.length);
    const attended = e.current.filter((m) => m.status === 'present').length;
    expect(b.profiles.total.attendanceRate.value).toBe(Math.round((attended / e.current.length) * 1000) / 1000);
    expect(b.profiles.total.participants.value).toBe(e.people.length);
    const profiles = [...e.byProfile.keys()].sort();
    expect(b.profiles.rows.map((r: { profile: string }) => r.profile)).toEqual(profiles);
    expect(b.profiles.rows.find((r: { profile: string }) => r.profile === 'ENS').participants.value).toBe(
      e.byProfile.get('ENS'),
    );
    expect(b.profiles.rows.find((r: { profile: string }) => r.profile === 'CPE').participants).toEqual({
      value: null,
      withheld: 'primary',
    });
    expect(b.profiles.total.completions.value).toBe(COMPLETED.length);
    expect(b.profiles.total.attestations.value).toBe(COMPLETED.length);
    expect(b.evaluation.answers.value).toBe(6);
    expect([b.hse.conventions, b.hse.signed, b.hse.paid]).toEqual([2, 2, 1]);
    expect([
      b.hse.trainers.value,
      b.hse.hseAllocated.value,
      b.hse.hseCap.value,
      b.hse.hsePaid.value,
      b.hse.amountPaid.value,
    ]).toEqual([5, '21.00', '90.00', '9.00', '301.25']);
    const schools = b.schools.rows.map((r: { uai: string; participants: { value: number | null } }) => [
      r.uai,
      r.participants.value,
    ]);
    expect(schools.find(([u]: [string]) => u === S1)[1]).toBe(e.people.filter((p) => p.uai === S1).length);
    expect(JSON.stringify(b)).not.toMatch(/FICTIF|Camille|ac-exemple/);
  });

  // The four leaks of issue 23, each a test that failed on main 94a9a10: a withheld figure given back by subtraction.
  it('gives no withheld figure back across the columns and rows of one bilan (leak 1)', async () => {
    let asked = 0;
    for (const place of PLACES) {
      const { ranges, narrowed } = await intruder(await bilansOf([place.key]));
      asked += ranges.length;
      expect([place.key, narrowed]).toEqual([place.key, []]);
    }
    expect(asked).toBeGreaterThan(20);
  });

  it('gives no withheld figure back across levels: the académie, its department and its districts (leak 2)', async () => {
    const { ranges, narrowed, mixed } = await intruder(await bilansOf(['A', 'D:979', 'C:D-NORD', 'C:D-SUD']));
    expect([narrowed, mixed]).toEqual([[], []]);
    expect(ranges.map((r) => r.cell)).toEqual(expect.arrayContaining(['C:D-NORD|CPE', 'A|CPE']));
  });

  it('does not undo at one level a withholding decided at another: every level at once, each cell withheld everywhere (leak 3)', async () => {
    const { ranges, narrowed, mixed } = await intruder(await bilansOf(PLACES.map((p) => p.key)));
    expect([narrowed, mixed]).toEqual([[], []]);
    // the small schools (S2: 4 people, S3: 2) are among the figures asked, and withheld in every table they appear in
    expect(ranges.map((r) => `${r.cell} ${r.figure}`)).toEqual(
      expect.arrayContaining([`S:${S2}|* people`, `S:${S3}|* people`, `S:${S2}|CPE people`]),
    );
    for (const r of ranges) expect(r.max - r.min).toBeGreaterThanOrEqual(3);
  });

  it('gives no withheld figure back from the BI feed with the bilans: sessions, their module and every place at once, all time (leak 4)', async () => {
    // everything a DAFPEN reads, as of now and over all time: the feed's session cells, the module's bilan (its
    // sessions A and D) and every place's bilan
    const allTime = async (level: string, code: string) => ({
      key: '',
      body: (await bilan(level, code, admin, undefined, '')).body as Published,
    });
    const places = await Promise.all(PLACES.map(async (p) => ({ ...(await allTime(p.level, p.code)), key: p.key })));
    const sessions = new Map<string, Record<'participants' | 'completions' | 'attestations', number | null>>();
    for (const item of await wholeFeed('/bi/v1/facts/sessions?limit=50', biReader))
      if (item.data)
        sessions.set(item.key, item.data as Record<'participants' | 'completions' | 'attestations', number | null>);
    const trained = new Map(
      [...sessions].filter(([key]) => ([SESSION_A, SESSION_D, SESSION_E] as string[]).includes(key)),
    );
    expect([...trained.keys()].sort()).toEqual([SESSION_A, SESSION_D, SESSION_E].sort());
    expect(trained.get(SESSION_E)?.participants).toBeNull();
    const { ranges, narrowed, mixed } = await intruder(places, {
      module: (await allTime('module', MODULE)).body,
      sessions: trained,
    });
    expect([narrowed, mixed]).toEqual([[], []]);
    // session E's 3 teachers and the module's small profiles are among the figures asked
    expect(ranges.map((r) => `${r.cell} ${r.figure}`)).toEqual(
      expect.arrayContaining([`T:${SESSION_E}|* people`, 'M|CPE people', 'A|CPE people']),
    );
  });

  it('gives a school’s and a district’s bilan, scoped: the head its school, the IEN its district', async () => {
    const s1 = await bilan('school', S1, headS1);
    expect(s1.status).toBe(200);
    const e = expected((p) => p.uai === S1);
    expect(
      s1.body.modalities.rows.find((r: { modality: string }) => r.modality === 'face-to-face').attendedHours.value,
    ).toBe(e.f2fHours);
    expect(s1.body.profiles.total.participants.value).toBe(e.people.length);
    // a convention of 2 trainers: their HSE would tell what each was paid
    expect([s1.body.hse.conventions, s1.body.hse.trainers.value, s1.body.hse.hseAllocated.withheld]).toEqual([
      1,
      null,
      'primary',
    ]);
    expect((await bilan('school', S2, headS1)).body.code).toBe('out_of_scope');
    const nord = await bilan('district', 'D-NORD', ienNord);
    // labels carry the reference data's names (as last described); the code only where two names are alike
    expect(nord.body.label).toBe('Circonscription Littoral (fictive) (D-NORD)');
    expect((await bilan('district', 'D-SUD')).body.label).toBe('Circonscription Littoral (fictive) (D-SUD)');
    expect((await bilan('department', '979')).body.label).toBe('Département Île fictive');
    expect(s1.body.label).toBe('Collège fictif des Fougères');
    const en = expected((p) => DISTRICT_OF.get(p.uai) === 'D-NORD');
    expect([nord.status, nord.body.profiles.total.participants.value]).toEqual([200, en.people.length]);
    expect((await bilan('district', 'D-SUD', ienNord)).body.code).toBe('out_of_scope');
    expect((await bilan('academie', ACADEMY, ienNord)).body.code).toBe('out_of_scope');
    expect((await bilan('academie', ACADEMY, biReader)).status).toBe(403);
    expect((await bilan('academie', ACADEMY, otherAcademy)).body.code).toBe('foreign_academy');
    const dispositif = await bilan('dispositif', '26ENT0001');
    expect([dispositif.status, dispositif.body.sessions.delivered, dispositif.body.sessions.cancelled]).toEqual([
      200, 1, 1,
    ]);
    const canope = await bilan('canope-dt', 'dt-fictive');
    expect([canope.body.label, canope.body.sessions.planned, canope.body.sessions.delivered]).toEqual([
      "DT fictive : formations d'origine Canopé",
      1,
      0,
    ]);
  });

  it('gives the bilan as it stood on a past day, from the event log', async () => {
    const before = await bilan('academie', ACADEMY, admin, '2026-10-01');
    const e = expected(() => true, '2026-10-01');
    expect([
      before.body.asOf,
      before.body.sessions.planned,
      before.body.sessions.delivered,
      before.body.sessions.cancelled,
    ]).toEqual(['2026-10-01', 2, 0, 1]);
    expect(before.body.profiles.total.participants.value).toBe(e.people.length);
    expect(before.body.modalities.rows).toEqual([]);
    expect(before.body.hse.hseAllocated.value).toBe('0.00');
    // before the correction of 20 October: one participant still absent from the afternoon
    const mid = await bilan('academie', ACADEMY, admin, '2026-10-15');
    const m = expected(() => true, '2026-10-15');
    expect(
      mid.body.modalities.rows.find((r: { modality: string }) => r.modality === 'face-to-face').attendedHours.value,
    ).toBe(m.f2fHours);
    expect(m.f2fHours).not.toBe(expected(() => true).f2fHours);
    expect(mid.body.profiles.total.completions.value).toBe(COMPLETED.length + 1); // revoked on the 16th
  });

  it('gives the bilan of a school year and of a date range, as of now and as of an earlier day (issue 23)', async () => {
    const figures = (b: {
      sessions: Record<string, unknown>;
      profiles: { total: Record<string, { value: unknown }> };
      modalities: { rows: { modality: string; attendedHours: { value: unknown } }[] };
    }) => [
      b.sessions.planned,
      b.sessions.delivered,
      b.sessions.cancelled,
      b.profiles.total.participants.value,
      b.profiles.total.completions.value,
      b.modalities.rows.find((r) => r.modality === 'face-to-face')?.attendedHours.value ?? null,
    ];
    // 2025-2026: session D alone (6 teachers, 6 h each face to face, all completed)
    const past = await bilan('academie', ACADEMY, admin, undefined, 'schoolYear=2025-2026');
    expect([past.status, past.body.period]).toEqual([
      200,
      { from: '2025-09-01', to: '2026-08-31', schoolYear: '2025-2026' },
    ]);
    expect(figures(past.body)).toEqual([0, 1, 0, PAST.length, PAST.length, (PAST.length * 6).toFixed(2)]);
    expect(past.body.plan.rows).toEqual([]); // the plan's waves are of 2026-2027
    expect(past.body.hse.conventions).toBe(0); // and so are the conventions
    // as of 20 May 2026: delivered, not yet completed
    const then = await bilan('academie', ACADEMY, admin, '2026-05-20', 'schoolYear=2025-2026');
    expect(figures(then.body)).toEqual([0, 1, 0, PAST.length, 0, (PAST.length * 6).toFixed(2)]);
    // 2026-2027 leaves session D out; the whole history holds both years
    const year = (await bilan('academie', ACADEMY)).body;
    const e = expected(() => true);
    expect(figures(year)).toEqual([1, 1, 1, e.people.length, COMPLETED.length, e.f2fHours]);
    const all = await bilan('academie', ACADEMY, admin, undefined, '');
    expect([all.body.period, ...figures(all.body)]).toEqual([
      null,
      2,
      2,
      1,
      e.people.length + PAST.length + OLDER.length,
      COMPLETED.length + PAST.length,
      (Number(e.f2fHours) + PAST.length * 6).toFixed(2),
    ]);
    // October 2026: sessions A (delivered), B (cancelled) and C (planned: its first slot, a virtual class, is on 12
    // October); the first half of October: A and B only
    const october = await bilan('academie', ACADEMY, admin, undefined, 'from=2026-10-01&to=2026-10-31');
    expect([october.body.period, ...figures(october.body)]).toEqual([
      { from: '2026-10-01', to: '2026-10-31', schoolYear: null },
      1,
      1,
      1,
      e.people.length,
      COMPLETED.length,
      e.f2fHours,
    ]);
    const early = await bilan('academie', ACADEMY, admin, undefined, 'from=2026-10-01&to=2026-10-11');
    expect(figures(early.body)).toEqual([0, 1, 1, e.people.length, COMPLETED.length, e.f2fHours]);
    // a district over the range, as of 15 October (before the correction of the 20th and the revocation of the 16th)
    const nord = await bilan('district', 'D-NORD', ienNord, '2026-10-15', 'from=2026-10-01&to=2026-10-31');
    const n = expected((p) => DISTRICT_OF.get(p.uai) === 'D-NORD', '2026-10-15');
    expect([
      nord.body.profiles.total.participants.value,
      nord.body.modalities.rows.find((r: { modality: string }) => r.modality === 'face-to-face').attendedHours.value,
    ]).toEqual([n.people.length, n.f2fHours]);
    // named in the exports: the CSV's first rows, the PDF's heading, the file's name; the BI feed filters the same way
    const csv = await download(`/reports/bilan/export.csv?level=academie&code=${ACADEMY}&schoolYear=2025-2026`, admin);
    expect(csv.headers['content-disposition']).toContain(`bilan-academie-${ACADEMY}-annee-2025-2026.csv`);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ Section: 'Bilan', Indicateur: 'Période', Valeur: 'année scolaire 2025-2026' });
    const pdf = (
      await pdfText(
        (
          await downloadBytes(
            `/reports/bilan/export.pdf?level=academie&code=${ACADEMY}&from=2026-10-01&to=2026-10-31`,
            admin,
          )
        ).body as Buffer,
      )
    ).replace(/\s+/g, ' ');
    expect(pdf).toContain('sessions commencées du 1er octobre 2026 au 31 octobre 2026');
    const feed = await wholeFeed('/bi/v1/facts/sessions?schoolYear=2025-2026&limit=500', biReader);
    expect(new Set(feed.map((i) => i.key))).toEqual(new Set([SESSION_D]));
    expect((await api('get', '/bi/v1/facts/modules?schoolYear=2025-2026', undefined, biReader)).body.code).toBe(
      'period_not_applicable',
    );
  });

  it('refuses what it cannot answer, with codes', async () => {
    expect((await bilan('planet', 'x')).status).toBe(400);
    const future = await bilan('academie', ACADEMY, admin, '2999-01-01');
    expect([future.status, future.body.code, future.body.errors[0].field]).toEqual([422, 'as_of_in_future', 'asOf']);
    expect((await bilan('academie', ACADEMY, admin, '2026-02-30')).body.code).toBe('as_of_invalid');
    for (const [period, code, field] of [
      ['schoolYear=2025-2027', 'school_year_invalid', 'schoolYear'],
      ['schoolYear=2025-2026&from=2025-09-01', 'period_ambiguous', 'schoolYear'],
      ['from=2026-09-01', 'period_incomplete', 'to'],
      ['from=2026-10-01&to=2026-09-30', 'period_reversed', 'to'],
      ['from=2026-02-30&to=2026-03-31', 'period_invalid', 'from'],
    ]) {
      const refused = await bilan('academie', ACADEMY, admin, undefined, period);
      expect([period, refused.status, refused.body.code, refused.body.errors[0].field]).toEqual([
        period,
        422,
        code,
        field,
      ]);
    }
    expect((await bilan('academie', ACADEMY, admin, undefined, 'schoolYear=26-27')).status).toBe(400);
    const unknown = await bilan('school', uai('9790999'));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown_area']);
    expect((await bilan('module', 'not-a-module')).body.code).toBe('unknown_area');
    // a Canopé DT the catalog never described, and one that does not serve this académie
    for (const dt of ['dt-inconnue', 'dt-voisine']) {
      const answer = await bilan('canope-dt', dt);
      expect([answer.status, answer.body.code, answer.body.errors?.[0]?.field, answer.body.detail]).toEqual([
        404,
        'unknown_area',
        'code',
        `Aucune direction territoriale Canopé « ${dt} » ne sert votre académie.`,
      ]);
    }
  });

  it('keeps an event of an unknown type in its log, reports it, and goes on projecting', async () => {
    const unknown = await api('get', '/reports/events/unknown', undefined, admin);
    expect(unknown.body).toEqual([expect.objectContaining({ type: 'TrainingPlanRevised', version: 1, count: 1 })]);
    const stored = await queryService<{ envelope: string }>(
      'reporting',
      'SELECT envelope::text FROM received_event WHERE academy = $1',
      [ACADEMY],
    );
    expect(stored.length).toBe(published);
    expect(stored.map((r) => r.envelope).join('\n')).not.toMatch(/FICTIF|Camille|ac-exemple/); // names and mails are never logged
    // the log is append-only: a change is refused, not silently ignored
    await expect(
      queryService('reporting', "UPDATE received_event SET event_type = 'x' WHERE academy = $1", [ACADEMY]),
    ).rejects.toThrow(/append-only/);
  });

  it('sets the training plan against the realised per wave, as the plan stood on the day', async () => {
    // realised, computed here: session A (5 October) lies in V1; its ENS are teachers, its DIR school heads (CPE: no
    // profile of the plan)
    const realised = (day: string, fn: string) =>
      expected(() => true, day).people.filter((p) => p.fn.toUpperCase() === fn).length;
    const rows = (b: {
      plan: {
        rows: { wave: string; profile: string; forecastHeadcount: number; participants: { value: number | null } }[];
      };
    }) => b.plan.rows.map((r) => [r.wave, r.profile, r.forecastHeadcount, r.participants.value]);
    const now = (await bilan('academie', ACADEMY)).body;
    expect(rows(now)).toEqual([
      ['V1', 'ien', 2, 0],
      ['V1', 'school-head', 4, realised('9999-12-31', 'DIR')],
      ['V1', 'teacher', 12, realised('9999-12-31', 'ENS')],
      ['V2', 'teacher', 20, 0],
    ]);
    expect(now.plan.rows.find((r: { profile: string }) => r.profile === 'teacher').achievement.value).toBe(
      Math.round((realised('9999-12-31', 'ENS') / 12) * 1000) / 1000,
    );
    // sessions and hours per wave and module: session A delivered (6 h face to face + 1 h virtual class), session B
    // cancelled
    expect(
      now.plan.modules.map((m: Record<string, unknown>) => [
        m.wave,
        m.forecastSessions,
        m.deliveredSessions,
        m.forecastHours,
        m.deliveredHours,
        m.forecastTrainers,
      ]),
    ).toEqual([
      ['V1', 3, 1, '21.00', '7.00', 3],
      ['V2', 2, 0, '12.50', '0.00', 2],
    ]);
    // on 1 October: the first revision of V1, the cancelled teacher still enrolled, nothing delivered yet
    const then = (await bilan('academie', ACADEMY, admin, '2026-10-01')).body;
    expect(rows(then)).toEqual([
      ['V1', 'school-head', 4, realised('2026-10-01', 'DIR')],
      ['V1', 'teacher', 10, realised('2026-10-01', 'ENS')],
      ['V2', 'teacher', 20, 0],
    ]);
    expect(realised('2026-10-01', 'ENS')).toBe(realised('9999-12-31', 'ENS') + 1);
    expect(then.plan.modules[0].deliveredSessions).toBe(0);
    expect((await bilan('academie', ACADEMY, admin, '2026-09-04')).body.plan).toEqual({ rows: [], modules: [] });
    // the plan is the académie's: a district's bilan has none
    expect((await bilan('district', 'D-NORD', ienNord)).body.plan.rows).toEqual([]);
  });

  it('keeps the participation rollups equal to the registrations they sum, on every day', async () => {
    const days = [
      '2026-09-24',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
      '2099-01-01',
    ];
    for (const day of days) {
      const [fromRollup] = await queryService<{ p: number; c: number; a: number }>(
        'reporting',
        `SELECT COALESCE(sum(participants), 0)::int AS p, COALESCE(sum(completions), 0)::int AS c, COALESCE(sum(attestations), 0)::int AS a
           FROM participation_by_profile WHERE academy = $1 AND day <= $2`,
        [ACADEMY, day],
      );
      const [fromFacts] = await queryService<{ p: number; c: number; a: number }>(
        'reporting',
        `SELECT count(*)::int AS p,
                count(*) FILTER (WHERE completed_on <= $2 AND (completion_revoked_on IS NULL OR completion_revoked_on > $2))::int AS c,
                count(*) FILTER (WHERE attested_on <= $2 AND (attestation_revoked_on IS NULL OR attestation_revoked_on > $2))::int AS a
           FROM fact_registration WHERE academy = $1 AND confirmed_on <= $2 AND (cancelled_on IS NULL OR cancelled_on > $2)`,
        [ACADEMY, day],
      );
      expect([day, fromRollup]).toEqual([day, fromFacts]);
    }
    const [{ n }] = await queryService<{ n: number }>(
      'reporting',
      'SELECT count(*)::int AS n FROM fact_registration WHERE academy = $1',
      [ACADEMY],
    );
    expect(n).toBe(PEOPLE.length + PAST.length + OLDER.length);
  });

  it('rebuilds every projection from the log to the same tables', async () => {
    const before = await bilan('academie', ACADEMY);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [resolve(__dirname, '../../../dist/apps/reporting/src/rebuild.js')],
      { env: process.env },
    );
    const report = JSON.parse(stdout) as { events: number; unknown: number; unchanged: boolean };
    expect(report.unchanged).toBe(true);
    expect(report.events).toBeGreaterThanOrEqual(published);
    expect(report.unknown).toBeGreaterThanOrEqual(1);
    const after = await bilan('academie', ACADEMY);
    expect({ ...after.body, generatedAt: null }).toEqual({ ...before.body, generatedAt: null });
    // a projection damaged by hand is repaired by the rebuild
    await queryService('reporting', 'DELETE FROM presence_rollup WHERE academy = $1', [ACADEMY]);
    const repaired = JSON.parse(
      (
        await promisify(execFile)(
          process.execPath,
          [resolve(__dirname, '../../../dist/apps/reporting/src/rebuild.js')],
          { env: process.env },
        )
      ).stdout,
    ) as { unchanged: boolean };
    expect(repaired.unchanged).toBe(false);
    expect({ ...(await bilan('academie', ACADEMY)).body, generatedAt: null }).toEqual({
      ...before.body,
      generatedAt: null,
    });
  }, 120000);

  it('exports the bilan as CSV, XLSX (typed cells) and PDF, secrecy kept', async () => {
    const csv = await download(`/reports/bilan/export.csv?level=academie&code=${ACADEMY}&${YEAR}`, admin);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];
    const total = rows.find(
      (r) => r.Section.startsWith('Participants, assiduité') && r.Ligne === 'Total' && r.Indicateur === 'Participants',
    );
    expect(total?.Valeur).toBe(String(expected(() => true).people.length));
    expect(rows.find((r) => r.Ligne === 'CPE' && r.Indicateur === 'Participants')?.Valeur).toBe('secret');
    const xlsx = await downloadBytes(`/reports/bilan/export.xlsx?level=academie&code=${ACADEMY}&${YEAR}`, admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Bilan',
      'Sessions',
      'Heures par modalité',
      'Participants par profil',
      'Participants par école',
      'Évaluation',
      'HSE',
      'Vagues de déploiement',
      'Plan et réalisé (publics)',
      'Plan et réalisé (moyens)',
    ]);
    const waves = book.getWorksheet('Vagues de déploiement')!;
    const v1 = waves.getRows(1, waves.rowCount)!.find((r) => r.getCell(1).value === 'V1')!;
    expect([v1.getCell(3).value, v1.getCell(3).numFmt]).toEqual([new Date('2026-09-01T00:00:00Z'), 'dd/mm/yyyy']);
    const means = book.getWorksheet('Plan et réalisé (moyens)')!;
    const v1Means = means.getRows(1, means.rowCount)!.find((r) => String(r.getCell(1).value).startsWith('V1'))!;
    expect([v1Means.getCell(4).value, v1Means.getCell(5).value]).toEqual([21, 7]);
    expect(book.getWorksheet('Bilan')!.getCell('B6').value).toBeInstanceOf(Date);
    const sheet = book.getWorksheet('Participants par profil')!;
    const ens = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'ENS')!;
    expect([typeof ens.getCell(2).value, ens.getCell(2).value]).toEqual([
      'number',
      expected(() => true).byProfile.get('ENS'),
    ]);
    expect(ens.getCell(3).numFmt).toBe('0.0%');
    expect(
      sheet
        .getRows(1, sheet.rowCount)!
        .find((r) => r.getCell(1).value === 'CPE')!
        .getCell(2).value,
    ).toBe('secret');
    const pdf = await downloadBytes(`/reports/bilan/export.pdf?level=academie&code=${ACADEMY}&${YEAR}`, admin);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // as many pages as its content, each with its footer (two blank pages holding only the footers, before)
    const pages = pdfPages(pdf.body as Buffer);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page.replace(/\s+/g, ' ')).toContain(`page ${i + 1} / ${pages.length}`);
      expect(page.replace(/Forma — .* — page \d+ \/ \d+/, '').trim().length).toBeGreaterThan(100);
    });
    const text = pages.join('\n');
    expect(text).toContain('Bilan de formation');
    expect(text).toContain('Participants par profil');
    expect(text).toContain('Plan de formation ENT');
    expect(text).toContain('secret');
    expect(text).not.toMatch(/FICTIF|Camille/);
  });

  it('runs a long export as a job: scope checked when asked, progress to the end, the file and its digest to its requester only', async () => {
    const asked = await api(
      'post',
      `/reports/exports?level=academie&code=${ACADEMY}&asOf=2026-10-15&format=pdf`,
      undefined,
      admin,
    );
    expect([asked.status, asked.body.state === 'failed', asked.body.progress.total]).toEqual([202, false, 3]);
    const seen = new Set<number>([asked.body.progress.done]);
    const done = await eventually(
      async () => {
        const job = (await api('get', `/reports/exports/${asked.body.id}`, undefined, admin)).body;
        seen.add(job.progress.done);
        return job.state === 'done' || job.state === 'failed' ? job : undefined;
      },
      'the export job to finish',
      60000,
    );
    expect([done.state, done.progress, done.fileName]).toEqual([
      'done',
      { done: 3, total: 3, percent: 100 },
      `bilan-academie-${ACADEMY}-au-2026-10-15.pdf`,
    ]);
    expect(Math.max(...seen)).toBe(3);
    const file = await downloadBytes(`/reports/exports/${asked.body.id}/file`, admin);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(done.sha256);
    // the heading wraps where the run's académie code (of varying length) puts it: read as one line
    const text = (await pdfText(file.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('situation au 15 octobre 2026');
    // to anyone else the job does not exist, even to an administrator of the académie
    const ienJob = await api('get', `/reports/exports/${asked.body.id}`, undefined, ienNord);
    expect([ienJob.status, ienJob.body.code]).toEqual([404, 'export_not_found']);
    expect((await api('get', `/reports/exports/${asked.body.id}/file`, undefined, otherAcademy)).status).toBe(404);
    // refused when asked, with the bilan's codes, and nothing stored
    const before = Number(
      (await queryService<{ n: string }>('reporting', 'SELECT count(*) AS n FROM export_job'))[0].n,
    );
    expect(
      (await api('post', `/reports/exports?level=district&code=D-SUD&format=csv`, undefined, ienNord)).body.code,
    ).toBe('out_of_scope');
    expect(
      (await api('post', `/reports/exports?level=academie&code=${ACADEMY}&format=csv`, undefined, otherAcademy)).body
        .code,
    ).toBe('foreign_academy');
    expect(
      (await api('post', `/reports/exports?level=academie&code=${ACADEMY}&format=doc`, undefined, admin)).status,
    ).toBe(400);
    expect(
      (
        await api(
          'post',
          `/reports/exports?level=academie&code=${ACADEMY}&asOf=2999-01-01&format=csv`,
          undefined,
          admin,
        )
      ).body.code,
    ).toBe('as_of_in_future');
    expect(Number((await queryService<{ n: string }>('reporting', 'SELECT count(*) AS n FROM export_job'))[0].n)).toBe(
      before,
    );
    // a CSV job gives the same rows as the streamed export
    const csvJob = (await api('post', `/reports/exports?level=school&code=${S1}&format=csv`, undefined, headS1)).body;
    await eventually(
      async () =>
        (await api('get', `/reports/exports/${csvJob.id}`, undefined, headS1)).body.state === 'done' ? true : undefined,
      'the CSV export',
      60000,
    );
    const stored = await download(`/reports/exports/${csvJob.id}/file`, headS1);
    const streamed = await download(`/reports/bilan/export.csv?level=school&code=${S1}`, headS1);
    const rows = (csv: string) =>
      (parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[]).map(
        (r) => `${r.Section}|${r.Ligne}|${r.Indicateur}|${r.Valeur}`,
      );
    expect(rows(stored.body).length).toBeGreaterThan(10);
    expect(rows(stored.body)).toEqual(rows(streamed.body));
  });

  it('ends a transaction forgotten in reporting’s database, which would hold the BI feed back (issue 23)', async () => {
    const forgotten = new Client({ connectionString: databaseUrlFor('reporting') });
    const ended = new Promise<Error>((resolve) => forgotten.on('error', resolve));
    await forgotten.connect();
    await forgotten.query('BEGIN');
    await forgotten.query('SELECT pg_current_xact_id()'); // it holds a transaction id, as a write would
    const [{ limit }] = await queryService<{ limit: string }>(
      'reporting',
      "SELECT current_setting('idle_in_transaction_session_timeout') AS limit",
    );
    expect(limit).toBe('15s');
    // the server ends it once idle past the limit (waited for, within the limit and a margin)
    const error = await Promise.race([ended, new Promise<null>((resolve) => setTimeout(() => resolve(null), 40000))]);
    expect(error?.message).toMatch(/idle-in-transaction timeout/);
    await forgotten.end().catch(() => undefined);
  }, 60000);

  it('feeds BI tools: commit-ordered pages, no person, nothing committed late is skipped, forged cursors refused', async () => {
    const feed = (cursor?: string, limit = 2, as: Caller = biReader) =>
      api(
        'get',
        `/bi/v1/facts/sessions?${YEAR}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        undefined,
        as,
      );
    let cursor: string | undefined;
    const seen = new Map<string, Record<string, unknown>>();
    for (let page = 0; page < 200; page++) {
      const answer = await feed(cursor);
      expect(answer.status).toBe(200);
      for (const item of answer.body.items) seen.set(item.key, item.data);
      cursor = answer.body.nextCursor;
      if (!answer.body.hasMore) break;
    }
    expect([...seen.keys()].sort()).toEqual([SESSION_A, SESSION_B, SESSION_C].sort());
    expect(seen.get(SESSION_A)).toMatchObject({
      status: 'delivered',
      participants: ACTIVE.length,
      completions: COMPLETED.length,
      attestations: COMPLETED.length,
      placeUai: S1,
      district: 'D-NORD',
    });
    expect(seen.get(SESSION_B)).toMatchObject({ status: 'cancelled', participants: 0 });
    expect(JSON.stringify([...seen.values()])).not.toMatch(/FICTIF|Camille|ac-exemple|participantId|registrationId/);

    // a change committed late: its transaction began before others that commit first
    const late = new Client({ connectionString: databaseUrlFor('reporting') });
    await late.connect();
    // this test waits on purpose with its transaction open: it lifts the database's 15-second limit for itself
    await late.query('SET idle_in_transaction_session_timeout = 0');
    await late.query('BEGIN');
    await late.query("INSERT INTO bi_change (fact, cell_key, academy, body) VALUES ('sessions', $1, $2, $3)", [
      SESSION_C,
      ACADEMY,
      JSON.stringify({ sessionId: SESSION_C, firstDay: '2027-01-12', late: true }),
    ]);
    // meanwhile another fact commits (a new evaluation answer changes session A's cell)
    await publish(
      EvaluationSubmitted,
      { sessionId: SESSION_A, moduleId: MODULE, academy: ACADEMY, answeredOn: '2026-10-21' },
      at('2026-10-21'),
    );
    await caughtUp();
    const held = await feed(cursor, 50);
    expect(held.body.items).toEqual([]); // nothing is given past a transaction still open, and the feed says so
    expect(held.body.heldBackSeconds).toBeGreaterThanOrEqual(0);
    await late.query('COMMIT');
    await late.end();
    // once it commits, it comes first, then what committed after it began
    const next = await eventually(async () => {
      const answer = await feed(cursor, 50);
      return answer.body.items.length >= 2 ? answer : undefined;
    }, 'the late change and the next one in the BI feed');
    expect(next.body.heldBackSeconds).toBeNull();
    expect(
      next.body.items.map((i: { key: string; data: { late?: boolean } }) => [i.key, i.data.late ?? false]),
    ).toEqual([
      [SESSION_C, true],
      [SESSION_A, false],
    ]);

    const csv = await download(`/bi/v1/facts/sessions?format=csv&limit=50`, biReader);
    const csvRows = parse(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    const lastOfA = csvRows.filter((r) => r.key === SESSION_A && r.op === 'upsert').pop()!;
    expect([lastOfA.status, Number(lastOfA['attendedHours.face-to-face']), lastOfA.participants]).toEqual([
      'delivered',
      Number(expected(() => true).f2fHours),
      String(ACTIVE.length),
    ]);
    expect(csv.headers['x-next-cursor']).toMatch(/^c1\./);

    const [v, body] = cursor!.split('.');
    expect((await feed('garbage')).body.code).toBe('cursor_malformed');
    expect((await feed(`${v}.${body}.AAAA`)).body.code).toBe('cursor_not_issued');
    expect(
      (await api('get', `/bi/v1/facts/conventions?cursor=${encodeURIComponent(cursor!)}`, undefined, biReader)).body
        .code,
    ).toBe('cursor_other_feed');
    expect((await api('get', '/bi/v1/facts/people', undefined, biReader)).status).toBe(400);
    expect((await feed(undefined, 2, headS1)).status).toBe(403);
    const conventions = await api('get', '/bi/v1/facts/conventions?limit=50', undefined, biReader);
    // each convention as it stands now (its last change): 2 and 3 trainers, so their HSE would tell what each was paid
    const latest = new Map<
      string,
      { trainersWithHse: number | null; hseAllocated: string | null; withheld: string[] }
    >();
    for (const item of conventions.body.items) latest.set(item.key, item.data);
    expect(latest.size).toBe(2);
    for (const cell of latest.values())
      expect([cell.trainersWithHse, cell.hseAllocated, cell.withheld]).toEqual([
        null,
        null,
        ['trainersWithHse', 'hseAllocated', 'hsePaid', 'amountPaid'],
      ]);
  });
  it('gives no HSE figure back across levels nor with the BI feed: one decision over every place and convention (issue 23)', async () => {
    // an académie of its own: in district H-NORD, a convention of 2 trainers at H1 (3 HSE each) beside one of 6 at H2
    // (2 each); in H-SUD, 5 trainers at H3 (4 each). Per table, H1 alone was withheld: H-NORD's 18 less H2's 12 gave it
    const academy = `${ACADEMY}-hse`;
    const H = [uai('9790011'), uai('9790012'), uai('9790013')];
    const places = [
      { uai: H[0], name: 'Collège fictif des Alizés', district: 'H-NORD', department: '979' },
      { uai: H[1], name: 'École fictive du Lagon', district: 'H-NORD', department: '979' },
      { uai: H[2], name: 'Lycée fictif des Cannes', district: 'H-SUD', department: '979' },
    ];
    const conventions = [
      { id: randomUUID(), school: H[0], trainers: 2, hse: '3' },
      { id: randomUUID(), school: H[1], trainers: 6, hse: '2' },
      { id: randomUUID(), school: H[2], trainers: 5, hse: '4' },
    ];
    for (const c of conventions) {
      const base = { conventionId: c.id, academy, uai: c.school, schoolYear: '2026-2027' };
      await publish(
        ConventionSigned,
        { ...base, contentSha256: 'e'.repeat(64), how: 'tool', signedAt: at('2026-09-12').toISOString() },
        at('2026-09-12'),
        academy,
      );
      for (let t = 0; t < c.trainers; t++)
        await publish(
          HseAllocated,
          {
            ...base,
            trainerId: randomUUID(),
            hse: c.hse,
            allocatedTotal: c.hse,
            refusal: null,
            at: at('2026-10-20').toISOString(),
          },
          at('2026-10-20'),
          academy,
        );
    }
    // the schools' places come once their conventions are projected (another topic: no order is kept across topics):
    // placing them moves the conventions in the académie's HSE decision, and the feed's cells follow
    await caughtUp();
    for (const place of places) await publish(SchoolRegistered, { ...place, academy }, at('2026-09-01'), academy);
    await caughtUp();
    const dafpen: Caller = { role: 'dafpen-admin', academy };
    // every amount a DAFPEN reads: each place's bilan and each convention's cell in the feed
    const cells = [
      { key: 'A', level: 'academie', code: academy },
      { key: 'D', level: 'department', code: '979' },
      { key: 'N:H-NORD', level: 'district', code: 'H-NORD' },
      { key: 'N:H-SUD', level: 'district', code: 'H-SUD' },
      ...H.map((code) => ({ key: `S:${code}`, level: 'school', code })),
    ];
    const shown = new Map<string, { value: string | null; withheld: string | null }>();
    for (const c of cells) {
      const answer = await bilan(c.level, c.code, dafpen);
      expect(answer.status).toBe(200);
      shown.set(c.key, answer.body.hse.hseAllocated);
    }
    for (const item of await wholeFeed('/bi/v1/facts/conventions?limit=50', { role: 'bi-reader', academy })) {
      const data = item.data as { hseAllocated: string | null; withheld: string[] };
      shown.set(`C:${item.key}`, {
        value: data.hseAllocated,
        withheld: data.withheld.includes('hseAllocated') ? 'withheld' : null,
      });
    }
    expect(Object.fromEntries([...shown].map(([key, f]) => [key, f.value ?? f.withheld]))).toEqual({
      A: '38.00',
      D: '38.00',
      'N:H-NORD': '18.00',
      'N:H-SUD': '20.00',
      [`S:${H[0]}`]: 'primary',
      [`S:${H[1]}`]: 'secondary', // H-NORD less it would give H1
      [`S:${H[2]}`]: '20.00',
      [`C:${conventions[0].id}`]: 'withheld',
      [`C:${conventions[1].id}`]: 'withheld', // H2's only convention would give H2
      [`C:${conventions[2].id}`]: '20.00',
    });
    // the intruder's linear program over the conventions' amounts: no withheld one is pinned
    const units = conventions.map((c) => [
      'A',
      'D',
      `N:${places.find((p) => p.uai === c.school)!.district}`,
      `S:${c.school}`,
      `C:${c.id}`,
    ]);
    const published = [...shown].flatMap(([cell, f]) =>
      f.value === null ? [] : [{ cell, figure: 'people' as const, value: Number(f.value) }],
    );
    const asked = [...shown].filter(([, f]) => f.value === null).map(([cell]) => ({ cell, figure: 'people' as const }));
    const ranges = await intruderRanges(units, published, asked);
    expect(ranges.length).toBe(4);
    expect(ranges.filter((r) => r.max - r.min < 1)).toEqual([]);
  });

  it('moves presence recorded before its registration reached reporting, and again when a run of confirmations changes a school or profile', async () => {
    // an académie of its own: the figures of the tests above stay as they are
    const academy = `${ACADEMY}-m`;
    const sessionId = randomUUID();
    const moduleId = randomUUID();
    const people = [0, 1, 2].map((i) => ({ registrationId: randomUUID(), participantId: randomUUID(), i: 900 + i }));
    for (const [n, p] of people.entries())
      await publish(
        AttendanceRecorded,
        presentMark({
          markId: String(800000 + n),
          registrationId: p.registrationId,
          participantId: p.participantId,
          sessionId,
          moduleId,
          academy,
          recordedAt: at('2026-10-05').toISOString(),
        }),
        at('2026-10-05'),
        academy,
      );
    await caughtUp();
    const buckets = () =>
      queryService<{ uai: string; profile: string; attended: number; minutes: number; people: number }>(
        'reporting',
        `SELECT uai, profile, sum(attended_marks)::int AS attended, sum(minutes)::int AS minutes, sum(people)::int AS people
           FROM presence_rollup WHERE session_id = $1 GROUP BY uai, profile
          HAVING sum(attended_marks) <> 0 OR sum(minutes) <> 0 OR sum(people) <> 0 ORDER BY uai, profile`,
        [sessionId],
      );
    expect(await buckets()).toEqual([{ uai: '', profile: '', attended: 3, minutes: 540, people: 3 }]);

    // the confirmations in one request (one run for reporting), the first person's twice: at S1 as a teacher, then at
    // S2 as a head
    const confirmation = (p: (typeof people)[number], school: string, fn: string) =>
      createEnvelope(
        'e2e',
        EnrolmentConfirmed,
        {
          registrationId: p.registrationId,
          sessionId,
          moduleId,
          participantId: p.participantId,
          mail: `personne.fictive${p.i}@ac-exemple.fr`,
          lastName: `FICTIF${p.i}`,
          firstName: 'Camille',
          function: fn,
          grade: 'CERTIFIE',
          uai: school,
          kind: 'individual',
          academy,
          confirmedAt: at('2026-10-06').toISOString(),
        },
        { academy, occurredAt: at('2026-10-06') },
      );
    const run = [
      confirmation(people[0], S1, 'ENS'),
      confirmation(people[1], S1, 'ENS'),
      confirmation(people[2], S2, 'ENS'),
      confirmation(people[0], S2, 'DIR'),
    ];
    await producer.send({
      topic: EnrolmentConfirmed.topic,
      messages: run.map((e) => ({ key: e.key, value: JSON.stringify(e), headers: eventHeaders(e) })),
    });
    published += run.length;
    sent.push(...run.map((e) => e.id));
    await caughtUp();
    expect(await buckets()).toEqual([
      { uai: S1, profile: 'ENS', attended: 1, minutes: 180, people: 1 },
      { uai: S2, profile: 'DIR', attended: 1, minutes: 180, people: 1 },
      { uai: S2, profile: 'ENS', attended: 1, minutes: 180, people: 1 },
    ]);
    const facts = await queryService<{ uai: string; profile: string }>(
      'reporting',
      'SELECT uai, profile FROM fact_registration WHERE registration_id = ANY($1::uuid[]) ORDER BY uai, profile',
      [people.map((p) => p.registrationId)],
    );
    expect(facts).toEqual([
      { uai: S1, profile: 'ENS' },
      { uai: S2, profile: 'DIR' },
      { uai: S2, profile: 'ENS' },
    ]);
  });
});
