import { WorkLoop } from './work-loop';

/** A queue of work units the step takes one at a time, and a way to hold a step until the test lets it go. */
function queue(units: number) {
  let left = units;
  const done: number[] = [];
  let hold: (() => void) | undefined;
  const step = jest.fn(async () => {
    if (hold) {
      await new Promise<void>((resolve) => (hold = resolve));
      hold = undefined;
    }
    if (left === 0) return false;
    done.push(left--);
    return true;
  });
  return {
    step,
    done,
    add: (n: number) => (left += n),
    holdNext: () => (hold = () => undefined),
    release: () => hold?.(),
  };
}

describe('WorkLoop, the background jobs’ runner', () => {
  it('runs the step until no work is left', async () => {
    const q = queue(3);
    const loop = new WorkLoop(q.step, { name: 'test', everyMs: 60_000 });
    loop.start(Promise.resolve());
    await new Promise((r) => setImmediate(r));
    await loop.idle();
    expect(q.done).toEqual([3, 2, 1]);
    expect(q.step).toHaveBeenCalledTimes(4); // the last one found nothing
    await loop.stop();
  });

  it('runs once more after a run when woken during it, never two runs at once', async () => {
    const q = queue(0);
    const loop = new WorkLoop(q.step, { name: 'test', everyMs: 60_000 });
    q.holdNext();
    loop.wake();
    q.add(2);
    loop.wake(); // during the held run: noted, not started
    loop.wake();
    q.release();
    await loop.idle();
    expect(q.done).toEqual([2, 1]);
    await loop.stop();
  });

  it('goes on at the next round after a step throws', async () => {
    let calls = 0;
    const step = jest.fn(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return calls < 3;
    });
    const loop = new WorkLoop(step, { name: 'test', everyMs: 60_000 });
    loop.wake();
    await loop.idle();
    expect(calls).toBe(1);
    loop.wake();
    await loop.idle();
    expect(calls).toBe(3);
    await loop.stop();
  });

  it('starts nothing where background jobs are off (a one-shot tool)', async () => {
    const q = queue(2);
    const loop = new WorkLoop(q.step, { name: 'test', everyMs: 60_000 });
    process.env.FORMA_BACKGROUND_JOBS = 'off';
    try {
      loop.start(Promise.resolve());
      await new Promise((r) => setImmediate(r));
      await loop.idle();
      expect(q.step).not.toHaveBeenCalled();
    } finally {
      delete process.env.FORMA_BACKGROUND_JOBS;
      await loop.stop();
    }
  });

  it('does nothing once stopped, and stop waits for the step under way', async () => {
    const q = queue(5);
    const loop = new WorkLoop(q.step, { name: 'test', everyMs: 60_000 });
    q.holdNext();
    loop.wake();
    const stopping = loop.stop();
    q.release();
    await stopping;
    expect(q.done.length).toBeLessThanOrEqual(1);
    loop.wake();
    await loop.idle();
    expect(q.done.length).toBeLessThanOrEqual(1);
  });
});
