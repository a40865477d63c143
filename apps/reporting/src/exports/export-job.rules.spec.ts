import { assertOwnJob, assertReady, progressOf } from './export-job.rules';

describe('export job rules', () => {
  it('reads progress as steps done of the total, and a percentage', () => {
    expect(progressOf({ stepsDone: 2, stepsTotal: 3 })).toEqual({ done: 2, total: 3, percent: 67 });
    expect(progressOf({ stepsDone: 0, stepsTotal: 0 })).toEqual({ done: 0, total: 0, percent: 0 });
  });

  it('shows a job to its requester only: anyone else, even of its académie, is told it does not exist', () => {
    const job = { id: 'j', academy: 'corse', requestedBy: 'alice' };
    expect(() => assertOwnJob(job, { sub: 'alice', academy: 'corse' }, 'j')).not.toThrow();
    for (const caller of [
      { sub: 'bruno', academy: 'corse' },
      { sub: 'alice', academy: 'guyane' },
    ]) {
      expect(() => assertOwnJob(job, caller, 'j')).toThrow(
        expect.objectContaining({ code: 'export_not_found', kind: 'not_found' }),
      );
    }
    expect(() => assertOwnJob(null, { sub: 'alice', academy: 'corse' }, 'j')).toThrow(
      expect.objectContaining({ code: 'export_not_found' }),
    );
  });

  it('gives the file only once the job is done', () => {
    expect(() => assertReady({ state: 'running' })).toThrow(
      expect.objectContaining({ code: 'export_not_ready', kind: 'conflict' }),
    );
    expect(() => assertReady({ state: 'failed' })).toThrow(expect.objectContaining({ code: 'export_failed' }));
    expect(() => assertReady({ state: 'done' })).not.toThrow();
  });
});
