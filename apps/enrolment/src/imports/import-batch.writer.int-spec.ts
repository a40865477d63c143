import { SystemClock } from '@forma/domain';
import { MESSAGING_MIGRATIONS, OutboxEventPublisher } from '@forma/messaging';
import { migratedTestDatabase, untilCount } from '@forma/testing';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT_MIGRATIONS } from '../migrations';
import { PeopleRepository } from '../people/people.repository';
import { Placements } from '../registrations/placements.service';
import { RegistrationRepository } from '../registrations/registration.repository';
import { ImportBatchWriter, RunningImport } from './import-batch.writer';
import { ImportJobRepository } from './import-job.repository';
import { Checked } from './import-rows';

// On the real PostgreSQL server: two batches of one import written at once (BatchTurn), the second meeting the
// first's uncommitted people.
describe('an import writing two batches at once', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  let jobs: ImportJobRepository;
  let writer: ImportBatchWriter;
  let job: RunningImport;
  let people: PeopleRepository;
  let registrations: RegistrationRepository;
  let placements: Placements;

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase(
      'enrolment_batches',
      [...MESSAGING_MIGRATIONS, ...ENROLMENT_MIGRATIONS],
      4,
    ));
    const clock = new SystemClock();
    people = new PeopleRepository(clock);
    registrations = new RegistrationRepository(clock);
    jobs = new ImportJobRepository(dataSource);
    placements = new Placements(registrations, people, new OutboxEventPublisher('enrolment', clock), clock);
    writer = new ImportBatchWriter(dataSource, jobs, people, registrations, placements);
    const moduleId = uuidv7();
    const sessionId = uuidv7();
    await dataSource.query(
      `INSERT INTO module_replica (module_id, revision, title, academy) VALUES ($1, 1, 'Module fictif', 'guyane')`,
      [moduleId],
    );
    await dataSource.query(
      `INSERT INTO session_replica (session_id, module_id, module_revision, academy, group_number, capacity, status, slots)
       VALUES ($1, $2, 1, 'guyane', '01', 20, 'open', '[{"date":"2027-01-12","start":"09:00","end":"12:00","kind":"face-to-face"}]')`,
      [sessionId, moduleId],
    );
    job = await newJob(sessionId);
  });

  /** A running import of a Mailexport file into one session. */
  async function newJob(sessionId: string): Promise<RunningImport> {
    const running = { id: uuidv7(), sessionId, academy: 'guyane', actor: 'spec' };
    await jobs.create({
      ...running,
      format: 'mailexport',
      fileName: null,
      sha256: 'x',
      bytes: 1,
      encoding: 'utf-8',
      delimiter: ';',
      runner: 'spec:1',
    });
    return running;
  }

  afterAll(async () => {
    await close?.();
  });

  /** A session of two seats (group `group`, on `date`) and a job of its own, and its lines' target. */
  async function twoSeats(group: string, date: string) {
    const [{ moduleId }] = (await dataSource.query('SELECT module_id AS "moduleId" FROM module_replica')) as {
      moduleId: string;
    }[];
    const session = uuidv7();
    await dataSource.query(
      `INSERT INTO session_replica (session_id, module_id, module_revision, academy, group_number, capacity, status, slots)
       VALUES ($1, $2, 1, 'guyane', $3, 2, 'open', jsonb_build_array(jsonb_build_object('date', $4::text, 'start', '09:00', 'end', '12:00', 'kind', 'face-to-face')))`,
      [session, moduleId, group, date],
    );
    return { session, job: await newJob(session), to: (c: Checked): Checked => ({ ...c, target: session }) };
  }

  /** Transactions of this database waiting for a lock. */
  const waitingForLocks = async () =>
    Number(
      (
        (await dataSource.query(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as { n: string }[]
      )[0].n,
    );

  /** The session's registrations, by mail key. */
  const registrationsOf = async (session: string) =>
    (await dataSource.query(
      `SELECT p.mail_key AS "mailKey", r.kind, r.state FROM registration r JOIN participant p ON p.id = r.participant_id
        WHERE r.session_id = $1 ORDER BY p.mail_key`,
      [session],
    )) as { mailKey: string; kind: string; state: string }[];

  const line = (number: number, name: string): Checked => ({
    row: { number, cells: [name, `${name}@ac-exemple.fr`] },
    person: { mail: `${name}@ac-exemple.fr`, lastName: name.toUpperCase(), firstName: 'Zoé' },
    target: job.sessionId ?? undefined,
  });

  it('holds the second batch until the first commits: a new person both name is made once, the repeated line rejected', async () => {
    // the first batch writes its people (among them a new one), then waits for a turn this test gives it
    let release!: (ok: boolean) => void;
    let firstLocked!: () => void;
    const hasLocked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = writer.write(job, [line(2, 'ana-fictive'), line(3, 'basile-fictif')], [], 1000, {
      previous: new Promise<boolean>((resolve) => (release = resolve)),
      locked: firstLocked,
    });
    await hasLocked;
    // the second batch names the first's new person again (a duplicate line) and a person of its own: it must meet
    // the first's uncommitted insert and wait for it
    const second = writer.write(job, [line(4, 'ana-fictive'), line(5, 'chloe-fictive')], [], 1000, {
      previous: first,
      locked: () => undefined,
    });
    await untilCount(waitingForLocks, 1, 'the second batch waiting for a lock the first holds');
    release(true);
    expect(await first).toBe(true);
    expect(await second).toBe(true);

    const people = (await dataSource.query(`SELECT mail_key AS "mailKey" FROM participant ORDER BY mail_key`)) as {
      mailKey: string;
    }[];
    expect(people.map((p) => p.mailKey)).toEqual([
      'ana-fictive@ac-exemple.fr',
      'basile-fictif@ac-exemple.fr',
      'chloe-fictive@ac-exemple.fr',
    ]);
    expect(
      Number(
        (
          (await dataSource.query('SELECT count(*) AS n FROM registration WHERE import_job_id = $1', [job.id])) as {
            n: string;
          }[]
        )[0].n,
      ),
    ).toBe(3);
    const view = await jobs.view(job.id);
    expect(view).toMatchObject({ rowsRead: 4, accepted: 3, rejected: 1, registrationsCreated: 3, peopleCreated: 3 });
    const rejected = (await dataSource.query(
      'SELECT row_number AS "row", code FROM import_rejection WHERE job_id = $1',
      [job.id],
    )) as { row: number; code: string }[];
    expect(rejected).toEqual([{ row: 4, code: 'duplicate_in_file' }]);
  });

  it('keeps the file’s order for seats: the batch after takes its seats once the one before has taken its own', async () => {
    // a session of two seats and a job of its own
    const { session: small, job: smallJob, to } = await twoSeats('02', '2027-01-13');
    let release!: (ok: boolean) => void;
    let firstLocked!: () => void;
    const hasLocked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = writer.write(smallJob, [to(line(2, 'elise-fictive')), to(line(3, 'fanny-fictive'))], [], 1000, {
      previous: new Promise<boolean>((resolve) => (release = resolve)),
      locked: firstLocked,
    });
    await hasLocked;
    // nobody in common: nothing holds the second batch but its turn
    let secondLocked!: () => void;
    const secondWaits = new Promise<void>((resolve) => (secondLocked = resolve));
    const second = writer.write(smallJob, [to(line(4, 'gaston-fictif'))], [], 1000, {
      previous: first,
      locked: secondLocked,
    });
    await secondWaits;
    release(true);
    expect([await first, await second]).toEqual([true, true]);
    const states = (await registrationsOf(small)).map(({ mailKey, state }) => ({ mailKey, state }));
    expect(states).toEqual([
      { mailKey: 'elise-fictive@ac-exemple.fr', state: 'confirmed' },
      { mailKey: 'fanny-fictive@ac-exemple.fr', state: 'confirmed' },
      { mailKey: 'gaston-fictif@ac-exemple.fr', state: 'waitlisted' },
    ]);
  });

  it('counts the seats taken while it waited for the session’s lock', async () => {
    // a session of two seats; a registration through the API holds its lock and takes a seat while the batch waits for
    // the lock (nothing else holds it back: the file names other people). A count read before the wait would see two
    // free seats
    const { session, job: sessionJob, to } = await twoSeats('03', '2027-01-14');
    let commitApi!: () => void;
    const apiMayCommit = new Promise<void>((resolve) => (commitApi = resolve));
    let apiPlaced!: () => void;
    const apiHasPlaced = new Promise<void>((resolve) => (apiPlaced = resolve));
    const api = dataSource.transaction(async (manager) => {
      const locked = await registrations.lockSession(manager, session);
      const { people: written } = await people.upsert(
        manager,
        [{ mail: 'henri-fictif@ac-exemple.fr', lastName: 'HENRI', firstName: 'Henri' }],
        'spec',
        'spec',
        'organiser',
      );
      await placements.place(
        manager,
        locked,
        [{ person: written.get('henri-fictif@ac-exemple.fr')!, kind: 'designated' }],
        'spec',
      );
      apiPlaced();
      await apiMayCommit;
    });
    await apiHasPlaced;
    const batch = writer.write(sessionJob, [to(line(2, 'ines-fictive')), to(line(3, 'jules-fictif'))], [], 1000);
    // the batch waits for the session's lock
    await untilCount(waitingForLocks, 1, 'the batch waiting for the session’s lock');
    commitApi();
    await api;
    expect(await batch).toBe(true);
    const states = await registrationsOf(session);
    // one seat was left (counted after the lock, not from before the wait) for the file's first person: the next waits
    expect(states).toEqual([
      { mailKey: 'henri-fictif@ac-exemple.fr', kind: 'designated', state: 'confirmed' },
      { mailKey: 'ines-fictive@ac-exemple.fr', kind: 'imported', state: 'confirmed' },
      { mailKey: 'jules-fictif@ac-exemple.fr', kind: 'imported', state: 'waitlisted' },
    ]);
  });

  it('rolls the second batch back when the first stops the job at its cap', async () => {
    const before = Number(((await dataSource.query('SELECT count(*) AS n FROM participant')) as { n: string }[])[0].n);
    const second = await writer.write(job, [line(6, 'damien-fictif')], [], 1000, {
      previous: Promise.resolve(false),
      locked: () => undefined,
    });
    expect(second).toBe(false);
    expect(Number(((await dataSource.query('SELECT count(*) AS n FROM participant')) as { n: string }[])[0].n)).toBe(
      before,
    );
  });
});
