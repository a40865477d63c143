// Attendance end to end (issue 14), on the real broker and PostgreSQL, through the gateway: enrolment -> presence ->
// completion -> attestation PDF (its text read back) -> verification by code, without login -> ParticipantCompleted
// received by enrolment -> M2 accepted; and around it each bad input refused with its code and nothing stored.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { EventEnvelope, Topic, TrainerHoursDeliveredV1 } from '@forma/contracts';
import { kafkaConfig } from '@forma/messaging';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { eventually, eventuallyWhileProgressing, fictitiousPdf, pdfText } from '@forma/testing';
import JSZip from 'jszip';
import { Consumer, Kafka } from 'kafkajs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from './checked-request';
import { applied, consumeFromNow, queryService, RunningApp, startApp } from './app-process';
import { Caller, eventsOn, gatewayClient, person, uai } from './gateway-client';

const SCHOOL = uai('9730511');
const ALICE = 'alice.formatrice@ac-exemple.fr';
const admin: Caller = { role: 'dafpen-admin', academy: 'guyane' };
const alice: Caller = { role: 'trainer', academy: 'guyane', mail: ALICE };
const bruno: Caller = { role: 'trainer', academy: 'guyane', mail: 'bruno.autre@ac-exemple.fr' };
const toulouse: Caller = { role: 'dafpen-admin', academy: 'toulouse' };
const run = Date.now().toString(36);
const P = (i: number) =>
  person(`A${run}${i}`, {
    uai: SCHOOL,
    lastName: i === 1 ? "D'ÉMARGEMENT" : `FICTIF${i}`,
    firstName: i === 1 ? 'Zoé-Éloïse' : 'Camille',
  });
const participant = (i: number): Caller => ({ role: 'participant', academy: 'guyane', mail: P(i).mail.toLowerCase() });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const textOf = pdfText;

describe('attendance: presence, completion, attestations, verification, evaluation', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  let m1: string;
  let m2: string;
  let session: string;
  let m2Session: string;
  const registrations = new Map<number, string>();
  const received: EventEnvelope[] = [];
  /** Kafka's own timestamp of each event received, by event id. */
  const stamped = new Map<string, string>();
  let consumer: Consumer;
  const mailDir = mkdtempSync(join(tmpdir(), 'forma-attestations-'));
  const { api, bearer, putVersioned, downloadBytes: binary } = gatewayClient(() => gateway);
  const marks = (body: object[], as: Caller = alice) =>
    api('post', `/attendance/sessions/${session}/marks`, { marks: body }, as);
  const ledgerCount = async () =>
    Number(
      (
        await queryService<{ n: string }>(
          'attendance',
          'SELECT count(*) AS n FROM presence_mark WHERE session_id = $1',
          [session],
        )
      )[0].n,
    );

  beforeAll(async () => {
    for (const service of ['catalog', 'enrolment', 'attendance']) await ensureDatabase(databaseUrlFor(service));
    const kafka = new Kafka(kafkaConfig(`e2e-attendance-${run}`));
    consumer = kafka.consumer({ groupId: `e2e-attendance-${run}` });
    await consumer.connect();
    await consumeFromNow(
      kafka,
      consumer,
      [Topic.AttendanceTrainerHours, Topic.AttendanceEvaluation],
      (value, message) => {
        const envelope = JSON.parse(value) as EventEnvelope;
        stamped.set(envelope.id, message.timestamp);
        received.push(envelope);
      },
    );
    const [catalog, enrolment, attendance] = await Promise.all([
      startApp('catalog'),
      startApp('enrolment', { CONVOCATIONS_ENABLED: 'false' }),
      startApp('attendance', {
        LOG_LEVEL: 'info',
        NOTIFICATION_EML_DIR: mailDir,
        ATTESTATION_DFP_MAIL: 'dfp@ac-exemple.fr',
        ATTESTATION_IEN_MAIL: 'ce.ien-{district}@ac-{academy}.fr',
        FORMA_PUBLIC_URL: 'https://forma.ac-exemple.fr',
      }),
    ]);
    apps.push(catalog, enrolment, attendance);
    apps.push(
      await startApp(
        'gateway',
        { LOG_LEVEL: 'info', CATALOG_URL: catalog.url, ENROLMENT_URL: enrolment.url, ATTENDANCE_URL: attendance.url },
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
          '/reference/districts/973-ouest',
          { name: 'Circonscription fictive Ouest', department: '973' },
          admin,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await api(
          'put',
          `/reference/schools/${SCHOOL}`,
          { name: 'École fictive des Palmiers', department: '973', district: '973-ouest' },
          admin,
        )
      ).status,
    ).toBe(200);
    const module = (title: string) =>
      api(
        'post',
        '/modules',
        {
          ...CANOPROF_M1_EXAMPLE,
          title,
          modality: 'hybrid',
          durations: { faceToFaceHours: 6, distanceSynchronousHours: 0, distanceAsynchronousHours: 2 },
          maxParticipantsPerSession: 30,
        },
        admin,
      );
    m1 = (await module(`Parcours M1 de l’attestation ${run}`)).body.id;
    m2 = (await module(`Parcours M2 de l’attestation ${run}`)).body.id;
    expect(
      (await putVersioned(`/modules/${m2}/prerequisites`, `/modules/${m2}`, { requiredModuleIds: [m1] }, admin)).status,
    ).toBe(200);
    const schedule = async (moduleId: string, date: string) => {
      const answer = await api(
        'post',
        `/modules/${moduleId}/sessions`,
        {
          slots: [{ date, start: '09:00', end: '16:00', kind: 'face-to-face' }],
          capacity: 20,
          trainers: [
            { name: 'Alice Formatrice', mail: ALICE, role: 'trainer' },
            { name: 'Chloé Tutrice', role: 'tutor' },
          ],
        },
        admin,
      );
      expect([answer.status, answer.body.code]).toEqual([201, undefined]);
      return answer.body.id as string;
    };
    session = await schedule(m1, '2027-03-16');
    m2Session = await schedule(m2, '2027-04-13');
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) JOIN school_replica ON uai = $2 WHERE session_id = ANY($1)',
              [[session, m2Session], SCHOOL],
            )
          )[0].n,
        ) === 2,
      applied('enrolment'),
      'sessions, modules and school replicated in enrolment',
    );
    await eventually(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM module_replica WHERE module_id = $1 AND prerequisite_module_ids = $2',
              [m2, [m1]],
            )
          )[0].n,
        ) === 1 || undefined,
      'M2 prerequisites replicated',
    );
    for (const i of [1, 2, 3]) {
      const answer = await api(
        'post',
        '/registrations',
        { sessionId: session, kind: 'designated', person: P(i) },
        admin,
      );
      expect([answer.status, answer.body.state]).toEqual([201, 'confirmed']);
      registrations.set(i, answer.body.id);
    }
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM roster r JOIN session_replica s ON s.session_id = r.session_id JOIN module_replica m ON m.module_id = s.module_id JOIN school_replica sc ON sc.uai = r.uai WHERE r.session_id = $1',
              [session],
            )
          )[0].n,
        ) === 3,
      applied('attendance'),
      'the roster, session, module and school replicated in attendance',
    );
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await consumer?.disconnect();
    await Promise.all(apps.map((app) => app.stop()));
    for (const service of ['catalog', 'enrolment', 'attendance']) await dropDatabase(databaseUrlFor(service));
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('shows the session as parts to sign: the day-long slot by half-day, then the follow-up at a distance', async () => {
    const sheet = await api('get', `/attendance/sessions/${session}`, undefined, alice);
    expect(sheet.status).toBe(200);
    expect(
      sheet.body.parts.map((p: { part: string; modality: string; plannedMinutes: number }) => [
        p.part,
        p.modality,
        p.plannedMinutes,
      ]),
    ).toEqual([
      ['morning', 'face-to-face', 180],
      ['afternoon', 'face-to-face', 180],
      ['whole', 'follow-up', 120],
    ]);
    expect(sheet.body.lines).toHaveLength(3);
    const own = await api('get', `/attendance/sessions/${session}`, undefined, participant(2));
    // a participant sees their own line
    expect(own.body.lines.map((l: { mail: string }) => l.mail)).toEqual([P(2).mail.toLowerCase()]);
    expect(own.body.trainers).toEqual([]);
    expect((await api('get', `/attendance/sessions/${session}`, undefined, toulouse)).status).toBe(404);
  });

  it('refuses bad marks with a code naming the line, and stores nothing', async () => {
    const before = await ledgerCount();
    const notEnrolled = await marks([{ registrationId: m2Session, slotIndex: 0, part: 'morning', status: 'present' }]);
    expect([notEnrolled.status, notEnrolled.body.code, notEnrolled.body.errors[0].field]).toEqual([
      422,
      'not_enrolled',
      'marks[0].registrationId',
    ]);
    const outside = await marks([{ registrationId: registrations.get(1), slotIndex: 7, status: 'present' }]);
    expect([outside.status, outside.body.code]).toEqual([422, 'unknown_slot']);
    const tooLong = await marks([
      { registrationId: registrations.get(1), slotIndex: 0, part: 'morning', status: 'partial', hours: '3.5' },
    ]);
    expect([tooLong.status, tooLong.body.code]).toEqual([422, 'hours_above_slot']);
    const mixed = await marks([
      { registrationId: registrations.get(1), slotIndex: 0, part: 'morning', status: 'present' },
      { registrationId: registrations.get(2), slotIndex: 0, status: 'present' }, // a day-long slot is signed by half-day
    ]);
    expect([mixed.status, mixed.body.code, mixed.body.errors.map((e: { field: string }) => e.field)]).toEqual([
      422,
      'unknown_part',
      ['marks[1].part'],
    ]);
    const notNamed = await marks(
      [{ registrationId: registrations.get(1), slotIndex: 0, part: 'morning', status: 'present' }],
      bruno,
    );
    expect([notNamed.status, notNamed.body.code]).toEqual([403, 'not_session_trainer']);
    expect(await ledgerCount()).toBe(before);
  });

  it('records the whole list at once; a correction is a new entry with its reason, the ledger refuses updates', async () => {
    const all = await marks([
      { registrationId: registrations.get(1), slotIndex: 0, part: 'morning', status: 'present' },
      { registrationId: registrations.get(1), slotIndex: 0, part: 'afternoon', status: 'absent' },
      { registrationId: registrations.get(1), slotIndex: 1, status: 'partial', hours: '1,5' },
      { registrationId: registrations.get(2), slotIndex: 0, part: 'morning', status: 'absent' },
      { registrationId: registrations.get(2), slotIndex: 0, part: 'afternoon', status: 'absent' },
      { registrationId: registrations.get(2), slotIndex: 1, status: 'absent' },
    ]);
    expect([all.status, all.body.length]).toEqual([201, 6]);
    const noReason = await marks([
      { registrationId: registrations.get(1), slotIndex: 0, part: 'afternoon', status: 'present' },
    ]);
    expect([noReason.status, noReason.body.code]).toEqual([422, 'correction_reason_required']);
    const corrected = await marks([
      {
        registrationId: registrations.get(1),
        slotIndex: 0,
        part: 'afternoon',
        status: 'present',
        reason: 'Signature oubliée, présence confirmée par la formatrice',
      },
    ]);
    expect(corrected.status).toBe(201);
    expect(corrected.body[0]).toMatchObject({
      status: 'present',
      minutes: 180,
      corrects: all.body[1].id,
      author: ALICE,
    });
    await queryService('attendance', "UPDATE presence_mark SET status = 'present' WHERE id = $1", [all.body[3].id]);
    await queryService('attendance', 'DELETE FROM presence_mark WHERE id = $1', [all.body[3].id]);
    expect(
      (
        await queryService<{ status: string }>('attendance', 'SELECT status FROM presence_mark WHERE id = $1', [
          all.body[3].id,
        ])
      )[0].status,
    ).toBe('absent');
    const sheet = await api('get', `/attendance/sessions/${session}`, undefined, alice);
    const line = sheet.body.lines.find((l: { registrationId: string }) => l.registrationId === registrations.get(1));
    expect(line.attendedMinutes).toEqual({ 'face-to-face': 360, 'virtual-class': 0, 'follow-up': 90 });
  });

  it('exports the ledger flat, one row per entry, and prints the attendance sheet', async () => {
    const csv: string[] = (await binary(`/attendance/sessions/${session}/marks.csv`, alice)).body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0].split(';').slice(0, 5)).toEqual(['entree', 'session', 'module', 'groupe', 'date']);
    expect(csv).toHaveLength(1 + 7);
    expect(csv.find((r) => r.includes('Signature oubliée'))).toMatch(
      /;2027-03-16;13:00;16:00;afternoon;face-to-face;.*;180;D'ÉMARGEMENT;Zoé-Éloïse;/,
    );
    const pdf = await binary(`/attendance/sessions/${session}/sheet.pdf`, alice);
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = await textOf(pdf.body);
    expect(text).toContain("Feuille d'émargement");
    expect(text).toContain("D'ÉMARGEMENT Zoé-Éloïse");
    expect(text).toContain('après-midi');
    expect((await binary(`/attendance/sessions/${session}/sheet.pdf`, participant(1))).status).toBe(403);
  });

  it('declares "formation terminée" under the rule, and says what is missing for the others', async () => {
    const notTrainer = await api(
      'post',
      `/attendance/sessions/${session}/completions`,
      { registrationIds: [registrations.get(1)] },
      bruno,
    );
    expect([notTrainer.status, notTrainer.body.code]).toEqual([403, 'not_session_trainer']);
    const answer = await api(
      'post',
      `/attendance/sessions/${session}/completions`,
      { registrationIds: [...registrations.values()] },
      alice,
    );
    expect(answer.status).toBe(200);
    const by = new Map(answer.body.map((o: { registrationId: string }) => [o.registrationId, o]));
    expect(by.get(registrations.get(1))).toMatchObject({
      outcome: 'completed',
      evidence: { ruleVersion: 1, plannedMinutes: 480, attendedMinutes: 450 },
    });
    expect(by.get(registrations.get(2))).toMatchObject({ outcome: 'refused', missing: [{ code: 'never_present' }] });
    expect(by.get(registrations.get(3))).toMatchObject({
      outcome: 'refused',
      missing: [{ code: 'never_present' }, { code: 'presence_unmarked' }],
    });
    const again = await api(
      'post',
      `/attendance/sessions/${session}/completions`,
      { registrationIds: [registrations.get(1)] },
      alice,
    );
    expect(again.body[0].outcome).toBe('already_completed');
  });

  it('ParticipantCompleted reaches enrolment: M2 accepts whoever completed M1, and only them', async () => {
    const p1 = (
      await queryService<{ participant_id: string }>(
        'attendance',
        'SELECT participant_id FROM roster WHERE registration_id = $1',
        [registrations.get(1)],
      )
    )[0].participant_id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM completion WHERE participant_id = $1 AND module_id = $2',
              [p1, m1],
            )
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'the completion in enrolment',
    );
    const accepted = await api(
      'post',
      '/registrations',
      { sessionId: m2Session, kind: 'designated', person: P(1) },
      admin,
    );
    expect([accepted.status, accepted.body.state]).toEqual([201, 'confirmed']);
    const refused = await api(
      'post',
      '/registrations',
      { sessionId: m2Session, kind: 'designated', person: P(2) },
      admin,
    );
    expect([refused.status, refused.body.code]).toEqual([422, 'prerequisite_missing']);
  });

  let attestation: { id: string; code: string; sha256: string; verificationUrl: string };
  /** An attestation once its PDF is rendered, as the session's list gives it. */
  const renderedOf = (id: string) =>
    eventually(
      async () => {
        const listed = (await api('get', `/attendance/sessions/${session}/attestations`, undefined, alice)).body as {
          id: string;
          state: string;
          sha256: string;
        }[];
        const found = listed.find((a) => a.id === id);
        return found && found.state !== 'pending' ? found : undefined;
      },
      `attestation ${id} rendered`,
      60000,
    );

  it('issues the attestation of who completed, none for who was never present; sent to the IEN and the DFP', async () => {
    const issued = await api(
      'post',
      `/attendance/sessions/${session}/attestations`,
      { registrationIds: [registrations.get(1), registrations.get(2)] },
      alice,
    );
    // what it states is stored at once, its PDF rendered after the answer (issue 23): 202, pending, no digest yet
    expect([issued.status, issued.body.pending]).toEqual([202, 1]);
    expect(issued.body.issued).toEqual([expect.objectContaining({ state: 'pending', sha256: null })]);
    expect(issued.body.skipped).toEqual([
      expect.objectContaining({ registrationId: registrations.get(2), code: 'not_completed' }),
    ]);
    const early = await binary(`/attendance/attestations/${issued.body.issued[0].id}/pdf`, participant(1));
    expect([409, 200]).toContain(early.status); // not ready yet (attestation_not_ready), or already rendered
    attestation = { ...issued.body.issued[0], sha256: (await renderedOf(issued.body.issued[0].id)).sha256 };
    expect(attestation.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-.$/);
    expect(attestation.verificationUrl).toBe(`https://forma.ac-exemple.fr/verification/${attestation.code}`);
    const pdf = await binary(`/attendance/attestations/${attestation.id}/pdf`, participant(1));
    expect(pdf.status).toBe(200);
    // named after the code, a check character that is not a letter or a digit (`*`, `~`, `$`, `=`) written _
    const fileName = `attestation-${attestation.code.replace(/[^0-9A-Z-]/g, '_')}.pdf`;
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
    expect(sha256(pdf.body)).toBe(attestation.sha256);
    const text = await textOf(pdf.body);
    expect(text).toContain('Attestation de présence');
    expect(text).toContain("Zoé-Éloïse D'ÉMARGEMENT");
    expect(text).toContain(`Parcours M1 de l’attestation ${run}`);
    expect(text).toContain('en présentiel : 6 h');
    expect(text).toContain('à distance (classes virtuelles et suivi) : 2 h');
    expect(text).toMatch(/le 16\s+mars 2027/);
    expect(text).toContain(attestation.code);
    expect((await binary(`/attendance/attestations/${attestation.id}/pdf`, participant(2))).status).toBe(404);
    const sent = readdirSync(mailDir).filter((f) => f.includes(attestation.id));
    expect(sent).toHaveLength(1);
    const eml = readFileSync(join(mailDir, sent[0]), 'utf8');
    expect(eml).toMatch(/^To: dfp@ac-exemple\.fr, ce\.ien-973-ouest@ac-guyane\.fr/m);
    expect(eml).toContain(fileName);
    const zip = await JSZip.loadAsync((await binary(`/attendance/sessions/${session}/attestations.zip`, alice)).body);
    expect(Object.keys(zip.files)).toHaveLength(1);
    expect(sha256(await zip.files[Object.keys(zip.files)[0]].async('nodebuffer'))).toBe(attestation.sha256);
  });

  it('verifies a code without login: what it states and its digest, so an edited PDF is told apart', async () => {
    const verified = await request(gateway).get(
      `/api/v1/verification/${attestation.code.toLowerCase().replace(/-/g, '')}`,
    );
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'valid',
      sha256: attestation.sha256,
      statement: { person: { lastName: "D'ÉMARGEMENT" }, planned: { faceToFaceMinutes: 360, distanceMinutes: 120 } },
    });
    const pdf = (await binary(`/attendance/attestations/${attestation.id}/pdf`, alice)).body;
    const edited = Buffer.from(pdf.toString('latin1').replace('/Producer', '/Producex'), 'latin1'); // one byte changed
    expect(edited.equals(pdf)).toBe(false);
    expect(sha256(edited)).not.toBe(verified.body.sha256);
    const page = await request(gateway).get(`/verification/${attestation.code}`);
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('Attestation valide');
    expect(page.text).toContain('D&#39;ÉMARGEMENT');
    const typo = attestation.code.slice(0, 3) + (attestation.code[3] === 'A' ? 'B' : 'A') + attestation.code.slice(4);
    expect([(await request(gateway).get(`/api/v1/verification/${typo}`)).body.code]).toEqual(['invalid_code']);
    expect((await request(gateway).get('/api/v1/verification/0000-0000-0000-0000-0')).body.code).toBe('unknown_code');
  });

  it('closes the session: marks are locked; only an organiser reopens it, with a reason kept in the audit trail', async () => {
    expect((await api('post', `/attendance/sessions/${session}/close`, {}, alice)).status).toBe(200);
    const locked = await marks([{ registrationId: registrations.get(3), slotIndex: 1, status: 'excused' }]);
    expect([locked.status, locked.body.code]).toEqual([409, 'session_closed']);
    expect((await api('post', `/attendance/sessions/${session}/reopen`, { reason: 'Oubli' }, alice)).status).toBe(403);
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${session}/reopen`,
          { reason: 'Émargement du suivi à compléter' },
          admin,
        )
      ).status,
    ).toBe(200);
    expect((await marks([{ registrationId: registrations.get(3), slotIndex: 1, status: 'excused' }])).status).toBe(201);
    const audit = await api('get', `/attendance/sessions/${session}/audit`, undefined, alice);
    expect(audit.body.map((a: { action: string; reason: string | null }) => [a.action, a.reason])).toEqual([
      ['closed', null],
      ['reopened', 'Émargement du suivi à compléter'],
    ]);
  });

  it('revokes a completion with its reason: the attestation says so at verification, and enrolment forgets the completion', async () => {
    const revoked = await api(
      'post',
      `/attendance/registrations/${registrations.get(1)}/completion/revoke`,
      { reason: 'Présence du suivi contestée' },
      admin,
    );
    expect(revoked.status).toBe(200);
    const verified = await request(gateway).get(`/api/v1/verification/${attestation.code}`);
    expect(verified.body).toMatchObject({
      status: 'revoked',
      revokeReason: expect.stringContaining('Présence du suivi contestée'),
    });
    const p1 = (
      await queryService<{ participant_id: string }>(
        'attendance',
        'SELECT participant_id FROM roster WHERE registration_id = $1',
        [registrations.get(1)],
      )
    )[0].participant_id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM completion WHERE participant_id = $1 AND module_id = $2',
              [p1, m1],
            )
          )[0].n,
        ) === 0,
      applied('enrolment'),
      'the completion revoked in enrolment',
    );
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${session}/completions`,
          { registrationIds: [registrations.get(1)] },
          alice,
        )
      ).body[0].outcome,
    ).toBe('completed');
  });

  it('counts required activities when progress is required, and shows the progress bar', async () => {
    const defined = await api(
      'put',
      `/attendance/sessions/${session}/activities`,
      {
        progressRequired: true,
        activities: [
          { title: 'Publier une ressource dans l’ENT', dueOn: '2027-03-30', required: true },
          { title: 'Forum (facultatif)', required: false },
        ],
      },
      alice,
    );
    expect(defined.status).toBe(200);
    const [required] = defined.body.activities as { id: string }[];
    expect(
      (
        await api(
          'post',
          `/attendance/registrations/${registrations.get(1)}/completion/revoke`,
          { reason: 'Activité obligatoire ajoutée' },
          alice,
        )
      ).status,
    ).toBe(200);
    const refused = await api(
      'post',
      `/attendance/sessions/${session}/completions`,
      { registrationIds: [registrations.get(1)] },
      alice,
    );
    expect(refused.body[0]).toMatchObject({
      outcome: 'refused',
      missing: [{ code: 'activities_not_done', message: expect.stringContaining('Publier une ressource') }],
    });
    const progress = await api(
      'post',
      `/attendance/sessions/${session}/progress`,
      { entries: [{ registrationId: registrations.get(1), activityId: required.id, done: true }] },
      alice,
    );
    expect(
      progress.body.participants.find((p: { registrationId: string }) => p.registrationId === registrations.get(1)),
    ).toMatchObject({ percentage: 50, requiredDone: true });
    const own = await api('get', `/attendance/sessions/${session}/progress`, undefined, participant(1));
    expect(own.body.participants).toHaveLength(1);
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${session}/completions`,
          { registrationIds: [registrations.get(1)] },
          alice,
        )
      ).body[0],
    ).toMatchObject({ outcome: 'completed', evidence: { activitiesDone: 1, activitiesRequired: 1 } });
  });

  it('replaces an attestation: the old one’s verification names the new one', async () => {
    const issued = await api('post', `/attendance/sessions/${session}/attestations`, {}, alice);
    const current = issued.body.issued[0] as { id: string; code: string };
    await renderedOf(current.id);
    const revoked = await api(
      'post',
      `/attendance/attestations/${current.id}/revoke`,
      { reason: 'Prénom mal orthographié', reissue: true },
      alice,
    );
    expect(revoked.status).toBe(200);
    expect((await renderedOf(revoked.body.replacement.id)).state).toBe('issued');
    const old = await request(gateway).get(`/api/v1/verification/${current.code}`);
    expect(old.body).toMatchObject({
      status: 'revoked',
      revokeReason: 'Prénom mal orthographié',
      replacedBy: revoked.body.replacement.code,
    });
    expect((await request(gateway).get(`/api/v1/verification/${revoked.body.replacement.code}`)).body.status).toBe(
      'valid',
    );
    const page = await request(gateway).get(`/verification/${current.code}`);
    expect(page.text).toContain(`remplacée par l’attestation ${revoked.body.replacement.code}`);
  });

  it('keeps the signed sheet with its digest', async () => {
    const scan = fictitiousPdf('feuille signée et numérisée (fictive)');
    const stored = await request(gateway)
      .put(`/api/v1/attendance/sessions/${session}/signed-sheet`)
      .set('authorization', await bearer(alice))
      .set('content-type', 'application/pdf')
      .send(scan);
    expect([stored.status, stored.body.sha256]).toEqual([201, sha256(scan)]);
    const listed = await api('get', `/attendance/sessions/${session}/signed-sheets`, undefined, alice);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: stored.body.id, sha256: sha256(scan), size: scan.length, uploadedBy: ALICE }),
    ]);
    expect(
      (await binary(`/attendance/sessions/${session}/signed-sheets/${stored.body.id}`, alice)).body.equals(scan),
    ).toBe(true);
    const text = await request(gateway)
      .put(`/api/v1/attendance/sessions/${session}/signed-sheet`)
      .set('authorization', await bearer(alice))
      .set('content-type', 'text/plain')
      .send('pas un scan');
    expect([text.status, text.body.code]).toEqual([415, 'unsupported_file']);
  });

  it('refuses completion once the module is archived, saying so', async () => {
    expect((await api('post', `/modules/${m2}/archive`, undefined, admin)).status).toBe(200);
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM module_replica WHERE module_id = $1 AND archived',
              [m2],
            )
          )[0].n,
        ) === 1,
      applied('attendance'),
      'the archive in attendance',
    );
    const archived = await api(
      'post',
      `/attendance/sessions/${m2Session}/completions`,
      { registrationIds: [registrations.get(1)] },
      alice,
    );
    expect([archived.status, archived.body.code]).toEqual([409, 'session_archived']);
  });

  it('evaluates anonymously: once per participant, results only once closed and for 5 answers or more', async () => {
    expect((await api('put', `/attendance/sessions/${session}/evaluation`, {}, alice)).status).toBe(200);
    const questions = (await api('get', `/attendance/sessions/${session}/evaluation`, undefined, participant(1))).body
      .items as { key: string }[];
    const answers = Object.fromEntries(questions.map((q) => [q.key, 3]));
    expect(
      (await api('post', `/attendance/sessions/${session}/evaluation/answers`, { answers }, participant(1))).status,
    ).toBe(201);
    // issue 22: the event of an anonymous answer names no one and says the day only, envelope and Kafka record included
    const [submitted] = await eventsOn(received)(session, 'EvaluationSubmitted');
    const midnight = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
    expect(submitted).toMatchObject({ occurredAt: midnight, actor: { kind: 'service', id: 'attendance' } });
    expect(submitted.causationId).toBeUndefined();
    expect(submitted.id[14]).toBe('4'); // a random id: a v7 id encodes its millisecond
    expect(stamped.get(submitted.id)).toBe(String(Date.parse(midnight)));
    expect(JSON.stringify(submitted)).not.toContain(P(1).mail.toLowerCase());
    // and no log line, in attendance nor in the gateway, while the questionnaire's read before it is logged
    for (const app of [apps[2], apps[3]]) {
      await eventually(
        async () => app.output().includes(`/attendance/sessions/${session}/evaluation"`) || undefined,
        `${app.name} to log the questionnaire's read`,
        30000,
      );
      expect(app.output()).not.toContain('/evaluation/answers');
    }
    const twice = await api('post', `/attendance/sessions/${session}/evaluation/answers`, { answers }, participant(1));
    expect([twice.status, twice.body.code]).toEqual([409, 'already_answered']);
    const stranger = await api(
      'post',
      `/attendance/sessions/${session}/evaluation/answers`,
      { answers },
      { role: 'participant', academy: 'guyane', mail: 'inconnue@ac-exemple.fr' },
    );
    expect(stranger.status).toBe(404);
    const edit = await api(
      'put',
      `/attendance/sessions/${session}/evaluation`,
      { items: [{ key: 'x', label: 'Nouvelle question' }] },
      alice,
    );
    expect([edit.status, edit.body.code]).toEqual([409, 'evaluation_answered']);
    expect((await api('get', `/attendance/sessions/${session}/evaluation/results`, undefined, alice)).body.code).toBe(
      'evaluation_open',
    );
    expect((await api('post', `/attendance/sessions/${session}/evaluation/close`, {}, alice)).status).toBe(200);
    expect(
      (await api('get', `/attendance/sessions/${session}/evaluation/results`, undefined, alice)).body,
    ).toMatchObject({ suppressed: true, respondents: null });
  });

  let pastSession: string;
  let pastRegistration: string;

  it('announces each trainer’s hours when a session is delivered: face-to-face, virtual class and follow-up apart', async () => {
    const past = await api(
      'post',
      `/modules/${m1}/sessions`,
      {
        slots: [
          { date: '2026-11-17', start: '09:00', end: '16:00', kind: 'face-to-face' },
          { date: '2026-11-24', start: '14:00', end: '15:30', kind: 'virtual-class' },
        ],
        capacity: 20,
        trainers: [
          { name: 'Alice Formatrice', mail: ALICE, role: 'trainer' },
          { name: 'Chloé Tutrice', role: 'tutor' },
        ],
      },
      admin,
    );
    expect([past.status, past.body.code]).toEqual([201, undefined]);
    pastSession = past.body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica WHERE session_id = $1',
              [pastSession],
            )
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'the past session in enrolment',
    );
    const designated = await api(
      'post',
      '/registrations',
      { sessionId: pastSession, kind: 'designated', person: P(1) },
      admin,
    );
    expect(designated.status).toBe(201);
    pastRegistration = designated.body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'attendance',
              'SELECT count(*) AS n FROM roster WHERE registration_id = $1',
              [pastRegistration],
            )
          )[0].n,
        ) === 1,
      applied('attendance'),
      'the registration in attendance',
    );
    expect((await api('post', `/sessions/${past.body.id}/deliver`, undefined, alice)).status).toBe(200);
    const hours = await eventually(
      async () => {
        const found = received
          .map((e) => e.data as TrainerHoursDeliveredV1)
          .filter((h) => h.sessionId === past.body.id);
        // both trainers' events (a redelivery may repeat one before the other arrives)
        const names = new Set(found.map((h) => h.trainer.name));
        return names.has('Alice Formatrice') && names.has('Chloé Tutrice') ? found : undefined;
      },
      "the two trainers' TrainerHoursDelivered on Kafka",
      30000,
    );
    const by = new Map(hours.map((h) => [h.trainer.name, h]));
    expect(by.get('Alice Formatrice')).toMatchObject({
      trainer: { role: 'trainer', mail: ALICE },
      faceToFaceMinutes: 360,
      virtualClassMinutes: 90,
      followUpMinutes: 0,
      dates: ['2026-11-17', '2026-11-24'],
    });
    expect(by.get('Chloé Tutrice')).toMatchObject({
      trainer: { role: 'tutor' },
      faceToFaceMinutes: 0,
      virtualClassMinutes: 90,
      followUpMinutes: 120,
    });
  });

  it('keeps the practice phase: hot and cold impressions once each, referents, and the académie’s facilitators', async () => {
    const tooEarly = await api(
      'post',
      `/attendance/sessions/${session}/feedback`,
      { moment: 'hot', text: 'Trop tôt' },
      participant(1),
    );
    expect([tooEarly.status, tooEarly.body.code]).toEqual([409, 'feedback_too_early']);
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${pastSession}/feedback`,
          { moment: 'hot', text: 'Capsules utiles en 6e' },
          participant(1),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${pastSession}/feedback`,
          { moment: 'cold', text: 'Essayé avec deux classes' },
          participant(1),
        )
      ).status,
    ).toBe(201);
    const again = await api(
      'post',
      `/attendance/sessions/${pastSession}/feedback`,
      { moment: 'hot', text: 'Encore' },
      participant(1),
    );
    expect([again.status, again.body.code]).toEqual([409, 'feedback_already_given']);
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${pastSession}/feedback`,
          { moment: 'hot', text: 'Pas inscrite' },
          participant(2),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await api(
          'post',
          `/attendance/sessions/${pastSession}/referents`,
          { registrationId: pastRegistration, concern: 'Oral' },
          alice,
        )
      ).status,
    ).toBe(200);
    const seen = await api('get', `/attendance/sessions/${pastSession}/feedback`, undefined, alice);
    expect(seen.body.feedback.map((f: { moment: string; name: string }) => [f.moment, f.name])).toEqual([
      ['hot', "D'ÉMARGEMENT Zoé-Éloïse"],
      ['cold', "D'ÉMARGEMENT Zoé-Éloïse"],
    ]);
    expect(seen.body.referents).toEqual([
      expect.objectContaining({ registrationId: pastRegistration, concern: 'Oral', flaggedBy: ALICE }),
    ]);
    expect((await api('get', `/attendance/sessions/${pastSession}/feedback`, undefined, bruno)).status).toBe(403);
    const put = await api(
      'put',
      '/attendance/facilitators/lea.facilitatrice@ac-exemple.fr',
      { name: 'Léa Facilitatrice', concerns: ['Oral', ' oral ', 'Différenciation'] },
      admin,
    );
    expect([put.status, put.body.concerns]).toEqual([200, ['Oral', 'Différenciation']]);
    expect(
      (await api('get', '/attendance/facilitators?concern=oral', undefined, alice)).body.map(
        (f: { name: string }) => f.name,
      ),
    ).toEqual(['Léa Facilitatrice']);
    expect((await api('get', '/attendance/facilitators?concern=Numérique', undefined, alice)).body).toEqual([]);
    expect((await api('get', '/attendance/facilitators', undefined, toulouse)).body).toEqual([]);
  });

  it('limits the public routes and sign-in per address over gateways sharing Redis, and every answer carries security headers (issue 22)', async () => {
    const [{ code }] = await queryService<{ code: string }>(
      'attendance',
      'SELECT code FROM attestation ORDER BY issued_at LIMIT 1',
    );
    const shared = {
      RATE_LIMIT_REDIS_URL: process.env.FORMA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '2',
      FORMA_INSTANCE: `e2e-rate-${run}`,
      ATTENDANCE_URL: apps[2].url,
    };
    const replicas = [
      await startApp('gateway', shared, { healthy: false }),
      await startApp('gateway', shared, { healthy: false }),
    ];
    try {
      const verify = (i: number) => request(replicas[i % 2].url).get(`/api/v1/verification/${code}`);
      for (let i = 0; i < 5; i += 1) {
        const answer = await verify(i);
        expect([answer.status, answer.body.status]).toEqual([200, expect.any(String)]);
        expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
        expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['x-powered-by']).toBeUndefined();
      }
      for (const i of [0, 1]) {
        const limited = await verify(i);
        expect([limited.status, limited.body.code, limited.headers['content-type']]).toEqual([
          429,
          'rate_limited',
          expect.stringContaining('application/problem+json'),
        ]);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        expect(limited.body.detail).toMatch(/réessayez/);
      }
      const signIn = () =>
        request(replicas[0].url)
          .post('/api/v1/dev/tokens')
          .send({
            sub: 'dev-rate',
            roles: ['participant'],
            scope: { level: 'academie', code: 'guyane', academy: 'guyane' },
          });
      expect((await signIn()).status).toBe(201);
      expect((await signIn()).status).toBe(201);
      const third = await signIn();
      expect([third.status, third.body.code]).toEqual([429, 'rate_limited']);
      // an authenticated route is not limited and carries the headers too
      const own = await request(replicas[0].url)
        .get(`/api/v1/attendance/sessions/${session}`)
        .set('authorization', await bearer(alice));
      expect([own.status, own.headers['x-content-type-options'], own.headers['x-powered-by']]).toEqual([
        200,
        'nosniff',
        undefined,
      ]);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  });
});
