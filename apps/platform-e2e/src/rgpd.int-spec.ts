// Personal data (RGPD, issue 13): a person's data exported, then erased across services through PersonErased on the
// real broker, with what is kept said; administrators' reads kept in the access log.
import './e2e-environment';
import { CANOPROF_M1_EXAMPLE } from '@forma/api';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@forma/persistence';
import { eventually, eventuallyWhileProgressing } from '@forma/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applied, queryService, RunningApp, startApp } from './app-process';
import { Caller, gatewayClient, person, uai } from './gateway-client';

const SCHOOL = uai('9730404');
const TRAINER = person('RGPD', { uai: SCHOOL }); // a teacher who is also named as a session's trainer
const admin: Caller = { role: 'dafpen-admin', academy: 'guyane' };
const head: Caller = { role: 'school-head', academy: 'guyane', level: 'school', code: SCHOOL };
const herself: Caller = { role: 'participant', academy: 'guyane', mail: TRAINER.mail.toLowerCase() };

describe('personal data: export, erasure across services, access log', () => {
  const apps: RunningApp[] = [];
  let gateway: string;
  let session: string;
  let participantId: string;
  let convocation: string;
  const mailDir = mkdtempSync(join(tmpdir(), 'forma-rgpd-mail-'));
  const { api } = gatewayClient(() => gateway);

  beforeAll(async () => {
    for (const service of ['catalog', 'enrolment']) await ensureDatabase(databaseUrlFor(service));
    const [catalog, enrolment] = await Promise.all([
      startApp('catalog'),
      startApp('enrolment', { NOTIFICATION_EML_DIR: mailDir, CONVOCATION_POLL_MS: '200' }),
    ]);
    apps.push(
      catalog,
      enrolment,
      await startApp('gateway', { CATALOG_URL: catalog.url, ENROLMENT_URL: enrolment.url }, { healthy: false }),
    );
    gateway = apps[2].url;
    expect((await api('put', `/reference/schools/${SCHOOL}`, { name: 'École fictive RGPD' }, admin)).status).toBe(200);
    const module = await api('post', '/modules', { ...CANOPROF_M1_EXAMPLE, maxParticipantsPerSession: 30 }, admin);
    const planned = await api(
      'post',
      `/modules/${module.body.id}/sessions`,
      {
        slots: [{ date: '2027-02-02', start: '09:00', end: '12:00', kind: 'face-to-face' }],
        capacity: 10,
        trainers: [
          { name: 'Formatrice RGPD', mail: TRAINER.mail, role: 'trainer' },
          { name: 'Tuteur Fictif', mail: 'tuteur.fictif@ac-exemple.fr', role: 'tutor' },
        ],
      },
      admin,
    );
    session = planned.body.id;
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica s JOIN module_replica USING (module_id) JOIN school_replica sr ON sr.uai = $2 WHERE s.session_id = $1',
              [session, SCHOOL],
            )
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'session, module and school replicated',
    );
    const designated = await api(
      'post',
      '/registrations',
      { sessionId: session, kind: 'designated', person: TRAINER },
      head,
    );
    expect(designated.status).toBe(201);
    participantId = designated.body.participantId;
    convocation = join(mailDir, `${designated.body.id}.eml`);
    await eventually(async () => existsSync(convocation) || undefined, 'her convocation as a .eml file');
  }, 420000); // starting the apps: up to 150 s each to listen with both cores busy (app-process.ts)

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    for (const service of ['catalog', 'enrolment']) await dropDatabase(databaseUrlFor(service));
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('exports what enrolment holds of a person, to herself and to whoever reaches her; the administrator’s read is logged', async () => {
    for (const who of [herself, admin]) {
      const exported = await api('get', `/people/${participantId}/export`, undefined, who);
      expect(exported.status).toBe(200);
      expect(exported.body).toMatchObject({
        service: 'enrolment',
        person: { mail: TRAINER.mail, uai: SCHOOL },
        registrations: [{ sessionId: session, state: 'confirmed' }],
      });
      expect(exported.body.registrations[0].transitions).toEqual([expect.objectContaining({ to: 'confirmed' })]);
    }
    const someoneElse: Caller = { role: 'participant', academy: 'guyane', mail: 'autre.personne@ac-exemple.fr' };
    expect((await api('get', `/people/${participantId}/export`, undefined, someoneElse)).status).toBe(404);
    expect((await api('get', `/people/${participantId}`, undefined, admin)).status).toBe(200);
    const log = (await api('get', `/people/${participantId}/access-log`, undefined, admin)).body as {
      purpose: string;
      actor: string;
    }[];
    expect(log.map((l) => l.purpose)).toEqual(['export', 'profile']); // her own export is hers, not an administrator's read
  });

  it('erases her across services: pseudonymised in enrolment, unnamed on the catalog’s session; says what is kept', async () => {
    expect((await api('post', `/people/${participantId}/erasure`, undefined, head)).status).toBe(403);
    const erased = await api('post', `/people/${participantId}/erasure`, undefined, admin);
    expect([erased.status, erased.body.erased]).toEqual([200, true]);
    expect(erased.body.kept.join(' ')).toMatch(/obligation légale/);
    expect(existsSync(convocation)).toBe(false); // the copy of her convocation, which named her, is gone
    const [row] = await queryService<{ mail: string; last_name: string; uai: string | null; erased_at: Date | null }>(
      'enrolment',
      'SELECT mail, last_name, uai, erased_at FROM participant WHERE id = $1',
      [participantId],
    );
    expect(row).toMatchObject({ last_name: 'Personne effacée', uai: null });
    expect(row.mail).not.toContain('rgpd');
    expect(row.erased_at).not.toBeNull();
    expect(
      Number(
        (
          await queryService<{ n: string }>(
            'enrolment',
            "SELECT count(*) AS n FROM registration WHERE participant_id = $1 AND state = 'confirmed'",
            [participantId],
          )
        )[0].n,
      ),
    ).toBe(1);
    // the catalog hears PersonErased over Kafka and unnames her on the session, keeping the other trainer
    const trainers = await eventuallyWhileProgressing(
      async () => {
        const [s] = await queryService<{ trainers: { name: string; mail: string | null }[] }>(
          'catalog',
          'SELECT trainers FROM training_session WHERE id = $1',
          [session],
        );
        // mails are stored lower-cased: compared as typed, the probe answered at once, before the erasure arrived (a
        // race lost under CI with a CPU hog)
        return s.trainers.some((t) => t.mail === TRAINER.mail.toLowerCase()) ? undefined : s.trainers;
      },
      applied('catalog'),
      'the trainer unnamed in the catalog',
    );
    expect(trainers).toEqual([
      { name: 'Formateur effacé (RGPD)', mail: null, role: 'trainer' },
      { name: 'Tuteur Fictif', mail: 'tuteur.fictif@ac-exemple.fr', role: 'tutor' },
    ]);
    // and enrolment's session replica follows (SessionRescheduled): she no longer runs it
    await eventuallyWhileProgressing(
      async () =>
        Number(
          (
            await queryService<{ n: string }>(
              'enrolment',
              'SELECT count(*) AS n FROM session_replica WHERE session_id = $1 AND trainer_mails = $2',
              [session, ['tuteur.fictif@ac-exemple.fr']],
            )
          )[0].n,
        ) === 1,
      applied('enrolment'),
      'the replica without her mail',
    );
    const log = (await api('get', `/people/${participantId}/access-log`, undefined, admin)).body as {
      purpose: string;
    }[];
    expect(log.map((l) => l.purpose)).toEqual(['export', 'profile', 'erasure']);
  });
});
