import { EnrolmentConfirmedV1 } from '@forma/contracts';
import { MESSAGING_MIGRATIONS } from '@forma/messaging';
import { migratedTestDatabase, presentMark } from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { REPORTING_MIGRATIONS } from '../migrations';
import { PresenceProjectionRepository } from './presence-projection.repository';
import { ProjectionRepository } from './projection.repository';

// Confirmations written a run at a time (issue 24: an import's 100,000 reach the bilans in batches) give the tables
// that writing them one by one gives, with presence recorded before its registration and a registration confirmed
// twice in one run, its school and profile changed.
describe('confirmed registrations written set-based, on PostgreSQL', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  const presence = new PresenceProjectionRepository();
  const facts = new ProjectionRepository(presence);
  const academy = 'projection-spec';
  const sessionId = randomUUID();
  const moduleId = randomUUID();
  const people = [0, 1, 2, 3].map(() => ({ registrationId: randomUUID(), participantId: randomUUID() }));

  const mark = (p: (typeof people)[number], markId: string) =>
    presentMark({
      markId,
      registrationId: p.registrationId,
      participantId: p.participantId,
      sessionId,
      moduleId,
      academy,
      recordedAt: '2026-10-05T08:00:00.000Z',
    });
  const confirmation = (p: (typeof people)[number], uai: string, fn: string): EnrolmentConfirmedV1 => ({
    registrationId: p.registrationId,
    sessionId,
    moduleId,
    participantId: p.participantId,
    mail: 'personne.fictive@ac-exemple.fr',
    lastName: 'FICTIF',
    firstName: 'Camille',
    function: fn,
    grade: 'CERTIFIE',
    uai,
    kind: 'individual',
    academy,
    confirmedAt: '2026-10-06T08:00:00.000Z',
  });
  // three people marked before reporting knew their registration; the first confirmed twice in the run (another school
  // and profile the second time), the second twice unchanged, the fourth never marked
  const confirmations = [
    confirmation(people[0], '9790001A', 'ENS'),
    confirmation(people[1], '9790001A', 'ENS'),
    confirmation(people[2], '9790002B', 'ENS'),
    confirmation(people[0], '9790002B', 'DIR'),
    confirmation(people[1], '9790001A', 'ENS'),
    confirmation(people[3], '9790003C', 'CPE'),
  ];

  /** The projections after `write`, in a transaction rolled back afterwards. */
  async function after(write: (manager: EntityManager) => Promise<void>) {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await presence.recordMarks(runner.manager, [mark(people[0], '1'), mark(people[1], '2'), mark(people[2], '3')]);
      await write(runner.manager);
      return {
        digest: await facts.digest(runner.manager),
        buckets: (await runner.manager.query(
          `SELECT uai, profile, sum(attended_marks)::int AS attended, sum(people)::int AS people
             FROM presence_rollup WHERE session_id = $1 GROUP BY uai, profile
            HAVING sum(attended_marks) <> 0 OR sum(people) <> 0 ORDER BY uai, profile`,
          [sessionId],
        )) as unknown[],
        daily: (await runner.manager.query(
          `SELECT profile, sum(attended_marks)::int AS attended FROM presence_daily WHERE academy = $1
            GROUP BY profile HAVING sum(attended_marks) <> 0 ORDER BY profile`,
          [academy],
        )) as unknown[],
      };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase('reporting_projection', [
      ...MESSAGING_MIGRATIONS,
      ...REPORTING_MIGRATIONS,
    ]));
  });

  afterAll(async () => {
    await close?.();
  });

  it('moves presence to each person’s school and profile, one by one as in one run', async () => {
    const oneByOne = await after(async (manager) => {
      for (const c of confirmations) await facts.confirmRegistrations(manager, [c]);
    });
    const asARun = await after((manager) => facts.confirmRegistrations(manager, confirmations));
    expect(asARun.buckets).toEqual([
      { uai: '9790001A', profile: 'ENS', attended: 1, people: 1 },
      { uai: '9790002B', profile: 'DIR', attended: 1, people: 1 },
      { uai: '9790002B', profile: 'ENS', attended: 1, people: 1 },
    ]);
    expect(asARun.daily).toEqual([
      { profile: 'DIR', attended: 1 },
      { profile: 'ENS', attended: 2 },
    ]);
    expect(asARun.digest).toBe(oneByOne.digest);
  });
});
