import { MESSAGING_MIGRATIONS } from '@forma/messaging';
import { migratedTestDatabase } from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { REPORTING_MIGRATIONS } from '../migrations';
import { ExportJobRepository } from './export-job.repository';

// Export jobs' claims on the shared runner (issue 24): two instances never take one job, a dead process's claim is
// taken again once its lease is over, and every taking is counted.
describe('export job claims, on PostgreSQL', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  const jobs = new ExportJobRepository();
  const academy = `claims-${randomUUID().slice(0, 8)}`;
  const create = async () => {
    const id = randomUUID();
    await jobs.create(dataSource.manager, {
      id,
      academy,
      requestedBy: 'spec',
      level: 'academie',
      code: academy,
      label: 'Académie fictive',
      asOf: null,
      period: null,
      format: 'csv',
      stepsTotal: 3,
    });
    return id;
  };

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase(
      'reporting_claims',
      [...MESSAGING_MIGRATIONS, ...REPORTING_MIGRATIONS],
      12,
    ));
  });

  afterAll(async () => {
    await close?.();
  });

  it('gives each of 5 waiting jobs to exactly one of 10 concurrent claims', async () => {
    const ids = new Set(await Promise.all(Array.from({ length: 5 }, create)));
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => dataSource.transaction((m) => jobs.claimNext(m, 600))),
    );
    const taken = claims.filter((c) => c !== undefined).map((c) => c!.id);
    expect(taken.sort()).toEqual([...ids].sort());
    expect(await jobs.claimNext(dataSource.manager, 600)).toBeUndefined();
  });

  it('takes a claim again once its lease is over, counting the attempts', async () => {
    const id = await create();
    expect(await jobs.claimNext(dataSource.manager, 600)).toEqual({ id, attempts: 1 });
    expect(await jobs.claimNext(dataSource.manager, 600)).toBeUndefined(); // its process holds it
    await dataSource.query("UPDATE export_job SET claimed_at = now() - interval '11 minutes' WHERE id = $1", [id]);
    expect(await jobs.claimNext(dataSource.manager, 600)).toEqual({ id, attempts: 2 });
  });
});
