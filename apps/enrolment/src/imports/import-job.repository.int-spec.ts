import { MESSAGING_MIGRATIONS } from '@forma/messaging';
import { migratedTestDatabase } from '@forma/testing';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ENROLMENT_MIGRATIONS } from '../migrations';
import { ImportJobRepository } from './import-job.repository';

// On the real PostgreSQL server: which running jobs a sweep fails (issue 12: never another live replica's).
describe('import jobs interrupted by a stopped process', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  let jobs: ImportJobRepository;

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase('enrolment_jobs', [
      ...MESSAGING_MIGRATIONS,
      ...ENROLMENT_MIGRATIONS,
    ]));
    jobs = new ImportJobRepository(dataSource);
  });

  afterAll(async () => {
    await close?.();
  });

  const newJob = async (runner: string) => {
    const id = uuidv7();
    await jobs.create({
      id,
      format: 'mailexport',
      sessionId: null,
      fileName: null,
      sha256: 'x',
      bytes: 1,
      encoding: 'utf-8',
      delimiter: ';',
      academy: 'guyane',
      actor: 'spec',
      runner,
    });
    return id;
  };

  it('fails the running jobs whose heartbeat stopped, and only those', async () => {
    const dead = await newJob('host-a:1');
    const alive = await newJob('host-b:2');
    const done = await newJob('host-a:1');
    await dataSource.query(
      `UPDATE import_job SET heartbeat_at = now() - interval '5 minutes' WHERE id = ANY($1::uuid[])`,
      [[dead, alive, done]],
    );
    await dataSource.query(`UPDATE import_job SET state = 'completed' WHERE id = $1`, [done]);
    await jobs.heartbeat([alive]); // another replica is still working on it

    expect(await jobs.failStale(60)).toEqual([dead]);
    expect((await jobs.view(dead)).state).toBe('failed');
    expect((await jobs.view(dead)).error).toMatch(/relancez-le, il est idempotent/);
    expect((await jobs.view(alive)).state).toBe('running');
    expect((await jobs.view(done)).state).toBe('completed');
    expect(await jobs.failStale(60)).toEqual([]); // a second sweep changes nothing
  });

  it('a job just created is not stale', async () => {
    const fresh = await newJob('host-c:3');
    expect(await jobs.failStale(60)).not.toContain(fresh);
    expect((await jobs.view(fresh)).state).toBe('running');
  });
});
