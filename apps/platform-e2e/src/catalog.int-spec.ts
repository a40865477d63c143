// The catalog end to end, over the real Kafka broker and PostgreSQL, through the gateway: the seeds' offer, the offer
// search, prerequisites, sessions under the calendar rules, optimistic locking, revisions and archive, requests, the
// planner, the school-calendar and GAIA imports — and every event the catalog publishes, read back from Kafka.
import { run } from './e2e-environment';
import { EventEnvelope, Topic, uaiCheckLetter } from '@forma/contracts';
import { kafkaConfig } from '@forma/messaging';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { SEED_OFFER } from '@forma/testing';
import iconv from 'iconv-lite';
import { Consumer, Kafka } from 'kafkajs';
import { request } from './checked-request';
import { consumeFromNow, devTokens, queryService, RunningApp, startApp } from './app-process';
import { eventsOn } from './gateway-client';

const uai = (digits: string) => `${digits}${uaiCheckLetter(digits)}`;
const PARIS_SCHOOL = uai('0750101');
const GUYANE_SCHOOL = uai('9730298');

const query = <T>(sql: string, params: unknown[] = []) => queryService<T>('catalog', sql, params);
// a test waits for its events on Kafka up to 120 s (gateway-client eventsOn): in CI the relay and the broker share two
// busy cores
jest.setTimeout(300000);

describe('catalog through the gateway, events on the real broker', () => {
  const apps: RunningApp[] = [];
  const received: EventEnvelope[] = [];
  let drained: (service: string) => Promise<void>;
  let consumer: Consumer;
  let gateway: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await ensureDatabase(databaseUrlFor('catalog'));
    const catalog = await startApp('catalog');
    apps.push(catalog);
    apps.push(await startApp('gateway', { CATALOG_URL: catalog.url }, { healthy: false }));
    gateway = apps[1].url;
    const kafka = new Kafka(kafkaConfig(`e2e-catalog-${run}`));
    consumer = kafka.consumer({ groupId: `e2e-catalog-${run}` });
    await consumer.connect();
    // this run's events only: the broker may hold earlier runs' and `npm start`'s
    ({ drained } = await consumeFromNow(
      kafka,
      consumer,
      [Topic.CatalogModule, Topic.CatalogSession, Topic.CatalogRequest, Topic.CatalogPlan],
      (value) => void received.push(JSON.parse(value)),
    ));
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await consumer?.disconnect();
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabase(databaseUrlFor('catalog'));
  });

  const token = devTokens(() => gateway);
  const admin = (academy = 'paris') => token('dafpen-admin', academy);

  const eventsFor = eventsOn(received);

  it('creates the seeds’ offer (Canoprof kit, ENT grid, m@gistère parcours) and their prerequisites through the API', async () => {
    for (const seed of SEED_OFFER) {
      const answer = await request(gateway)
        .post('/api/v1/modules')
        .set('authorization', await admin())
        .send(seed.body);
      expect([answer.status, answer.body.code]).toEqual([201, undefined]);
      expect(answer.headers.etag).toBe(`"${answer.body.rowVersion}"`);
      ids.set(seed.key, answer.body.id);
    }
    for (const seed of SEED_OFFER.filter((s) => s.requires)) {
      const answer = await request(gateway)
        .put(`/api/v1/modules/${ids.get(seed.key)}/prerequisites`)
        .set('authorization', await admin())
        .set(
          'if-match',
          (
            await request(gateway)
              .get(`/api/v1/modules/${ids.get(seed.key)}`)
              .set('authorization', await admin())
          ).headers.etag,
        )
        .send({ requiredModuleIds: seed.requires?.map((k) => ids.get(k)) })
        .expect(200);
      expect(answer.body.prerequisiteModuleIds).toEqual(seed.requires?.map((k) => ids.get(k)));
    }
    const [{ count }] = await query<{ count: string }>(
      "SELECT count(*) FROM training_module WHERE status = 'published'",
    );
    expect(Number(count)).toBe(SEED_OFFER.length);

    const [published] = await eventsFor(ids.get('canoprof-m1') ?? '', 'ModulePublished');
    expect(published.data).toMatchObject({
      title: 'Canoprof — M1 « starter »',
      origin: 'canope',
      maxParticipantsPerSession: 12,
    });
    const revisedM2 = await eventsFor(ids.get('canoprof-m2') ?? '', 'ModuleRevised');
    expect(revisedM2[0].data).toMatchObject({ prerequisiteModuleIds: [ids.get('canoprof-m1')], revision: 2 });
  });

  it('refuses a prerequisite cycle, naming the modules, and stores nothing', async () => {
    const answer = await request(gateway)
      .put(`/api/v1/modules/${ids.get('canoprof-m1')}/prerequisites`)
      .set('authorization', await admin())
      .set(
        'if-match',
        (
          await request(gateway)
            .get(`/api/v1/modules/${ids.get('canoprof-m1')}`)
            .set('authorization', await admin())
        ).headers.etag,
      )
      .send({ requiredModuleIds: [ids.get('canoprof-m2')] })
      .expect(422);
    expect(answer.body.code).toBe('prerequisite_cycle');
    expect(answer.body.detail).toContain('Canoprof — M2');
    expect(
      await query('SELECT 1 FROM module_prerequisite WHERE module_id = $1', [ids.get('canoprof-m1')]),
    ).toHaveLength(0);
  });

  it('searches the offer: text, filters, sort by duration, cursor pages and the total', async () => {
    const reader = await token('participant');
    const search = async (q: string) =>
      (await request(gateway).get(`/api/v1/offer?${q}`).set('authorization', reader).expect(200)).body;
    expect((await search('q=canoprof')).total).toBe(6);
    expect((await search('profile=parents')).items.map((i: { title: string }) => i.title)).toEqual([
      "Présentation de l'ENT aux parents",
    ]);
    expect((await search('origin=dgesco')).total).toBe(2);
    const distance = await search('modality=distance&sort=duration');
    expect(distance.items.map((i: { durationLabel: string }) => i.durationLabel)).toEqual([
      '2h à distance',
      '3h à distance',
    ]);
    const sixHours = (await search('minHours=6&maxHours=6')).items as { totalHours: number }[];
    expect(sixHours.length).toBeGreaterThan(0); // the seeds hold 6-hour modules: the filter must find them
    expect(sixHours.every((i) => i.totalHours === 6)).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = '';
    do {
      const page = await search(`limit=7&sort=title${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(SEED_OFFER.length);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(SEED_OFFER.length);
    const bad = await request(gateway)
      .get('/api/v1/offer?modality=underwater')
      .set('authorization', reader)
      .expect(400);
    expect(bad.body.errors[0].field).toBe('modality');
  });

  it('filters the offer by kind, theme and GAIA number (dispositif or module), each item with its themes and GAIA identifiers', async () => {
    const reader = await token('participant');
    const search = async (q: string) =>
      (await request(gateway).get(`/api/v1/offer?${q}`).set('authorization', reader).expect(200)).body as {
        total: number;
        items: { title: string; kind: string; themes: string[]; gaia: unknown }[];
      };
    const created = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', await admin())
      .send({
        title: 'Usages du cahier de textes (PAF)',
        kind: 'workshop',
        category: 'pedagogical-use-2',
        modality: 'face-to-face',
        targetProfiles: ['teacher'],
        durations: { faceToFaceHours: 3, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
        themes: ['Cahier de textes numérique'],
        gaia: { dispositif: '26A0750042', moduleNumber: 91807 },
      });
    expect([created.status, created.body.code]).toEqual([201, undefined]);
    const parcours = await search('kind=magistere-parcours');
    expect(parcours.total).toBe(3);
    expect(parcours.items.every((i) => i.kind === 'magistere-parcours')).toBe(true);
    const byTheme = await search(`theme=${encodeURIComponent('cahier de textes numérique')}`);
    expect(byTheme.items.map((i) => i.title)).toEqual(['Usages du cahier de textes (PAF)']);
    expect(byTheme.items[0].themes).toEqual(['Cahier de textes numérique']);
    for (const number of ['26a0750042', '91807']) {
      const byGaia = await search(`gaia=${number}`);
      expect(byGaia.items.map((i) => [i.title, i.gaia])).toEqual([
        ['Usages du cahier de textes (PAF)', { dispositif: '26A0750042', moduleNumber: 91807 }],
      ]);
    }
    expect((await search('gaia=00000')).total).toBe(0);
    const bad = await request(gateway).get('/api/v1/offer?gaia=26A-07').set('authorization', reader).expect(400);
    expect(bad.body.errors[0]).toMatchObject({
      field: 'gaia',
      message: 'gaia : numéro de dispositif ou de module GAIA, chiffres et lettres (20 au plus)',
    });
  });

  it('lists an académie’s drafts to its editors only, out of the published offer until published', async () => {
    const draft = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', await admin())
      .send({
        title: 'Brouillon de la messagerie',
        kind: 'module',
        category: 'communication',
        modality: 'face-to-face',
        targetProfiles: ['teacher'],
        durations: { faceToFaceHours: 2, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 },
        status: 'draft',
      });
    expect([draft.status, draft.body.status]).toEqual([201, 'draft']);
    const drafts = async (caller: string) =>
      (await request(gateway).get('/api/v1/offer/drafts?q=messagerie').set('authorization', caller).expect(200)).body
        .items as { id: string; status: string; publishedAt: string | null }[];
    expect(await drafts(await admin())).toEqual([
      expect.objectContaining({ id: draft.body.id, status: 'draft', publishedAt: null }),
    ]);
    // another académie's editor: none of this académie's drafts; a participant: not offered the route
    expect(await drafts(await admin('guyane'))).toEqual([]);
    await request(gateway)
      .get('/api/v1/offer/drafts')
      .set('authorization', await token('participant'))
      .expect(403);
    const reader = await token('participant');
    const offered = async () =>
      (await request(gateway).get('/api/v1/offer?q=messagerie').set('authorization', reader).expect(200)).body
        .items as { id: string }[];
    expect((await offered()).map((i) => i.id)).not.toContain(draft.body.id);
    await request(gateway)
      .post(`/api/v1/modules/${draft.body.id}/publish`)
      .set('authorization', await admin())
      .expect(200);
    expect((await offered()).map((i) => i.id)).toContain(draft.body.id);
    expect(await drafts(await admin())).toEqual([]);
  });

  it('registers schools by UAI with its check letter; a wrong letter is refused', async () => {
    await request(gateway)
      .put(`/api/v1/reference/schools/${PARIS_SCHOOL}`)
      .set('authorization', await admin())
      .send({ name: 'Atelier Canopé fictif de Paris', city: 'Paris' })
      .expect(200);
    const wrong = `${PARIS_SCHOOL.slice(0, 7)}${PARIS_SCHOOL.endsWith('A') ? 'B' : 'A'}`;
    const answer = await request(gateway)
      .put(`/api/v1/reference/schools/${wrong}`)
      .set('authorization', await admin())
      .send({ name: 'Faux' })
      .expect(400);
    expect(answer.body.errors[0].field).toBe('uai');
    const academies = await request(gateway)
      .get('/api/v1/reference/academies')
      .set('authorization', await admin())
      .expect(200);
    expect(academies.body.find((a: { code: string }) => a.code === 'guyane')).toMatchObject({
      zone: 'guyane',
      holidayRegion: 'GF',
    });
  });

  let sessionId = '';
  const m1Session = {
    slots: [{ date: '2026-01-13', start: '09:00', end: '12:00', kind: 'face-to-face' }],
    placeUai: PARIS_SCHOOL,
    capacity: 12,
    trainers: [{ name: 'Alice Formatrice', mail: 'alice.formatrice@ac-exemple.fr', role: 'trainer' }],
  };

  it('plans a session: calendar rules pass, a single trainer is a warning, SessionScheduled reaches Kafka', async () => {
    const answer = await request(gateway)
      .post(`/api/v1/modules/${ids.get('canoprof-m1')}/sessions`)
      .set('authorization', await admin())
      .send(m1Session)
      .expect(201);
    sessionId = answer.body.id;
    expect(answer.body).toMatchObject({ groupNumber: '01', zone: 'C', status: 'planned', moduleRevision: 1 });
    expect(answer.body.warnings.map((w: { code: string }) => w.code)).toEqual(['fewer_than_two_trainers']);
    const [event] = await eventsFor(sessionId, 'SessionScheduled');
    expect(event.data).toMatchObject({ capacity: 12, placeUai: PARIS_SCHOOL, groupNumber: '01' });
  });

  it('refuses bad sessions with the field and the rule, and stores nothing', async () => {
    const before = (await query('SELECT id FROM training_session')).length;
    const post = async (body: object) =>
      request(gateway)
        .post(`/api/v1/modules/${ids.get('canoprof-m1')}/sessions`)
        .set('authorization', await admin())
        .send({ ...m1Session, ...body });
    const holiday = await post({ slots: [{ date: '2026-05-14', start: '09:00', end: '12:00', kind: 'face-to-face' }] });
    expect([holiday.status, holiday.body.code, holiday.body.errors[0].field]).toEqual([
      422,
      'slot_on_public_holiday',
      'slots[0].date',
    ]);
    expect(holiday.body.detail).toContain('Ascension');
    const backwards = await post({
      slots: [{ date: '2026-01-13', start: '12:00', end: '09:00', kind: 'face-to-face' }],
    });
    expect([backwards.status, backwards.body.code]).toEqual([422, 'slot_end_before_start']);
    const unknownSchool = await post({ placeUai: uai('0759999') });
    expect([unknownSchool.status, unknownSchool.body.code, unknownSchool.body.errors[0].field]).toEqual([
      422,
      'unknown_uai',
      'placeUai',
    ]);
    const zero = await post({ capacity: 0 });
    expect([zero.status, zero.body.errors[0].field]).toEqual([400, 'capacity']);
    const tooMany = await post({ capacity: 40 });
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'capacity_above_module_maximum']);
    expect(await query('SELECT id FROM training_session')).toHaveLength(before);
  });

  it('accepts a planner’s plan in one call: all its sessions, or none when one is refused (named by its index)', async () => {
    // a module of its own: the other tests count the group numbers of canoprof-m1's sessions
    const m1 = SEED_OFFER.find((s) => s.key === 'canoprof-m1')!.body;
    const created = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', await admin())
      .send({ ...m1, title: `${m1.title} (plan accepté)` });
    expect(created.status).toBe(201);
    const moduleId = created.body.id;
    const ofModule = async () =>
      (await query('SELECT id FROM training_session WHERE module_id = $1', [moduleId])).length;
    const before = await ofModule();
    const day = (date: string) => ({
      ...m1Session,
      slots: [{ date, start: '09:00', end: '12:00', kind: 'face-to-face' }],
    });
    const accept = async (second: string) =>
      request(gateway)
        .post(`/api/v1/modules/${moduleId}/sessions/plan`)
        .set('authorization', await admin())
        .send({ sessions: [day('2026-01-15'), day(second)] });
    const refused = await accept('2026-05-14'); // Ascension
    expect([refused.status, refused.body.code, refused.body.errors[0].field]).toEqual([
      422,
      'slot_on_public_holiday',
      'sessions[1].slots[0].date',
    ]);
    expect(refused.body.detail).toMatch(/^Session 2 du plan : .*Ascension/);
    expect(await ofModule()).toBe(before); // the first session, valid, was not kept either
    const accepted = await accept('2026-01-16');
    expect(accepted.status).toBe(201);
    expect(accepted.body.map((s: { slots: { date: string }[] }) => s.slots[0].date)).toEqual([
      '2026-01-15',
      '2026-01-16',
    ]);
    expect(accepted.body.map((s: { groupNumber: string }) => s.groupNumber)).toEqual(['01', '02']);
    expect(await ofModule()).toBe(before + 2);
  });

  it('optimistic locking: of two concurrent moves with the same If-Match, one wins and the other gets 409', async () => {
    const current = await request(gateway)
      .get(`/api/v1/sessions/${sessionId}`)
      .set('authorization', await admin())
      .expect(200);
    const etag = current.headers.etag;
    const move = async (date: string) =>
      request(gateway)
        .patch(`/api/v1/sessions/${sessionId}`)
        .set('authorization', await admin())
        .set('if-match', etag)
        .send({
          slots: [{ date, start: '09:00', end: '12:00', kind: 'face-to-face' }],
          trainers: [...m1Session.trainers, { name: 'Bruno Tuteur', role: 'tutor' }],
        });
    const answers = await Promise.all([move('2026-01-15'), move('2026-01-20')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('version_conflict');
    const winner = answers.find((a) => a.status === 200);
    expect(winner?.body.warnings).toEqual([]);
    const [event] = await eventsFor(sessionId, 'SessionRescheduled');
    expect(event.data).toMatchObject({ changed: ['slots', 'trainers'], slots: winner?.body.slots });
    const missing = await request(gateway)
      .patch(`/api/v1/sessions/${sessionId}`)
      .set('authorization', await admin())
      .send({ capacity: 10 })
      .expect(428);
    expect(missing.body.code).toBe('precondition_required');
  });

  it('opens, cancels and delivers sessions, each announced', async () => {
    const opened = await request(gateway)
      .post(`/api/v1/sessions/${sessionId}/open`)
      .set('authorization', await admin())
      .expect(200);
    expect(opened.body.status).toBe('open');
    await request(gateway)
      .post(`/api/v1/sessions/${sessionId}/cancel`)
      .set('authorization', await admin())
      .send({})
      .expect(400);
    await request(gateway)
      .post(`/api/v1/sessions/${sessionId}/cancel`)
      .set('authorization', await admin())
      .send({ reason: 'Formatrice indisponible' })
      .expect(200);
    expect((await eventsFor(sessionId, 'SessionCancelled'))[0].data).toMatchObject({
      reason: 'Formatrice indisponible',
    });
    const closed = await request(gateway)
      .patch(`/api/v1/sessions/${sessionId}`)
      .set('authorization', await admin())
      .set('if-match', '"99"')
      .send({ capacity: 5 });
    expect([closed.status, closed.body.code]).toEqual([409, 'session_closed']);

    const past = await request(gateway)
      .post(`/api/v1/modules/${ids.get('canoprof-m1')}/sessions`)
      .set('authorization', await admin())
      .send({ ...m1Session, slots: [{ date: '2025-11-18', start: '09:00', end: '12:00', kind: 'face-to-face' }] })
      .expect(201);
    expect(past.body.groupNumber).toBe('02');
    await request(gateway)
      .post(`/api/v1/sessions/${past.body.id}/deliver`)
      .set('authorization', await admin())
      .expect(200);
    expect((await eventsFor(past.body.id, 'SessionDelivered'))[0].data).toMatchObject({
      deliveredHours: 3,
      moduleRevision: 1,
    });
  });

  it('runs at another date: a catalog whose clock stands on 1 July 2027 delivers a session of June 2027 (FORMA_CLOCK)', async () => {
    const june = await request(gateway)
      .post(`/api/v1/modules/${ids.get('canoprof-m1')}/sessions`)
      .set('authorization', await admin())
      .send({ ...m1Session, slots: [{ date: '2027-06-15', start: '09:00', end: '12:00', kind: 'face-to-face' }] })
      .expect(201);
    // today's catalog: the session is not over
    const early = await request(gateway)
      .post(`/api/v1/sessions/${june.body.id}/deliver`)
      .set('authorization', await admin());
    expect(early.body.code).toBe('session_not_over');
    // the same catalog, its clock stopped on 1 July 2027 (same database), behind a gateway of its own
    const later = await startApp('catalog', { FORMA_CLOCK: '2027-07-01T08:00:00Z' });
    const laterGateway = await startApp('gateway', { CATALOG_URL: later.url }, { healthy: false });
    try {
      const delivered = await request(laterGateway.url)
        .post(`/api/v1/sessions/${june.body.id}/deliver`)
        .set('authorization', await token('dafpen-admin', 'paris'))
        .expect(200);
      expect(delivered.body.status).toBe('delivered');
    } finally {
      await Promise.all([laterGateway.stop(), later.stop()]);
    }
    expect((await eventsFor(june.body.id, 'SessionDelivered'))[0].data).toMatchObject({ deliveredHours: 3 });
  });

  it('a revision keeps the old version for planned sessions; an archived module is read-only', async () => {
    const id = ids.get('canoprof-m3') ?? '';
    const scheduled = await request(gateway)
      .post(`/api/v1/modules/${id}/sessions`)
      .set('authorization', await admin())
      .send({
        ...m1Session,
        slots: [
          { date: '2026-03-10', start: '09:00', end: '12:00', kind: 'face-to-face' },
          { date: '2026-03-10', start: '13:30', end: '16:30', kind: 'face-to-face' },
        ],
      })
      .expect(201);
    const current = await request(gateway)
      .get(`/api/v1/modules/${id}`)
      .set('authorization', await admin())
      .expect(200);
    const seed = SEED_OFFER.find((s) => s.key === 'canoprof-m3')?.body;
    const revised = await request(gateway)
      .put(`/api/v1/modules/${id}`)
      .set('authorization', await admin())
      .set('if-match', current.headers.etag)
      .send({ ...seed, durations: { ...seed?.durations, faceToFaceHours: 9 } })
      .expect(200);
    expect(revised.body.revision).toBe(2);
    expect((await eventsFor(id, 'ModuleRevised'))[0].data).toMatchObject({ revision: 2, previousRevision: 1 });
    const old = await request(gateway)
      .get(`/api/v1/modules/${id}/revisions/1`)
      .set('authorization', await admin())
      .expect(200);
    expect(old.body.durations.faceToFaceHours).toBe(6);
    expect(
      (
        await request(gateway)
          .get(`/api/v1/sessions/${scheduled.body.id}`)
          .set('authorization', await admin())
      ).body.moduleRevision,
    ).toBe(1);

    await request(gateway)
      .post(`/api/v1/modules/${id}/archive`)
      .set('authorization', await admin())
      .expect(200);
    expect((await eventsFor(id, 'ModuleArchived')).length).toBe(1);
    const edit = await request(gateway)
      .put(`/api/v1/modules/${id}`)
      .set('authorization', await admin())
      .set('if-match', '"100"')
      .send(seed);
    expect([edit.status, edit.body.code]).toEqual([409, 'module_archived']);
    const plan = await request(gateway)
      .post(`/api/v1/modules/${id}/sessions`)
      .set('authorization', await admin())
      .send(m1Session);
    expect([plan.status, plan.body.code]).toEqual([409, 'module_archived']);
  });

  it('refuses a duplicate GAIA identifier within an académie', async () => {
    const body = { ...SEED_OFFER[0].body, title: 'Module GAIA', gaia: { dispositif: '26A0750001', moduleNumber: 501 } };
    await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', await admin())
      .send(body)
      .expect(201);
    const twice = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', await admin())
      .send(body)
      .expect(409);
    expect([twice.body.code, twice.body.errors[0].field]).toEqual(['duplicate_gaia_identifier', 'gaia']);
  });

  it('requests: a "demande d’ouverture" is refused with a reason (and not twice), and the decision is an event', async () => {
    const ien = await token('ien');
    const created = await request(gateway)
      .post('/api/v1/requests/module-opening')
      .set('authorization', ien)
      .send({
        label: 'Préparer la classe avec le numérique',
        shortLabel: 'Préparer la classe',
        content: 'ENT',
        pedagogicalObjective: 'Préparer une séquence',
        form: 'Stage',
        modality: 'hybrid',
        moduleType: 'magistere-parcours',
        targetPublic: 'Professeurs des écoles',
        pedagogicalOwner: 'IEN fictive',
        plannedHoursPerPerson: 6,
        plannedPlaces: 24,
        trainerCount: 2,
        plannedOrganisation: '2 groupes de 12',
      })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'submitted', kind: 'module-opening' });
    const noReason = await request(gateway)
      .post(`/api/v1/requests/${created.body.id}/decision`)
      .set('authorization', await admin())
      .send({ decision: 'refused' })
      .expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const decided = await request(gateway)
      .post(`/api/v1/requests/${created.body.id}/decision`)
      .set('authorization', await admin())
      .send({ decision: 'refused', reason: 'Places déjà couvertes' })
      .expect(200);
    expect(decided.body.history.map((h: { to: string }) => h.to)).toEqual(['submitted', 'refused']);
    await request(gateway)
      .post(`/api/v1/requests/${created.body.id}/decision`)
      .set('authorization', await admin())
      .send({ decision: 'accepted' })
      .expect(409);
    expect((await eventsFor(created.body.id, 'OpeningRequestDecided'))[0].data).toMatchObject({
      decision: 'refused',
      reason: 'Places déjà couvertes',
      kind: 'module-opening',
    });
    const provision = await request(gateway)
      .post('/api/v1/requests/parcours-provision')
      .set('authorization', ien)
      .send({
        title: 'Algorithmique et programmation',
        origin: 'dgesco',
        synchronousHours: 0,
        asynchronousHours: 3,
        pedagogicalOwner: 'IEN fictive',
      })
      .expect(201);
    expect(provision.body.kind).toBe('parcours-provision');

    // the list the DAFPEN decides from: by state, newest first, a page at a time by the API's cursor
    const list = async (query: string, as = admin) =>
      (
        await request(gateway)
          .get(`/api/v1/requests?${query}`)
          .set('authorization', await as())
          .expect(200)
      ).body as { items: { id: string; status: string; title: string }[]; nextCursor: string | null };
    const mine = [created.body.id, provision.body.id];
    const pending = (await list('status=submitted&limit=200')).items.filter((r) => mine.includes(r.id));
    expect(pending).toEqual([
      expect.objectContaining({ id: provision.body.id, status: 'submitted', title: 'Algorithmique et programmation' }),
    ]);
    const refused = (await list('status=refused&limit=200')).items.filter((r) => mine.includes(r.id));
    expect(refused.map((r) => [r.id, r.status])).toEqual([[created.body.id, 'refused']]);
    // newest first, each page after the one before: the two requests one page each, in that order
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages < 500; pages += 1) {
      const page = await list(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    }
    expect(seen.filter((id) => mine.includes(id))).toEqual([provision.body.id, created.body.id]);
    expect(new Set(seen).size).toBe(seen.length);
    // a cursor that is not one of ours is refused naming it, not a failure of the query
    const forged = Buffer.from(JSON.stringify({ after: 'hier', id: 'x' })).toString('base64url');
    const refusal = await request(gateway)
      .get(`/api/v1/requests?cursor=${forged}`)
      .set('authorization', await admin())
      .expect(400);
    expect([refusal.body.code, refusal.body.errors[0].field]).toEqual(['invalid_cursor', 'cursor']);
  });

  it('plans the ENT training plan (seed 001) by deployment wave: validated line by line, revised under If-Match, scoped, published', async () => {
    const m1 = ids.get('canoprof-m1')!;
    const module = (
      await request(gateway)
        .get(`/api/v1/modules/${m1}`)
        .set('authorization', await admin())
        .expect(200)
    ).body;
    const profile = module.targetProfiles[0];
    const other = [
      'ien',
      'cpd',
      'cpc',
      'erun',
      'school-head',
      'teacher',
      'parents',
      'dsi-collectivite',
      'administrator',
    ].find((p) => !module.targetProfiles.includes(p));
    const line = { moduleId: m1, profile, headcount: 40, sessions: 4, trainers: 2, hours: '12' };
    const wave = {
      schoolYear: '2026-2027',
      code: `V1-${run}`.slice(0, 40),
      label: 'Formation de formateurs',
      startsOn: '2026-09-14',
      endsOn: '2026-11-27',
      trainTheTrainers: true,
      lines: [line],
    };
    const url = '/api/v1/training-plan/waves';
    // every fault named by its line, nothing stored
    const bad = await request(gateway)
      .post(url)
      .set('authorization', await admin())
      .send({ ...wave, endsOn: '2027-09-30', lines: [line, line, { ...line, profile: other }] })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string; rule: string }) => `${e.field} ${e.rule}`)).toEqual([
      'startsOn wave_outside_school_year',
      'lines[1] duplicate_plan_line',
      'lines[2].profile profile_not_targeted',
    ]);
    expect(bad.body.detail ?? bad.body.title).toMatch(/Vague de déploiement refusée/);
    const malformed = await request(gateway)
      .post(url)
      .set('authorization', await admin())
      .send({ ...wave, lines: [{ ...line, hours: '1,5' }] })
      .expect(400);
    expect(malformed.body.errors[0].field).toMatch(/hours/);
    expect(
      (await query<{ n: string }>('SELECT count(*) AS n FROM deployment_wave WHERE code = $1', [wave.code]))[0].n,
    ).toBe('0');
    // another académie's module is not in this académie's offer
    const foreign = await request(gateway)
      .post(url)
      .set('authorization', await admin('guyane'))
      .send(wave)
      .expect(422);
    expect(foreign.body.code).toBe('unknown_module');
    // only the DAFPEN plans; the IEN reads
    await request(gateway)
      .post(url)
      .set('authorization', await token('ien'))
      .send(wave)
      .expect(403);
    const created = await request(gateway)
      .post(url)
      .set('authorization', await admin())
      .send(wave)
      .expect(201);
    expect([created.body.revision, created.headers.etag]).toEqual([1, '"1"']);
    await request(gateway)
      .post(url)
      .set('authorization', await admin())
      .send(wave)
      .expect(409);
    const listed = await request(gateway)
      .get(`${url}?schoolYear=2026-2027`)
      .set('authorization', await token('ien'))
      .expect(200);
    expect(listed.body.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(
      (
        await request(gateway)
          .get(url)
          .set('authorization', await admin('guyane'))
          .expect(200)
      ).body.map((w: { id: string }) => w.id),
    ).not.toContain(created.body.id);
    await request(gateway)
      .get(`${url}/${created.body.id}`)
      .set('authorization', await admin('guyane'))
      .expect(404);
    await request(gateway)
      .put(`${url}/${created.body.id}`)
      .set('authorization', await admin('guyane'))
      .set('if-match', '"1"')
      .send(wave)
      .expect(404);
    // a revision under If-Match; a stale one is refused
    const revised = { ...wave, lines: [{ ...line, headcount: 55 }] };
    const second = await request(gateway)
      .put(`${url}/${created.body.id}`)
      .set('authorization', await admin())
      .set('if-match', '"1"')
      .send(revised)
      .expect(200);
    expect([second.body.revision, second.body.lines[0].headcount]).toEqual([2, 55]);
    expect(
      (
        await request(gateway)
          .put(`${url}/${created.body.id}`)
          .set('authorization', await admin())
          .set('if-match', '"1"')
          .send(revised)
          .expect(409)
      ).body.code,
    ).toBe('version_conflict');
    const events = await eventsFor(created.body.id, 'DeploymentWavePlanned', 2);
    expect(
      events.map((e) => [
        (e.data as { revision: number }).revision,
        (e.data as { lines: { headcount: number }[] }).lines[0].headcount,
      ]),
    ).toEqual([
      [1, 40],
      [2, 55],
    ]);
    expect(events[0].data).toMatchObject({
      academy: 'paris',
      schoolYear: '2026-2027',
      trainTheTrainers: true,
      lines: [{ moduleId: m1, profile, hours: '12' }],
    });
  });

  it('the planner proposes sessions through the gateway and explains an infeasible request', async () => {
    const body = {
      moduleId: ids.get('canoprof-m1'),
      participants: 30,
      from: '2026-01-12',
      to: '2026-01-30',
      trainers: [{ name: 'Alice Formatrice' }, { name: 'Bruno Tuteur' }],
      places: [{ uai: PARIS_SCHOOL, label: 'Atelier Canopé fictif' }],
    };
    const plan = await request(gateway)
      .post('/api/v1/planner/proposals')
      .set('authorization', await admin())
      .send(body)
      .expect(200);
    expect(plan.body).toMatchObject({ feasible: true, sessionCount: 3 });
    const infeasible = await request(gateway)
      .post('/api/v1/planner/proposals')
      .set('authorization', await admin())
      .send({ ...body, participants: 300, to: '2026-01-14' })
      .expect(200);
    expect(infeasible.body).toMatchObject({ feasible: false, reasons: [{ code: 'not_enough_dates' }] });
  });

  it('imports the official school calendar (open data) and answers the days off of a zone', async () => {
    const csv = [
      'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
      'Vacances de Carnaval;Élèves;2026-02-07T03:00:00+00:00;2026-02-16T03:00:00+00:00;Guyane;Guyane;2025-2026',
    ].join('\n');
    const imported = await request(gateway)
      .post('/api/v1/calendar/imports')
      .set('authorization', await admin('guyane'))
      .set('content-type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(imported.body).toMatchObject({
      periods: 1,
      zones: [{ zone: 'guyane', schoolYear: '2025-2026', periods: 1 }],
    });
    const days = await request(gateway)
      .get('/api/v1/calendar/days-off?zone=guyane&region=GF&from=2026-02-09&to=2026-06-10')
      .set('authorization', await admin('guyane'))
      .expect(200);
    expect(days.body).toContainEqual({ date: '2026-02-09', reason: 'vacation', label: 'Vacances de Carnaval' });
    expect(days.body).toContainEqual({
      date: '2026-06-10',
      reason: 'public-holiday',
      label: 'Abolition de l’esclavage',
    });
    const bad = await request(gateway)
      .post('/api/v1/calendar/imports')
      .set('authorization', await admin('guyane'))
      .set('content-type', 'text/csv')
      .send('a;b\n1;2')
      .expect(422);
    expect(bad.body.code).toBe('invalid_calendar_file');
  });

  it('imports GAIA trainings (Windows-1252): creates, rejects bad lines by number, is idempotent, updates a changed line', async () => {
    await request(gateway)
      .put(`/api/v1/reference/schools/${GUYANE_SCHOOL}`)
      .set('authorization', await admin('guyane'))
      .send({ name: 'Rectorat fictif de Guyane' })
      .expect(200);
    const lines = [
      `ACA973|15A0330016|Développer l’usage du numérique|7863|Préparer la classe avec le numérique|4101|01|31/03/2026|08:30|31/03/2026|16:00|E|${GUYANE_SCHOOL} - RECTORAT FICTIF|`,
      `ACA973|15A0330016|Développer l’usage du numérique|7871|Utiliser les ressources numériques (Éduthèque)|4102|01|30/03/2026|08:30|30/03/2026|16:00|E|${GUYANE_SCHOOL} - RECTORAT FICTIF|`,
      'ACA973|15A0330016|ligne tronquée',
      `ACA973|26N0000042|Parcours national fictif|9001|Former à distance|5001|01|02/04/2026|09:00|02/04/2026|12:00|D|à distance|`,
    ];
    const file = iconv.encode(lines.join('\r\n'), 'win1252');
    const send = async (bytes: Buffer, academy = 'guyane') =>
      request(gateway)
        .post('/api/v1/gaia-imports/trainings')
        .set('authorization', await admin(academy))
        .set('content-type', 'application/octet-stream')
        .send(bytes)
        .expect(200);
    const first = await send(file);
    expect(first.body).toMatchObject({
      lines: 4,
      created: 6,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 3, reason: '3 champ(s) au lieu de 14' }],
    });
    const [module] = await query<{ id: string; title: string }>(
      'SELECT id, title FROM training_module WHERE gaia_module_number = 7871',
    );
    expect(module.title).toBe('Utiliser les ressources numériques (Éduthèque)');
    // idempotent: once the first import's events are on Kafka, a re-import adds none about its modules and sessions
    const sessionIds = (
      await query<{ id: string }>('SELECT id FROM training_session WHERE gaia_session_id = ANY($1)', [
        [4101, 4102, 5001],
      ])
    ).map((r) => r.id);
    const keys = new Set([
      ...sessionIds,
      ...(
        await query<{ id: string }>('SELECT id FROM training_module WHERE gaia_module_number = ANY($1)', [
          [7863, 7871, 9001],
        ])
      ).map((r) => r.id),
    ]);
    expect(keys.size).toBe(6);
    for (const id of sessionIds) await eventsFor(id, 'SessionScheduled');
    await drained('catalog');
    const aboutImport = () => received.filter((e) => keys.has(e.key)).length;
    const eventsBefore = aboutImport();

    const again = await send(file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    // the same file from an HTML form (multipart/form-data, field file): the same answer
    const fromForm = await request(gateway)
      .post('/api/v1/gaia-imports/trainings')
      .set('authorization', await admin('guyane'))
      .attach('file', file, 'formations.txt')
      .expect(200);
    expect(fromForm.body).toMatchObject({ lines: 4, created: 0, updated: 0, unchanged: 3, rejected: [{ line: 3 }] });
    await drained('catalog'); // a wrongly published event would have arrived by now
    expect(aboutImport()).toBe(eventsBefore);

    const moved = iconv.encode(
      lines.join('\r\n').replace('4101|01|31/03/2026|08:30|31/03/2026', '4101|01|07/04/2026|08:30|07/04/2026'),
      'win1252',
    );
    expect((await send(moved)).body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [session] = await query<{ id: string; starts_on: Date }>(
      "SELECT id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM training_session WHERE gaia_session_id = 4101",
    );
    expect(String(session.starts_on)).toBe('2026-04-07');
    expect((await eventsFor(session.id, 'SessionRescheduled'))[0].data).toMatchObject({
      changed: ['gaia'],
      gaiaSessionId: 4101,
    });

    // a national dispositif imported by another académie shares its module, not its sessions: GAIA numbers sessions
    // per académie, and Martinique's session 5001 (another date) leaves Guyane's as it was
    await send(
      iconv.encode(
        lines[3].replace('ACA973', 'ACA975').replace('02/04/2026|09:00|02/04/2026', '09/04/2026|09:00|09/04/2026'),
        'win1252',
      ),
      'martinique',
    );
    expect(await query("SELECT 1 FROM training_module WHERE gaia_dispositif = '26N0000042'")).toHaveLength(1);
    const national = await query<{ academy: string; starts_on: string; zone: string }>(
      'SELECT academy, starts_on::text, zone FROM training_session WHERE gaia_session_id = 5001 ORDER BY academy',
    );
    expect(national).toEqual([
      { academy: 'guyane', starts_on: '2026-04-02', zone: 'guyane' },
      { academy: 'martinique', starts_on: '2026-04-09', zone: 'martinique' },
    ]);

    const trainers = await request(gateway)
      .post('/api/v1/gaia-imports/trainers')
      .set('authorization', await admin('guyane'))
      .set('content-type', 'text/plain')
      .send(
        iconv.encode(
          'ACA973|7863|FORMATRICE|Élise|elise.formatrice@ac-exemple.fr|\nACA973|9999|TUTEUR|Bruno|bruno.tuteur@ac-exemple.fr|',
          'win1252',
        ),
      )
      .expect(200);
    expect(trainers.body).toMatchObject({ created: 1, rejected: [{ line: 2 }] });
    expect((await query<{ first_name: string }>('SELECT first_name FROM module_trainer'))[0].first_name).toBe('Élise');

    const notGaia = await request(gateway)
      .post('/api/v1/gaia-imports/trainings')
      .set('authorization', await admin('guyane'))
      .set('content-type', 'text/plain')
      .send('Nom;Mail\nDupont;x@y.fr')
      .expect(422);
    expect(notGaia.body.code).toBe('not_a_gaia_file');
  });

  it('every catalog event on Kafka is a valid envelope with the actor and the académie', async () => {
    // this run's events only: other suites publish on the same topics at the same time (reporting's test with its own
    // source)
    const ours = new Set(
      (
        await query<{ id: string }>(
          'SELECT id::text FROM training_module UNION SELECT id::text FROM training_session UNION SELECT id::text FROM training_request UNION SELECT id::text FROM deployment_wave',
        )
      ).map((r) => r.id),
    );
    const mine = received.filter((e) => ours.has(e.key));
    expect(mine.length).toBeGreaterThan(8); // not vacuous: this run published every type at least once
    const types = new Set(mine.map((e) => e.type));
    for (const type of [
      'ModulePublished',
      'ModuleRevised',
      'ModuleArchived',
      'SessionScheduled',
      'SessionRescheduled',
      'SessionCancelled',
      'SessionDelivered',
      'OpeningRequestDecided',
      'DeploymentWavePlanned',
    ]) {
      expect([type, types.has(type)]).toEqual([type, true]);
    }
    expect(
      mine.filter((e) => !(e.version === 1 && e.source === 'catalog' && e.actor.id.startsWith('dev-') && e.academy)),
    ).toEqual([]);
  });

  it('documents every catalog route in OpenAPI, with examples', async () => {
    const doc = (await request(apps[0].url).get('/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/modules',
      '/api/v1/offer',
      '/api/v1/modules/{moduleId}/sessions',
      '/api/v1/sessions/{id}',
      '/api/v1/planner/proposals',
      '/api/v1/gaia-imports/trainings',
      '/api/v1/calendar/imports',
      '/api/v1/requests/module-opening',
      '/api/v1/reference/schools/{uai}',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(doc.paths['/api/v1/modules'].post.requestBody.content['application/json'].examples.canoprofM1).toBeDefined();
  });
});
