import { eventuallyWhileProgressing, untilCount } from './progress';

describe('untilCount', () => {
  it('waits while the count moves, however long that takes', async () => {
    let n = 0;
    await untilCount(async () => Math.min((n += 1), 30), 30, 'thirty', 300);
    expect(n).toBeGreaterThanOrEqual(30);
  });

  it('fails when the count stops moving, naming where it stuck', async () => {
    await expect(untilCount(async () => 3, 5, 'five effects', 300)).rejects.toThrow(
      'five effects: stuck at 3 of 5 for 300 ms',
    );
  });

  it('fails at once when the count passes the target', async () => {
    await expect(untilCount(async () => 6, 5, 'five effects')).rejects.toThrow('counted 6, more than the 5 expected');
  });
});

describe('eventuallyWhileProgressing', () => {
  it('waits past any fixed budget while progress moves, and fails once it stalls', async () => {
    let n = 0;
    const answer = await eventuallyWhileProgressing(
      async () => (n >= 12 ? 'found' : undefined),
      async () => (n += 1),
      'the answer',
      250,
    );
    expect(answer).toBe('found');
    await expect(
      eventuallyWhileProgressing(
        async () => undefined,
        async () => 7,
        'the module',
        300,
      ),
    ).rejects.toThrow('the module: nothing moved for 300 ms (progress stuck at 7)');
  });
});
