// Remuneration end to end (issue 15), on the real broker and PostgreSQL, through the gateway: sessions delivered in the
// catalog -> attendance announces each trainer's hours -> a convention from draft to paid and closed, with its
// signatures (voided by a change of content), the HSE split under the cap, service fait, and a payroll batch whose
// amounts are checked against values computed here from the rate table; a second export pays nothing twice.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { PersonErased, Topic } from '@forma/contracts';
import { createEnvelope, eventHeaders, kafkaConfig } from '@forma/messaging';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { Kafka, Partitioners } from 'kafkajs';
import { createHash, randomUUID } from 'node:crypto';
import { eventuallyWhileProgressing, fictitiousPdf, pdfText } from '@forma/testing';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { request } from './checked-request';
import { applied, queryService, RunningApp, startApp } from './app-process';
import { Caller, gatewayClient, uai } from './gateway-client';

const SCHOOL = uai('9730611');
const OTHER_SCHOOL = uai('9730622');
const ALICE = 'alice.accompagnatrice@ac-exemple.fr';
const BRUNO = 'bruno.accompagnateur@ac-exemple.fr';
const admin: Caller = { role: 'dafpen-admin', academy: 'guyane' };
const head: Caller = {
  role: 'school-head',
  academy: 'guyane',
  level: 'school',
  code: SCHOOL,
  mail: 'principale@ac-exemple.fr',
};
const otherHead: Caller = { role: 'school-head', academy: 'guyane', level: 'school', code: OTHER_SCHOOL };
const toulouse: Caller = { role: 'dafpen-admin', academy: 'toulouse' };
const alice: Caller = { role: 'trainer', academy: 'guyane', mail: ALICE };
const CAP = '8'; // the cap is configuration: 8 here, so that it binds with the hours of two sessions
const rates = (
  JSON.parse(readFileSync(resolve(__dirname, '../../../config/hse-rates.json'), 'utf8')) as {
    rates: { grade: string; from: string; to: string | null; annualHsaRate: string }[];
  }
).rates;
/** The unit rate as the decree states it, computed here: annual HSA rate / 36 x 1.25, to the cent. */
const unitRate = (grade: string, day: string) => {
  const entry = rates.find((r) => r.grade === grade && r.from <= day && (r.to === null || day <= r.to))!;
  return new Decimal(entry.annualHsaRate).div(36).times(1.25).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
};

describe('remuneration: a convention from draft to paid, fed by attendance', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  const sessions: string[] = [];
  let convention: { id: string; trainers: { id: string; mail: string }[]; lines: { id: string }[] };
  const { api, bearer, downloadBytes, putVersioned } = gatewayClient(() => gateway);
  const plan = (headcount: number) => ({
    trainers: [
      { name: 'Alice Accompagnatrice', mail: ALICE, grade: 'certifie', engaged: true },
      { name: 'Bruno Accompagnateur', mail: BRUNO, grade: 'agrege', engaged: true },
    ],
    lines: [
      {
        kind: 'face-to-face',
        date: '2026-11-17',
        minutes: 180,
        audience: 'Professeurs',
        headcount,
        trainerMail: ALICE,
        sessionId: sessions[0],
      },
      {
        kind: 'face-to-face',
        date: '2026-11-17',
        minutes: 180,
        audience: 'Professeurs',
        headcount,
        trainerMail: BRUNO,
        sessionId: sessions[0],
      },
      {
        kind: 'face-to-face',
        date: '2026-11-24',
        minutes: 360,
        audience: 'Vie scolaire',
        headcount: 8,
        trainerMail: ALICE,
        sessionId: sessions[1],
      },
      { kind: 'online', date: '2026-11-26', minutes: 60, modality: 'suivi', headcount: 5, trainerMail: BRUNO },
    ],
  });

  beforeAll(async () => {
    for (const service of ['catalog', 'attendance', 'remuneration']) await ensureDatabase(databaseUrlFor(service));
    const [catalog, attendance, remuneration] = await Promise.all([
      startApp('catalog'),
      startApp('attendance'),
      startApp('remuneration', { HSE_CAP: CAP }),
    ]);
    apps.push(catalog, attendance, remuneration);
    apps.push(
      await startApp(
        'gateway',
        { CATALOG_URL: catalog.url, ATTENDANCE_URL: attendance.url, REMUNERATION_URL: remuneration.url },
        { healthy: false },
      ),
    );
    gateway = apps[3].url;
    expect((await api('put', '/reference/departments/973', { name: 'Guyane', academy: 'guyane' }, admin)).status).toBe(
      200,
    );
    expect(
      (
        await api(
          'put',
          '/reference/districts/973-est',
          { name: 'Circonscription fictive Est', department: '973' },
          admin,
        )
      ).status,
    ).toBe(200);
    for (const school of [SCHOOL, OTHER_SCHOOL])
      expect(
        (
          await api(
            'put',
            `/reference/schools/${school}`,
            { name: `Collège fictif ${school}`, department: '973', district: '973-est' },
            admin,
          )
        ).status,
      ).toBe(200);
    const module = await api(
      'post',
      '/modules',
      { ...CANOPROF_M1_EXAMPLE, title: `ENT en établissement ${Date.now()}`, maxParticipantsPerSession: 30 },
      admin,
    );
    for (const [date, end, trainers] of [
      ['2026-11-17', '12:00', [ALICE, BRUNO]],
      ['2026-11-24', '16:00', [ALICE]],
    ] as const) {
      const session = await api(
        'post',
        `/modules/${module.body.id}/sessions`,
        {
          slots: [{ date, start: '09:00', end, kind: 'face-to-face' }],
          capacity: 20,
          trainers: trainers.map((mail) => ({
            name: mail === ALICE ? 'Alice Accompagnatrice' : 'Bruno Accompagnateur',
            mail,
            role: 'trainer',
          })),
        },
        admin,
      );
      expect([session.status, session.body.code]).toEqual([201, undefined]);
      sessions.push(session.body.id);
    }
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE session_id = ANY($1)',
              [sessions],
            )
          )[0].n,
        ) === 2,
      applied('attendance'),
      'the sessions in attendance',
    );
    for (const session of sessions)
      expect((await api('post', `/sessions/${session}/deliver`, undefined, admin)).status).toBe(200);
    // catalog -> attendance (TrainerHoursDelivered) -> remuneration: 3 h each on the first, 6 h for Alice on the second
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'remuneration',
              'SELECT count(*) AS n FROM delivered_hours WHERE session_id = ANY($1)',
              [sessions],
            )
          )[0].n,
        ) === 3,
      applied('remuneration'),
      'the trainers’ hours in remuneration',
    );
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'remuneration',
              'SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1)',
              [[SCHOOL, OTHER_SCHOOL]],
            )
          )[0].n,
        ) === 2,
      applied('remuneration'),
      'the schools in remuneration',
    );
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    for (const service of ['catalog', 'attendance', 'remuneration']) await dropDatabase(databaseUrlFor(service));
  });

  it('refuses bad conventions with a code naming the field, and stores nothing', async () => {
    const unknown = await api(
      'post',
      '/conventions',
      { uai: uai('9730699'), schoolYear: '2026-2027', ...plan(12) },
      head,
    );
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown_school']);
    const negative = await api(
      'post',
      '/conventions',
      { uai: SCHOOL, schoolYear: '2026-2027', ...plan(12), lines: [{ ...plan(12).lines[0], minutes: -30 }] },
      head,
    );
    expect([negative.status, negative.body.errors[0].field]).toEqual([400, 'lines.0.minutes']);
    const stranger = await api(
      'post',
      '/conventions',
      {
        uai: SCHOOL,
        schoolYear: '2026-2027',
        ...plan(12),
        lines: [{ ...plan(12).lines[0], trainerMail: 'inconnu@ac-exemple.fr' }],
      },
      head,
    );
    expect([stranger.status, stranger.body.code, stranger.body.errors[0].field]).toEqual([
      422,
      'trainer_not_on_convention',
      'lines[0].trainerMail',
    ]);
    const foreign = await api('post', '/conventions', { uai: SCHOOL, schoolYear: '2026-2027', ...plan(12) }, otherHead);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'out_of_scope']);
    expect(
      Number((await queryService<{ n: string }>('remuneration', 'SELECT count(*) AS n FROM convention'))[0].n),
    ).toBe(0);
  });

  it('signs in order, by delegation, on the digest of the content; a change voids the signatures and says so', async () => {
    const created = await api('post', '/conventions', { uai: SCHOOL, schoolYear: '2026-2027', ...plan(12) }, head);
    expect([created.status, created.body.state]).toEqual([201, 'draft']);
    convention = created.body;
    expect((await api('post', `/conventions/${convention.id}/submit`, {}, head)).body.state).toBe('submitted');
    const early = await api('post', `/conventions/${convention.id}/signatures`, { role: 'director' }, admin);
    expect([early.status, early.body.code]).toEqual([409, 'signature_out_of_order']);
    expect((await api('post', `/conventions/${convention.id}/signatures`, { role: 'head' }, admin)).body.code).toBe(
      'not_school_head',
    );
    const byHead = await api(
      'post',
      `/conventions/${convention.id}/signatures`,
      { role: 'head', onBehalfOf: 'la principale (empêchée), par son adjoint' },
      head,
    );
    expect(byHead.body.state).toBe('signed-by-head');
    const signed = await api('post', `/conventions/${convention.id}/signatures`, { role: 'director' }, admin);
    expect(signed.body.state).toBe('signed');
    expect(
      signed.body.signatures.map((s: { role: string; contentSha256: string; onBehalfOf: string | null }) => [
        s.role,
        s.contentSha256,
        s.onBehalfOf,
      ]),
    ).toEqual([
      ['head', created.body.contentSha256, 'la principale (empêchée), par son adjoint'],
      ['director', created.body.contentSha256, null],
    ]);
    // the plan is changed on the version read (If-Match): none is 428, a stale one 409, nothing changed either time
    const read = await api('get', `/conventions/${convention.id}`, undefined, head);
    const unconditional = await api('put', `/conventions/${convention.id}/plan`, plan(14), head);
    expect([unconditional.status, unconditional.body.code]).toEqual([428, 'precondition_required']);
    const stale = await request(gateway)
      .put(`/api/v1/conventions/${convention.id}/plan`)
      .set('authorization', await bearer(head))
      .set('if-match', `"${Number(JSON.parse(read.headers.etag)) - 1}"`)
      .send(plan(14));
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    expect((await api('get', `/conventions/${convention.id}`, undefined, head)).body).toEqual(read.body);
    const changed = await putVersioned(
      `/conventions/${convention.id}/plan`,
      `/conventions/${convention.id}`,
      plan(14),
      head,
    );
    expect(changed.headers.etag).not.toBe(read.headers.etag);
    expect([changed.status, changed.body.signaturesVoided, changed.body.state]).toEqual([200, 2, 'submitted']);
    expect(changed.body.contentSha256).not.toBe(created.body.contentSha256);
    expect(
      changed.body.signatures.every(
        (s: { voidedAt: string | null; voidReason: string }) => s.voidedAt && s.voidReason.includes('Contenu modifié'),
      ),
    ).toBe(true);
    await api('post', `/conventions/${convention.id}/signatures`, { role: 'head' }, head);
    const again = await api('post', `/conventions/${convention.id}/signatures`, { role: 'director' }, admin);
    expect(
      again.body.signatures
        .filter((s: { voidedAt: string | null }) => !s.voidedAt)
        .map((s: { contentSha256: string }) => s.contentSha256),
    ).toEqual([changed.body.contentSha256, changed.body.contentSha256]);
    convention = (await api('post', `/conventions/${convention.id}/start`, {}, head)).body;
    expect((convention as unknown as { state: string }).state).toBe('in-progress');
  });

  it('shows each trainer’s hours from attendance, and splits HSE under the cap and the hours delivered', async () => {
    const view = await api('get', `/conventions/${convention.id}`, undefined, head);
    const by = new Map(view.body.trainers.map((t: { mail: string }) => [t.mail, t])) as Map<
      string,
      { id: string; deliveredMinutes: number; capHse: string }
    >;
    expect([by.get(ALICE)!.deliveredMinutes, by.get(BRUNO)!.deliveredMinutes, by.get(ALICE)!.capHse]).toEqual([
      540,
      180,
      '8.00',
    ]);
    expect(view.body.lines.map((l: { deliveredMinutes: number | null }) => l.deliveredMinutes)).toEqual([
      180,
      180,
      360,
      null,
    ]);
    const propose = (mail: string, hse: string) =>
      api('post', `/conventions/${convention.id}/allocations`, { trainerId: by.get(mail)!.id, hse }, head);
    expect((await propose(ALICE, '6')).body.allocatedHse).toBe('6.00');
    const over = await propose(ALICE, '3');
    expect([over.status, over.body.code]).toEqual([409, 'cap_exceeded']);
    expect((await propose(ALICE, '2')).body.allocatedHse).toBe('8.00');
    const above = await propose(BRUNO, '3.5');
    expect([above.status, above.body.code]).toEqual([422, 'above_delivered_hours']);
    expect((await propose(BRUNO, '3')).body.allocatedHse).toBe('3.00');
    expect(
      (
        await api(
          'post',
          `/conventions/${convention.id}/allocations`,
          { trainerId: by.get(BRUNO)!.id, hse: '1' },
          admin,
        )
      ).status,
    ).toBe(403); // the head's split
    const refused = await queryService<{ n: string }>(
      'remuneration',
      "SELECT count(*) AS n FROM audit WHERE convention_id = $1 AND entity = 'allocation' AND action LIKE 'refused%'",
      [convention.id],
    );
    expect(Number(refused[0].n)).toBe(2);
  });

  it('certifies service fait only with every sheet signed and the report in; the DAFPEN validates', async () => {
    const report = {
      headAnalysis: 'Les équipes utilisent le cahier de textes et la messagerie de l’ENT.',
      trainersAnalysis: 'Un accompagnement individualisé, apprécié des collègues.',
      criteria: {
        'device-reliability': { rating: 3 },
        'pedagogical-feasibility': { rating: 3 },
        'accompaniment-quality': { rating: 4, comment: 'Très disponibles' },
        'school-effects': { rating: 3 },
      },
    };
    expect((await api('put', `/conventions/${convention.id}/report`, report, head)).body.state).toBe(
      'report-submitted',
    );
    const unsigned = await api('post', `/conventions/${convention.id}/service-fait`, {}, head);
    expect([unsigned.status, unsigned.body.code]).toEqual([409, 'sheets_not_signed']);
    const lines = (await api('get', `/conventions/${convention.id}`, undefined, head)).body.lines as { id: string }[];
    for (const line of lines) {
      const stored = await request(gateway)
        .put(`/api/v1/conventions/${convention.id}/lines/${line.id}/sheet`)
        .set('authorization', await bearer(head))
        .set('content-type', 'application/pdf')
        .send(fictitiousPdf(`feuille ${line.id}`));
      expect(stored.status).toBe(200);
    }
    expect((await api('post', `/conventions/${convention.id}/service-fait`, {}, head)).body.state).toBe('service-fait');
    const notYet = await api('post', '/payment-batches', { conventionIds: [convention.id] }, admin);
    expect([notYet.status, notYet.body.code]).toEqual([409, 'nothing_to_pay']);
    expect((await api('post', `/conventions/${convention.id}/validation`, {}, admin)).body.validatedAt).toBeTruthy();
  });

  it('pays once: the état liquidatif carries the amounts of the rate table, a second export returns the same batch', async () => {
    const batch = await api('post', '/payment-batches', { conventionIds: [convention.id] }, admin);
    expect([batch.status, batch.body.lines, batch.body.replayed]).toEqual([200, 2, false]);
    const day = new Date().toISOString().slice(0, 10); // the rate of the day of service fait
    const expected = [
      { mail: ALICE, grade: 'certifie', hse: new Decimal(8) },
      { mail: BRUNO, grade: 'agrege', hse: new Decimal(3) },
    ].map((t) => ({
      ...t,
      rate: unitRate(t.grade, day),
      amount: t.hse.times(unitRate(t.grade, day)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    }));
    const total = expected.reduce((sum, t) => sum.plus(t.amount), new Decimal(0));
    expect(batch.body.totalAmount).toBe(total.toFixed(2));
    const csv = await request(gateway)
      .get(`/api/v1/payment-batches/${batch.body.id}/etat-liquidatif.csv`)
      .set('authorization', await bearer(admin));
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];
    for (const t of expected) {
      const row = rows.find((r) => r.mail === t.mail)!;
      expect([row.grade, row.hse, row.taux_hse, row.montant, row.annee_scolaire, row.convention]).toEqual([
        t.grade,
        t.hse.toFixed(2).replace('.', ','),
        t.rate.toFixed(2).replace('.', ','),
        t.amount.toFixed(2).replace('.', ','),
        '2026-2027',
        convention.id,
      ]);
    }
    expect(rows.find((r) => r.convention === 'TOTAL')!.montant).toBe(total.toFixed(2).replace('.', ','));
    const again = await api('post', '/payment-batches', { conventionIds: [convention.id] }, admin);
    expect([again.body.id, again.body.replayed]).toEqual([batch.body.id, true]);
    expect(
      Number((await queryService<{ n: string }>('remuneration', 'SELECT count(*) AS n FROM payment_line'))[0].n),
    ).toBe(2);
    expect((await api('post', '/payment-batches', {}, admin)).body.code).toBe('nothing_to_pay');
    expect((await api('post', `/conventions/${convention.id}/close`, {}, admin)).body.state).toBe('closed');
  });

  it('prints the convention ready to sign and the fiche Formation ENT, in French', async () => {
    const pdf = async (name: string) => {
      const answer = await downloadBytes(`/conventions/${convention.id}/${name}`, head);
      expect(answer.status).toBe(200);
      return pdfText(answer.body);
    };
    const text = await pdf('convention.pdf');
    expect(text).toContain('Convention de formation');
    expect(text).toContain('Alice Accompagnatrice');
    expect(text).toMatch(/\(8 HSE au maximum\s+par\s+formateur\s+accompagnateur\)/);
    expect(text).toMatch(/Signé par\s+principale@ac-exemple\.fr/);
    const fiche = await pdf('fiche.pdf');
    expect(fiche).toContain('Fiche « Formation ENT »');
    expect(fiche).toContain('Très disponibles');
    expect(fiche).toContain('Accompagnement (nature et qualité des échanges)');
  });

  it('is seen by its parties only: its DAFPEN, its head, the IEN of its district, the trainers it names', async () => {
    expect((await api('get', `/conventions/${convention.id}`, undefined, toulouse)).status).toBe(404);
    expect((await api('get', `/conventions/${convention.id}`, undefined, otherHead)).status).toBe(404);
    expect((await api('get', `/conventions/${convention.id}`, undefined, alice)).status).toBe(200);
    expect(
      (
        await api('get', `/conventions/${convention.id}`, undefined, {
          role: 'ien',
          academy: 'guyane',
          level: 'district',
          code: '973-est',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api('get', `/conventions/${convention.id}`, undefined, {
          role: 'ien',
          academy: 'guyane',
          level: 'district',
          code: '973-ouest',
        })
      ).status,
    ).toBe(404);
    const trail = (await api('get', `/conventions/${convention.id}/audit`, undefined, admin)).body as {
      entity: string;
      action: string;
    }[];
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'created',
        'signed by head',
        'changed, signatures voided',
        'allocated',
        'refused (cap_exceeded)',
        'paid',
        'closed',
      ]),
    );
  });

  it('erases a trainer’s name and mail from the hours delivered when enrolment erases them (PersonErased); payroll records stay', async () => {
    const kafka = new Kafka(kafkaConfig(`e2e-remuneration-${Date.now()}`));
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      const fact = createEnvelope('enrolment', PersonErased, {
        participantId: randomUUID(),
        mailHash: createHash('sha256').update(BRUNO).digest('hex'),
        erasedAt: new Date().toISOString(),
      });
      await producer.send({
        topic: Topic.EnrolmentPerson,
        messages: [{ key: fact.key, value: JSON.stringify(fact), headers: eventHeaders(fact) }],
      });
    } finally {
      await producer.disconnect();
    }
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'remuneration',
              "SELECT count(*) AS n FROM delivered_hours WHERE session_id = $1 AND name = 'Personne effacée' AND mail IS NULL",
              [sessions[0]],
            )
          )[0].n,
        ) === 1,
      applied('remuneration'),
      'the erasure in remuneration',
    );
    expect(
      Number(
        (
          await queryService<{ n: string }>(
            'remuneration',
            'SELECT count(*) AS n FROM delivered_hours WHERE session_id = ANY($2) AND (trainer_key = $1 OR mail = $1)',
            [BRUNO, sessions],
          )
        )[0].n,
      ),
    ).toBe(0);
    expect(
      Number(
        (
          await queryService<{ n: string }>(
            'remuneration',
            'SELECT count(*) AS n FROM payment_line p JOIN convention_trainer t ON t.id = p.trainer_id WHERE t.mail = $1',
            [BRUNO],
          )
        )[0].n,
      ),
    ).toBe(1);
  });
});
