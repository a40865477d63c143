// The first fact end to end, over the real Kafka broker and PostgreSQL: POST /api/v1/modules on the gateway creates a
// module in catalog, catalog publishes ModulePublished through its outbox, reporting projects it, and
// GET /api/v1/reports/offer on the gateway returns it. Each app runs as its own process (compiled main.js), with its
// own
// database, as in production.
import { run } from './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { ensureDatabase, databaseUrlFor, dropDatabase } from '@forma/persistence';
import { eventuallyWhileProgressing } from '@forma/testing';
import type supertest from 'supertest';
import { request } from './checked-request';
import { queryService, RunningApp, startApp } from './app-process';

const services = ['catalog', 'reporting'] as const;

const query = queryService;

const validModule = { ...CANOPROF_M1_EXAMPLE, themes: undefined, trainerType: undefined, origin: undefined };

describe('first fact: a module published through the gateway reaches the offer report', () => {
  const apps: RunningApp[] = [];
  let gateway: string;

  beforeAll(async () => {
    for (const service of services) await ensureDatabase(databaseUrlFor(service));
    const [catalog, reporting] = await Promise.all([startApp('catalog'), startApp('reporting')]);
    apps.push(catalog, reporting);
    const front = await startApp(
      'gateway',
      { CATALOG_URL: catalog.url, REPORTING_URL: reporting.url },
      { healthy: false },
    );
    apps.push(front);
    gateway = front.url;
  }, 420000); // under CI with both cores busy, starting the apps and the broker's topics took over 120 s

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    for (const service of services) await dropDatabase(databaseUrlFor(service));
  });

  async function token(roles: string[], academy = 'guyane'): Promise<string> {
    const answer = await request(gateway)
      .post('/api/v1/dev/tokens')
      .send({ sub: `dev-${roles[0]}`, roles, scope: { level: 'academie', code: academy, academy } })
      .expect(201);
    return answer.body.accessToken;
  }

  it('refuses a caller without a token, with a problem+json in French and a stable code', async () => {
    const answer = await request(gateway).post('/api/v1/modules').send(validModule).expect(401);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(answer.body.detail).toMatch(/Authentification requise/);
  });

  it('refuses a role that may not publish', async () => {
    const answer = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', `Bearer ${await token(['bi-reader'])}`)
      .send(validModule)
      .expect(403);
    expect(answer.body.code).toBe('forbidden_role');
  });

  it('names every offending field of an invalid body, and stores nothing', async () => {
    const answer = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', `Bearer ${await token(['dafpen-admin'])}`)
      .send({ ...validModule, title: 42, kind: 'lecture', durations: { faceToFaceHours: -1 }, colour: 'blue' })
      .expect(400);
    expect(answer.body.code).toBe('validation_failed');
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'title',
        'kind',
        'colour',
        'durations.faceToFaceHours',
        'durations.distanceSynchronousHours',
      ]),
    );
    expect(answer.body.errors.find((e: { field: string }) => e.field === 'colour').message).toBe(
      'colour : champ inconnu',
    );
    expect(await query('catalog', 'SELECT 1 FROM training_module')).toHaveLength(0);
  });

  it('answers invalid JSON with 400 invalid_json', async () => {
    const answer = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', `Bearer ${await token(['dafpen-admin'])}`)
      .set('content-type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(answer.body.code).toBe('invalid_json');
  });

  it('publishes a module, honours Idempotency-Key, and the offer report shows it with the correlation id carried', async () => {
    const admin = await token(['dafpen-admin']);
    const correlationId = `e2e-${run}`;
    const first = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', `Bearer ${admin}`)
      .set('idempotency-key', `create-m1-${run}`)
      .set('x-correlation-id', correlationId)
      .send(validModule)
      .expect(201);
    expect(first.body).toMatchObject({ title: validModule.title, academy: 'guyane', status: 'published', revision: 1 });

    const replay = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', `Bearer ${admin}`)
      .set('idempotency-key', `create-m1-${run}`)
      .send(validModule)
      .expect(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await query('catalog', 'SELECT id FROM training_module')).toHaveLength(1);

    const reused = await request(gateway)
      .post('/api/v1/modules')
      .set('authorization', `Bearer ${admin}`)
      .set('idempotency-key', `create-m1-${run}`)
      .send({ ...validModule, title: 'Another title' })
      .expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');

    const reader = await token(['bi-reader']);
    // reporting builds its projection from the whole topic, other runs' events included: wait while it catches up
    const receivedCount = async () =>
      Number((await query<{ n: string }>('reporting', 'SELECT count(*) AS n FROM received_event'))[0].n);
    // the whole report, page after page: the topic may hold many modules of this académie from earlier runs
    const wholeReport = async (): Promise<{ items: { moduleId: string }[] }> => {
      const items: { moduleId: string }[] = [];
      for (let cursor: string | null = ''; cursor !== null;) {
        const answer: supertest.Response = await request(gateway)
          .get(`/api/v1/reports/offer?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
          .set('authorization', `Bearer ${reader}`)
          .expect(200);
        items.push(...answer.body.items);
        cursor = answer.body.nextCursor;
      }
      return { items };
    };
    const report = await eventuallyWhileProgressing(
      async () => {
        const whole = await wholeReport();
        return whole.items.some((i) => i.moduleId === first.body.id) ? whole : undefined;
      },
      receivedCount,
      'the module in the offer report',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- catalog ---\n${apps[0].output()}\n--- reporting ---\n${apps[1].output()}`);
    });
    expect(report.items.find((i: { moduleId: string }) => i.moduleId === first.body.id)).toMatchObject({
      title: validModule.title,
      academy: 'guyane',
      totalHours: 3,
      revision: 1,
    });

    const [received] = await query<{ envelope: { correlationId: string; actor: { id: string }; academy: string } }>(
      'reporting',
      "SELECT envelope FROM received_event WHERE aggregate_key = $1 AND event_type = 'ModulePublished'",
      [first.body.id],
    );
    expect(received.envelope.correlationId).toBe(correlationId);
    expect(received.envelope.actor.id).toBe('dev-dafpen-admin');
    expect(received.envelope.academy).toBe('guyane');

    const otherAcademy = await request(gateway)
      .get('/api/v1/reports/offer')
      .set('authorization', `Bearer ${await token(['bi-reader'], 'creteil')}`)
      .expect(200);
    expect(otherAcademy.body.items.some((i: { moduleId: string }) => i.moduleId === first.body.id)).toBe(false);
  }, 300000); // waits follow the projection's progress, not a fixed budget

  it('paginates the report with an opaque cursor and refuses a forged one', async () => {
    const reader = await token(['bi-reader']);
    const page = await request(gateway)
      .get('/api/v1/reports/offer?limit=1')
      .set('authorization', `Bearer ${reader}`)
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    const forged = await request(gateway)
      .get('/api/v1/reports/offer?cursor=not-a-cursor')
      .set('authorization', `Bearer ${reader}`)
      .expect(400);
    expect(forged.body.code).toBe('invalid_cursor');
  });

  it('services refuse calls that do not carry the gateway-signed identity', async () => {
    const answer = await request(apps[0].url).post('/api/v1/modules').send(validModule).expect(401);
    expect(answer.body.code).toBe('unauthenticated');
  });

  it('reports health: database, broker, outbox relay and consumer up', async () => {
    for (const app of apps.slice(0, 2)) {
      const answer = await request(app.url).get('/health');
      expect(answer.body.info?.database?.status).toBe('up');
      expect(answer.body.info?.kafka?.status).toBe('up');
      expect(answer.body.info?.outbox?.status).toBe('up');
      expect(answer.status).toBe(200);
    }
    const reporting = await request(apps[1].url).get('/health').expect(200);
    expect(reporting.body.info.consumer.status).toBe('up');
  });
});
