// Enrolment end to end, over the real Kafka broker and PostgreSQL: the catalog publishes modules, schools and sessions,
// enrolment replicates them from Kafka; registrations race for the last seat through the gateway; prerequisites wait
// for attendance's ParticipantCompleted (published on Kafka as attendance will); participant files of every shape are
// imported as jobs; convocations land as .eml files, once; workshop groups are formed and edited.
import { run } from './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { EventEnvelope, ParticipantCompleted, Topic } from '@forma/contracts';
import { createEnvelope, eventHeaders, kafkaConfig } from '@forma/messaging';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { eventually, eventuallyWhileProgressing, uniqueSuffix } from '@forma/testing';
import iconv from 'iconv-lite';
import { Consumer, Kafka, Partitioners, Producer } from 'kafkajs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type supertest from 'supertest';
import { request } from './checked-request';
import { applied, consumeFromNow, queryService, RunningApp, startApp } from './app-process';
import { Caller, eventsOn, gatewayClient, person as anyone, uai } from './gateway-client';

const SCHOOL = uai('0750202');
const OTHER_SCHOOL = uai('0750303');
const UNKNOWN_SCHOOL = uai('0759999');
const HEAD: Caller = { role: 'school-head', level: 'school', code: SCHOOL }; // designates the staff of SCHOOL (docs/scopes.md)
const person = (i: number | string, extra: object = {}) => anyone(i, { uai: SCHOOL, ...extra });
const slot = (date: string) => ({
  slots: [{ date, start: '09:00', end: '12:00', kind: 'face-to-face' }],
  placeUai: SCHOOL,
});

const query = <T>(sql: string, params: unknown[] = []) => queryService<T>('enrolment', sql, params);
const count = async (sql: string, params: unknown[] = []) => Number((await query<{ n: string }>(sql, params))[0].n);

describe('enrolment through the gateway, replicas and events on the real broker', () => {
  const apps: RunningApp[] = [];
  const received: EventEnvelope[] = [];
  let drained: (service: string) => Promise<void>;
  let consumer: Consumer;
  let producer: Producer;
  let gateway: string;
  let mailDir: string;
  const modules = new Map<string, string>();
  const sessions = new Map<string, string>();
  const { admin, api, putVersioned, importFinished: finished, download } = gatewayClient(() => gateway);
  const eventsFor = eventsOn(received);

  async function createModule(key: string, title: string, requires: string[] = []): Promise<string> {
    const answer = await api('post', '/modules', {
      ...CANOPROF_M1_EXAMPLE,
      title,
      shortTitle: undefined,
      maxParticipantsPerSession: 30,
    });
    expect(answer.status).toBe(201);
    modules.set(key, answer.body.id);
    if (requires.length) {
      await (
        await putVersioned(`/modules/${answer.body.id}/prerequisites`, `/modules/${answer.body.id}`, {
          requiredModuleIds: requires.map((k) => modules.get(k)),
        })
      ).ok;
    }
    return answer.body.id;
  }

  async function createSession(key: string, module: string, capacity: number, date: string): Promise<string> {
    const answer = await api('post', `/modules/${modules.get(module)}/sessions`, {
      ...slot(date),
      capacity,
      trainers: [
        { name: 'Alice Formatrice', role: 'trainer' },
        { name: 'Bruno Tuteur', role: 'tutor' },
      ],
    });
    expect([answer.status, answer.body.code]).toEqual([201, undefined]);
    sessions.set(key, answer.body.id);
    return answer.body.id;
  }

  // the session and its module (two topics: either may arrive first)
  const replicated = (sessionId: string) =>
    eventuallyWhileProgressing(
      async () =>
        (await count(
          'SELECT count(*) AS n FROM session_replica s JOIN module_replica m USING (module_id) WHERE s.session_id = $1',
          [sessionId],
        )) === 1,
      applied('enrolment'),
      `session ${sessionId} and its module replicated`,
    );

  const register = async (sessionKey: string, who: object, kind = 'designated', as: Caller = HEAD) =>
    api('post', '/registrations', { sessionId: sessions.get(sessionKey), kind, person: who }, as);

  async function importFile(bytes: Buffer, query: string, contentType = 'text/csv'): Promise<supertest.Response> {
    return request(gateway)
      .post(`/api/v1/enrolment-imports${query}`)
      .set('authorization', await admin())
      .set('content-type', contentType)
      .send(bytes);
  }

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'forma-convocations-'));
    await ensureDatabase(databaseUrlFor('catalog'));
    await ensureDatabase(databaseUrlFor('enrolment'));
    const [catalog, enrolment] = await Promise.all([
      startApp('catalog'),
      startApp('enrolment', { NOTIFICATION_EML_DIR: mailDir, CONVOCATION_POLL_MS: '200', IMPORT_BATCH_ROWS: '3' }),
    ]);
    apps.push(catalog, enrolment);
    apps.push(
      await startApp('gateway', { CATALOG_URL: catalog.url, ENROLMENT_URL: enrolment.url }, { healthy: false }),
    );
    gateway = apps[2].url;
    const kafka = new Kafka(kafkaConfig(`e2e-enrolment-${run}`));
    consumer = kafka.consumer({ groupId: `e2e-enrolment-${run}` });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await Promise.all([consumer.connect(), producer.connect()]);
    ({ drained } = await consumeFromNow(
      kafka,
      consumer,
      [Topic.EnrolmentRegistration, Topic.EnrolmentGroup, Topic.EnrolmentImport],
      (value) => void received.push(JSON.parse(value)),
    ));

    for (const [code, name] of [
      [SCHOOL, 'École fictive des Tilleuls'],
      [OTHER_SCHOOL, 'Collège fictif des Lilas'],
    ]) {
      expect((await api('put', `/reference/schools/${code}`, { name, city: 'Paris' })).status).toBe(200);
    }
    await createModule('m1', 'Canoprof — M1 « starter » (essai)');
    await createModule('m2', 'Canoprof — M2 « standard » (essai)', ['m1']);
    await createSession('m1-a', 'm1', 3, '2027-01-12');
    await createSession('race', 'm1', 5, '2027-01-14');
    await createSession('m2-a', 'm2', 10, '2027-01-19');
    await createSession('to-cancel', 'm1', 10, '2027-01-21');
    await createSession('imports', 'm1', 30, '2027-01-26');
    await createSession('probe', 'm1', 5, '2027-02-02');
    await createSession('search', 'm1', 3, '2027-02-04');
    for (const id of sessions.values()) await replicated(id);
    await eventuallyWhileProgressing(
      async () =>
        (await count('SELECT count(*) AS n FROM school_replica WHERE uai = ANY($1)', [[SCHOOL, OTHER_SCHOOL]])) === 2,
      applied('enrolment'),
      'schools replicated',
    );
    await eventually(
      async () =>
        (await count('SELECT count(*) AS n FROM module_replica WHERE module_id = $1 AND prerequisite_module_ids = $2', [
          modules.get('m2'),
          [modules.get('m1')],
        ])) === 1,
      'M2 prerequisites replicated',
    );
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabase(databaseUrlFor('catalog'));
    await dropDatabase(databaseUrlFor('enrolment'));
    await rm(mailDir, { recursive: true, force: true });
  });

  it('a designation takes a seat: EnrolmentConfirmed on Kafka, one .eml convocation, never a second', async () => {
    const answer = await register('m1-a', person(1, { uai: SCHOOL }));
    expect([answer.status, answer.body.state]).toEqual([201, 'confirmed']);
    const [confirmed] = await eventsFor(answer.body.id, 'EnrolmentConfirmed');
    expect(confirmed.data).toMatchObject({
      sessionId: sessions.get('m1-a'),
      mail: 'personne.fictive1@ac-exemple.fr',
      kind: 'designated',
      uai: SCHOOL,
      academy: 'paris',
    });
    const file = join(mailDir, `${answer.body.id}.eml`);
    const eml = await eventually(async () => readFile(file, 'utf8').catch(() => undefined), 'convocation file');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?Q\?Convocation_/m);
    expect(eml).toContain('To: personne.fictive1@ac-exemple.fr');
    expect(eml).toContain(`Message-ID: <${answer.body.id}@forma.convocation>`);
    expect(eml).toContain('Journal de bord');
    expect(eml).toContain('Lieu : =C3=89cole fictive des Tilleuls');
    // the same registration again: refused, no second mail
    const again = await register('m1-a', person(1, { mail: ' PERSONNE.Fictive1@AC-exemple.fr ' }));
    expect([again.status, again.body.code]).toEqual([409, 'already_registered']);
    await eventually(
      async () =>
        (
          await query<{ state: string }>('SELECT state FROM convocation WHERE registration_id = $1', [answer.body.id])
        )[0]?.state === 'sent',
      'convocation sent',
    );
    // no second convocation: the dispatcher writes in order, so once a later registration's convocation is written,
    // a second one for the first would have been written before it
    const later = await register('probe', person(30, { uai: SCHOOL }));
    expect(later.status).toBe(201);
    await eventually(
      async () => readFile(join(mailDir, `${later.body.id}.eml`), 'utf8').catch(() => undefined),
      'the later convocation',
    );
    expect((await readdir(mailDir)).filter((f) => f.startsWith(answer.body.id))).toHaveLength(1);
  });

  it('an individual request waits for the organiser, then takes a seat', async () => {
    const asked = await register('m1-a', person(2), 'individual', { role: 'participant', mail: person(2).mail });
    expect([asked.status, asked.body.state]).toEqual([201, 'requested']);
    await eventsFor(asked.body.id, 'EnrolmentRequested');
    const designate = await register('m1-a', person(3), 'designated', 'participant');
    expect(designate.status).toBe(403);
    const accepted = await api('post', `/registrations/${asked.body.id}/accept`);
    expect([accepted.status, accepted.body.state]).toEqual([200, 'confirmed']);
    const history = (await api('get', `/registrations/${asked.body.id}`)).body.history;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['requested', 'confirmed']);
  });

  it('50 concurrent requests for the last seat: exactly one gets it, 49 wait, capacity holds', async () => {
    const race = sessions.get('race') as string;
    for (let i = 0; i < 4; i += 1) expect((await register('race', person(`pre${i}`))).body.state).toBe('confirmed');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => register('race', person(`race${i}`))));
    expect(answers.map((a) => a.status).every((s) => s === 201)).toBe(true);
    const states = answers.map((a) => a.body.state);
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(1);
    expect(states.filter((s) => s === 'waitlisted')).toHaveLength(49);
    expect(
      await count(`SELECT count(*) AS n FROM registration WHERE session_id = $1 AND state = 'confirmed'`, [race]),
    ).toBe(5);
    // positions are 1..49 without gaps
    const positions = answers
      .filter((a) => a.body.state === 'waitlisted')
      .map((a) => a.body.position)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));

    // a seat frees: the first of the waitlist is promoted, and told so
    const first = answers.find((a) => a.body.position === 1)!;
    const holder = answers.find((a) => a.body.state === 'confirmed')!;
    const cancelled = await api(
      'post',
      `/registrations/${holder.body.id}/cancel`,
      { reason: 'withdrawn', comment: 'Empêchement de service' },
      HEAD,
    );
    expect(cancelled.body).toEqual({ id: holder.body.id, state: 'cancelled', promoted: [first.body.id] });
    const [promoted] = await eventsFor(first.body.id, 'EnrolmentConfirmed');
    expect(promoted.data).toMatchObject({ promotedFromWaitlist: true });
    const [gone] = await eventsFor(holder.body.id, 'EnrolmentCancelled');
    expect(gone.data).toMatchObject({ reason: 'withdrawn', previousState: 'confirmed' });
    expect(
      await count(`SELECT count(*) AS n FROM registration WHERE session_id = $1 AND state = 'confirmed'`, [race]),
    ).toBe(5);
    // one registration's events share its key, so they stay in order on one partition
    const keys = received
      .filter((e) => e.data && (e.data as { registrationId?: string }).registrationId === first.body.id)
      .map((e) => e.key);
    expect(new Set(keys)).toEqual(new Set([first.body.id]));
  });

  it('M2 needs M1 completed: refused naming M1, accepted once attendance says ParticipantCompleted', async () => {
    const who = person(10);
    const refused = await register('m2-a', who);
    expect([refused.status, refused.body.code]).toEqual([422, 'prerequisite_missing']);
    expect(refused.body.detail).toContain('Canoprof — M1 « starter » (essai)');
    expect(await count('SELECT count(*) AS n FROM registration WHERE session_id = $1', [sessions.get('m2-a')])).toBe(0);

    const m1 = await register('m1-a', who);
    const [participant] = await query<{ id: string }>('SELECT id FROM participant WHERE mail_key = $1', [who.mail]);
    const fact = createEnvelope('attendance', ParticipantCompleted, {
      registrationId: m1.body.id,
      participantId: participant.id,
      sessionId: sessions.get('m1-a') as string,
      moduleId: modules.get('m1') as string,
      completedAt: new Date().toISOString(),
    });
    await producer.send({
      topic: Topic.AttendanceParticipation,
      messages: [{ key: fact.key, value: JSON.stringify(fact), headers: eventHeaders(fact) }],
    });
    await eventuallyWhileProgressing(
      async () =>
        (await count('SELECT count(*) AS n FROM completion WHERE participant_id = $1', [participant.id])) === 1,
      applied('enrolment'),
      'completion replicated',
    );
    const accepted = await register('m2-a', who);
    expect([accepted.status, accepted.body.state]).toEqual([201, 'confirmed']);
  });

  it('pages a session’s registrations: filters, order, the total and the seats, within the caller’s reach', async () => {
    // five of SCHOOL (three seats, two waitlisted), one of OTHER_SCHOOL (waitlisted)
    for (const i of ['s-a', 's-b', 's-c', 's-d', 's-e'])
      expect((await register('search', person(`${i}`, { lastName: `RECHERCHE-${i}` }))).status).toBe(201);
    const other = await register(
      'search',
      person('s-f', { lastName: 'RECHERCHE-s-f', uai: OTHER_SCHOOL }),
      'designated',
      'dafpen-admin',
    );
    expect([other.status, other.body.state]).toEqual([201, 'waitlisted']);
    const search = async (query: string, as: Caller = 'dafpen-admin') =>
      api('get', `/registrations/search?sessionId=${sessions.get('search')}&${query}`, undefined, as);
    const names = (page: { body: { items: { lastName: string }[] } }) => page.body.items.map((r) => r.lastName);
    const first = await search('sort=name&limit=2');
    expect(first.status).toBe(200);
    expect([first.body.total, first.body.offset, first.body.limit]).toEqual([6, 0, 2]);
    expect(names(first)).toEqual(['RECHERCHE-s-a', 'RECHERCHE-s-b']);
    expect(first.body.seats).toEqual({ capacity: 3, confirmed: 3, waitlisted: 3, requested: 0, left: 0 });
    expect(names(await search('sort=name&limit=2&offset=2'))).toEqual(['RECHERCHE-s-c', 'RECHERCHE-s-d']);
    expect(names(await search('sort=name&order=desc&limit=1'))).toEqual(['RECHERCHE-s-f']);
    const waiting = await search('state=waitlisted&sort=state');
    expect([waiting.body.total, waiting.body.items.map((r: { position: number }) => r.position)]).toEqual([
      3,
      [1, 2, 3],
    ]);
    const found = await search(`q=${encodeURIComponent('s-e')}`);
    expect(names(found)).toEqual(['RECHERCHE-s-e']);
    // a school head reaches its school's people only: the total counts them, not the other school's
    const head = await search('sort=name&limit=50', HEAD);
    expect([head.body.total, names(head)]).toEqual([
      5,
      ['RECHERCHE-s-a', 'RECHERCHE-s-b', 'RECHERCHE-s-c', 'RECHERCHE-s-d', 'RECHERCHE-s-e'],
    ]);
    // a page too large, a sort it does not know: refused, naming the field
    const tooLarge = await search('limit=500');
    expect([tooLarge.status, tooLarge.body.errors[0].field]).toEqual([400, 'limit']);
    const wrongSort = await search('sort=mail');
    expect([wrongSort.status, wrongSort.body.errors[0].field]).toEqual([400, 'sort']);
  });

  it('refuses bad input with codes and fields: invalid mail, unknown school, unknown session', async () => {
    const badMail = await register('m1-a', person(20, { mail: 'pas-une-adresse' }));
    expect([badMail.status, badMail.body.errors[0].field]).toEqual([400, 'person.mail']);
    const unknownUai = await register('m1-a', person(21, { uai: UNKNOWN_SCHOOL }));
    expect([unknownUai.status, unknownUai.body.code]).toEqual([422, 'unknown_uai']);
    const unknownSession = await api(
      'post',
      '/registrations',
      { sessionId: '0196a0c4-0000-7000-8000-00000000dead', kind: 'designated', person: person(22) },
      HEAD,
    );
    expect([unknownSession.status, unknownSession.body.code]).toEqual([404, 'unknown_session']);
    // a session whose module's facts have not arrived yet: refused for now (its prerequisites are unknown), not
    // accepted
    const early = '0196a0c4-0000-7000-8000-00000000beef';
    await query(
      `INSERT INTO session_replica (session_id, module_id, module_revision, academy, group_number, capacity, status, slots)
       VALUES ($1, '0196a0c4-0000-7000-8000-00000000f00d', 1, 'paris', '01', 10, 'open', '[]') ON CONFLICT DO NOTHING`,
      [early],
    );
    const tooEarly = await api(
      'post',
      '/registrations',
      { sessionId: early, kind: 'designated', person: person(23) },
      HEAD,
    );
    expect([tooEarly.status, tooEarly.body.code]).toEqual([503, 'module_not_replicated']);
    expect(
      await count('SELECT count(*) AS n FROM participant WHERE mail_key = ANY($1)', [
        [person(20).mail, person(21).mail, person(22).mail, person(23).mail],
      ]),
    ).toBe(0);
  });

  it('a cancelled session cancels its registrations and refuses new ones', async () => {
    const kept = await register('to-cancel', person(30));
    expect(kept.body.state).toBe('confirmed');
    expect(
      (await api('post', `/sessions/${sessions.get('to-cancel')}/cancel`, { reason: 'Formatrice indisponible' }))
        .status,
    ).toBe(200);
    const [cancel] = await eventsFor(kept.body.id, 'EnrolmentCancelled');
    expect(cancel.data).toMatchObject({
      reason: 'session_cancelled',
      comment: 'Formatrice indisponible',
      previousState: 'confirmed',
    });
    const late = await register('to-cancel', person(31));
    expect([late.status, late.body.code]).toEqual([409, 'session_cancelled']);
  });

  it('imports a Mailexport file in Windows-1252 with ; and names every rejected row; re-importing changes nothing', async () => {
    const lines = [
      '',
      'Nom;Mail;Fonction;Grade',
      'ÉLÈVE-TEST Zoé;zoe.eleve-test@ac-exemple.fr;ENS;P ECOLE CN',
      '"LE FICTIF Anne-Marie";anne-marie.le-fictif@ac-exemple.fr;ENS;"P ECOLE, HC"',
      '',
      'SANSMAIL Paul;pas-un-mail;ENS;P ECOLE CN',
      ';nom.absent@ac-exemple.fr;ENS;P ECOLE CN',
      'ÉLÈVE-TEST Zoé;ZOE.eleve-test@ac-exemple.fr ;ENS;P ECOLE CN',
      "=cmd|' /C calc'!A0;formule@ac-exemple;ENS;P ECOLE CN",
      '"NON-FERMÉ Jean;jean.non-ferme@ac-exemple.fr;ENS;P ECOLE CN', // a quote never closed: this line only is lost
      'PERSONNE Fictive1;personne.fictive1@ac-exemple.fr;ENS;P ECOLE HC',
      'APRÈS Léo;leo.apres@ac-exemple.fr;ENS;P ECOLE CN',
      ';;;',
    ];
    const file = iconv.encode(lines.join('\r\n'), 'win1252');
    const started = await importFile(file, `?sessionId=${sessions.get('imports')}&fileName=mailexport.csv`);
    expect([started.status, started.body.state, started.headers.location]).toEqual([
      202,
      'running',
      `/api/v1/enrolment-imports/${started.body.id}`,
    ]);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({
      state: 'completed',
      format: 'mailexport',
      encoding: 'windows-1252',
      delimiter: ';',
      rowsRead: 9,
      accepted: 4,
      rejected: 5,
      registrationsCreated: 4,
    });
    const rejections = (await api('get', `/enrolment-imports/${started.body.id}/rejections`)).body;
    expect(rejections.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [6, 'invalid_mail'],
      [7, 'missing_name'],
      [8, 'duplicate_in_file'],
      [9, 'invalid_mail'],
      [10, 'unclosed_quote'],
    ]);
    const [zoe] = await query<{ last_name: string; first_name: string; grade: string }>(
      'SELECT last_name, first_name, grade FROM participant WHERE mail_key = $1',
      ['zoe.eleve-test@ac-exemple.fr'],
    );
    expect(zoe).toEqual({ last_name: 'ÉLÈVE-TEST', first_name: 'Zoé', grade: 'P ECOLE CN' });
    // each field the file filled names the import as its source, at one date; an empty field has none
    const [created] = await query<{ field_sources: Record<string, { source: string; at: string }>; empty: string[] }>(
      `SELECT field_sources, array_remove(ARRAY[CASE WHEN coalesce(function, '') = '' THEN 'function' END,
                CASE WHEN coalesce(uai, '') = '' THEN 'uai' END, CASE WHEN coalesce(profile, '') = '' THEN 'profile' END],
                NULL) AS empty
         FROM participant WHERE mail_key = $1`,
      ['zoe.eleve-test@ac-exemple.fr'],
    );
    const sourced = Object.keys(created.field_sources);
    expect(sourced).toEqual(expect.arrayContaining(['mail', 'lastName', 'firstName', 'grade']));
    expect(sourced.filter((field) => created.empty.includes(field))).toEqual([]);
    expect(new Set(Object.values(created.field_sources).map((s) => s.source))).toEqual(
      new Set([`import:${started.body.id}`]),
    );
    expect(new Set(Object.values(created.field_sources).map((s) => s.at)).size).toBe(1);
    // the person known from the API got the file's new grade, with history naming the import
    const [known] = await query<{ id: string; grade: string }>(
      'SELECT id, grade FROM participant WHERE mail_key = $1',
      ['personne.fictive1@ac-exemple.fr'],
    );
    expect(known.grade).toBe('P ECOLE HC');
    const history = (await api('get', `/people/${known.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({
      source: `import:${started.body.id}`,
      changes: { grade: { from: 'P ECOLE CN', to: 'P ECOLE HC' } },
    });

    // the report: French reasons, original cells, the formula neutralised
    const report = await download(`/enrolment-imports/${started.body.id}/rejections.csv`);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    const csv = report.body as string;
    expect(csv).toContain('Adresse mail invalide : « pas-un-mail »');
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).not.toMatch(/(^|;)=cmd/m);

    await eventsFor(started.body.id, 'ImportCompleted');
    await drained('enrolment'); // the first import's registration events have all arrived
    const receivedBeforeReimport = received.length;
    const again = await importFile(file, `?sessionId=${sessions.get('imports')}`);
    expect(await finished(again.body.id)).toMatchObject({
      state: 'completed',
      accepted: 4,
      rejected: 5,
      registrationsCreated: 0,
      peopleCreated: 0,
      peopleUpdated: 0,
    });
    const [completed] = await eventsFor(again.body.id, 'ImportCompleted');
    expect(completed.data).toMatchObject({ rowsRead: 9, registrationsCreated: 0 });
    // ImportCompleted only: the re-import's ImportCompleted is on Kafka, and no registration event came after the first
    // import's
    const registrationEvents = (from: number) =>
      received
        .slice(from)
        .filter(
          (e) =>
            e.type.startsWith('Enrolment') && (e.data as { sessionId?: string }).sessionId === sessions.get('imports'),
        );
    await drained('enrolment'); // a wrongly published registration event would have arrived by now
    expect(registrationEvents(receivedBeforeReimport)).toEqual([]);
  });

  it('imports a UTF-8 spreadsheet with BOM, commas, quotes and UAI; rejects unknown schools', async () => {
    const csv = [
      'NOM,Prénom,Adresse mail,Fonction,Grade,UAI',
      `"DURAND-ESSAI","Léa","lea.durand-essai@ac-exemple.fr","ENS","CERTIFIE CN","${OTHER_SCHOOL}"`,
      `MARTIN-FICTIF,Hugo,hugo.martin-fictif@ac-exemple.fr,DIR,"P ECOLE, CN",${SCHOOL.toLowerCase()}`,
      `INCONNU,Léo,leo.inconnu@ac-exemple.fr,ENS,CERTIFIE CN,${UNKNOWN_SCHOOL}`,
      `MAUVAIS,Uai,mauvais.uai@ac-exemple.fr,ENS,CERTIFIE CN,0750202Z`,
    ].join('\n');
    const started = await importFile(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
      `?sessionId=${sessions.get('imports')}`,
    );
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ format: 'spreadsheet', encoding: 'utf-8', delimiter: ',', accepted: 2, rejected: 2 });
    const rejections = (await api('get', `/enrolment-imports/${started.body.id}/rejections`)).body;
    expect(rejections.map((r: { code: string }) => r.code)).toEqual(['unknown_uai', 'invalid_uai']);
    const [hugo] = await query<{ uai: string; grade: string; first_name: string }>(
      'SELECT uai, grade, first_name FROM participant WHERE mail_key = $1',
      ['hugo.martin-fictif@ac-exemple.fr'],
    );
    expect(hugo).toEqual({ uai: SCHOOL, grade: 'P ECOLE, CN', first_name: 'Hugo' });
  });

  it('takes the file from an HTML form (multipart/form-data) with its fields, and names what is missing or wrong', async () => {
    const csv = iconv.encode(
      ['Nom;Mail;Fonction', 'FORMULAIRE Zoé;zoe.formulaire@ac-exemple.fr;ENS', 'FORMULAIRE Noé;pas-un-mail;ENS'].join(
        '\r\n',
      ),
      'win1252',
    );
    const authorization = await admin();
    const upload = () => request(gateway).post('/api/v1/enrolment-imports').set('authorization', authorization);
    const started = await upload()
      .field('sessionId', sessions.get('imports')!)
      .attach('file', csv, 'liste-formulaire.csv');
    // a two-line file may be read whole before the answer leaves: running or already completed (a CI run saw both)
    expect(started.status).toBe(202);
    expect(['running', 'completed']).toContain(started.body.state);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({
      format: 'mailexport',
      encoding: 'windows-1252',
      delimiter: ';',
      accepted: 1,
      rejected: 1,
    });
    const [stored] = await query<{ file_name: string }>('SELECT file_name FROM import_job WHERE id = $1', [
      started.body.id,
    ]);
    expect(stored.file_name).toBe('liste-formulaire.csv');
    const [zoe] = await query<{ first_name: string }>('SELECT first_name FROM participant WHERE mail_key = $1', [
      'zoe.formulaire@ac-exemple.fr',
    ]);
    expect(zoe.first_name).toBe('Zoé');

    const jobs = await count('SELECT count(*) AS n FROM import_job');
    const noFile = await upload().field('sessionId', sessions.get('imports')!);
    expect([noFile.status, noFile.body.code, noFile.body.errors?.[0]?.field]).toEqual([400, 'missing_file', 'file']);
    const badField = await upload().field('sessionId', 'pas-un-uuid').attach('file', csv, 'liste.csv');
    expect([badField.status, badField.body.code]).toEqual([400, 'validation_failed']);
    expect(badField.body.errors.map((e: { field: string }) => e.field)).toEqual(['sessionId']);
    expect(await count('SELECT count(*) AS n FROM import_job')).toBe(jobs);
  });

  it('documents the whole public API at the gateway’s /docs: its own routes and those it forwards', async () => {
    const doc = (await request(gateway).get('/docs-json').expect(200)).body as {
      paths: Record<string, { post?: { requestBody?: { content: object } } }>;
    };
    for (const path of [
      '/api/v1/enrolment-imports',
      '/api/v1/registrations',
      '/api/v1/modules',
      '/api/v1/reports/offer',
      '/health',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/v1/enrolment-imports'].post?.requestBody?.content ?? {})).toContain(
      'multipart/form-data',
    );
  });

  it('imports the GAIA participants extract: sessions by GAIA id, wrong lines and unknown sessions rejected', async () => {
    // the broker outlives test runs and replicas read it from the beginning: a GAIA session id of this run's own
    const gaiaId = 100000 + Math.floor(Math.random() * 800000);
    const gaiaTraining = `ACA075|26A0750001|Dispositif fictif|7901|Module fictif GAIA|${gaiaId}|01|03/02/2027|09:00|03/02/2027|12:00|E|${SCHOOL} - ÉCOLE FICTIVE|`;
    const trainings = await request(gateway)
      .post('/api/v1/gaia-imports/trainings')
      .set('authorization', await admin())
      .set('content-type', 'application/octet-stream')
      .send(iconv.encode(gaiaTraining, 'win1252'));
    expect([trainings.status, trainings.body.rejected]).toEqual([200, []]);
    await eventuallyWhileProgressing(
      async () =>
        (await count(
          'SELECT count(*) AS n FROM session_replica JOIN module_replica USING (module_id) WHERE gaia_session_id = $1',
          [gaiaId],
        )) === 1,
      applied('enrolment'),
      'GAIA session and its module replicated',
    );
    const lines = [
      `ACA075|${gaiaId}|GÉRARD-FICTIF|Amélie|amelie.gerard-fictif@ac-exemple.fr`,
      `ACA075|${gaiaId}|BERNARD-ESSAI|Noël|noel.bernard-essai@ac-exemple.fr|`,
      'ACA075|99|PERDU|Jean|jean.perdu@ac-exemple.fr',
      `ACA075|${gaiaId}|TROP|Court`,
    ];
    const started = await importFile(iconv.encode(lines.join('\r\n'), 'win1252'), '', 'text/plain');
    const job = await finished(started.body.id);
    expect(job).toMatchObject({
      format: 'gaia',
      encoding: 'windows-1252',
      rowsRead: 4,
      accepted: 2,
      rejected: 2,
      sessionId: null,
    });
    const rejections = (await api('get', `/enrolment-imports/${started.body.id}/rejections`)).body;
    expect(rejections.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [3, 'unknown_session'],
      [4, 'wrong_field_count'],
    ]);
    const [amelie] = await query<{ first_name: string }>('SELECT first_name FROM participant WHERE mail_key = $1', [
      'amelie.gerard-fictif@ac-exemple.fr',
    ]);
    expect(amelie.first_name).toBe('Amélie');
  });

  it('writes two batches at once and keeps the file’s order: a line repeated in the next batch is a duplicate, each person made once', async () => {
    // enrolment runs here with batches of 3 lines: the batch after writes its people while the one before commits
    const tag = uniqueSuffix();
    const line = (name: string) => `${name.toUpperCase()}-LOT ${name};${name}.${tag}@ac-exemple.fr;ENS;P ECOLE CN`;
    const lines = ['Nom;Mail;Fonction;Grade', ...['a', 'b', 'c', 'a', 'd', 'e', 'd', 'f', 'g'].map(line)];
    const started = await importFile(Buffer.from(lines.join('\n')), `?sessionId=${sessions.get('imports')}`);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ state: 'completed', rowsRead: 9, accepted: 7, rejected: 2, registrationsCreated: 7 });
    const rejections = (await api('get', `/enrolment-imports/${started.body.id}/rejections`)).body;
    expect(rejections.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [5, 'duplicate_in_file'],
      [8, 'duplicate_in_file'],
    ]);
    const made = await query<{ n: string }>(
      `SELECT count(*) AS n FROM participant p JOIN registration r ON r.participant_id = p.id
        WHERE p.mail_key LIKE $1 AND r.import_job_id = $2`,
      [`%.${tag}@ac-exemple.fr`, started.body.id],
    );
    expect(Number(made[0].n)).toBe(7);
  });

  it('refuses a file that is not CSV whole, and creates no job', async () => {
    const jobs = await count('SELECT count(*) AS n FROM import_job');
    const pdf = await importFile(
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      `?sessionId=${sessions.get('imports')}`,
      'application/pdf',
    );
    expect([pdf.status, pdf.body.code]).toEqual([415, 'not_csv']);
    const noMail = await importFile(
      Buffer.from('Nom;Prénom;Téléphone\nA;B;0102030405\n'),
      `?sessionId=${sessions.get('imports')}`,
    );
    expect([noMail.status, noMail.body.code]).toEqual([422, 'missing_column']);
    expect(noMail.body.detail).toContain('Mail');
    const noSession = await importFile(Buffer.from('Nom;Mail\nA B;a@b.fr\n'), '');
    expect([noSession.status, noSession.body.code]).toEqual([422, 'missing_session']);
    expect(await count('SELECT count(*) AS n FROM import_job')).toBe(jobs);
  });

  it('forms workshop groups through the gateway, announces them, and takes a hand edit under If-Match', async () => {
    const teachers = Array.from({ length: 14 }, (_, i) => ({
      key: `atelier${i}@ac-exemple.fr`,
      name: `Enseignant Atelier ${i}`,
      concerns: [i % 2 ? 'Oral' : 'Différenciation'],
      discipline: ['Lettres', 'Mathématiques', 'SVT'][i % 3],
      experience: i % 4 ? 'confirmé' : 'débutant',
      catalyst: i < 2,
    }));
    const created = await api('post', '/workshop-plans', {
      title: 'Temps 2 — collège fictif',
      rounds: 2,
      teachers,
      workshops: [
        { code: 'A1', title: 'Capsules vidéo', concern: 'Différenciation', rounds: [1, 2] },
        { code: 'A2', title: 'Baladodiffusion', concern: 'Oral', rounds: [1, 2] },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.groups.length).toBeGreaterThan(1);
    expect(created.body.groups.every((g: { members: unknown[] }) => g.members.length <= 6)).toBe(true);
    const formed = await eventsFor(created.body.id, 'GroupFormed', created.body.groups.length);
    expect(formed[0].data).toMatchObject({ planId: created.body.id, planVersion: 1 });
    const target = created.body.groups.find((g: { members: unknown[] }) => g.members.length < 6);
    const mover = created.body.groups
      .find((g: { number: number }) => g.number !== target.number)
      .members.find((m: { catalyst: boolean }) => !m.catalyst);
    const path = `/api/v1/workshop-plans/${created.body.id}`;
    const edited = await request(gateway)
      .patch(path)
      .set('authorization', await admin())
      .set('if-match', created.headers.etag)
      .send({ moves: [{ key: mover.key, toGroup: target.number }] });
    expect([edited.status, edited.headers.etag]).toEqual([200, '"2"']);
    const stale = await request(gateway)
      .patch(path)
      .set('authorization', await admin())
      .set('if-match', created.headers.etag)
      .send({ moves: [{ key: mover.key, toGroup: 1 }] });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    await eventsFor(created.body.id, 'GroupFormed', created.body.groups.length + 2);
  });
});
