import { DEFAULT_ITEMS, groupResult, moduleAggregate, validAnswers } from './evaluation.rules';

const all = (value: number) => Object.fromEntries(DEFAULT_ITEMS.map((i) => [i.key, value]));
const tallies = (answers: Record<string, number>[]) =>
  DEFAULT_ITEMS.flatMap((item) =>
    [1, 2, 3, 4].map((value) => ({
      item: item.key,
      value,
      count: answers.filter((a) => a[item.key] === value).length,
    })),
  );

describe('anonymous evaluation', () => {
  it('takes a complete set of answers on the scale, nothing else', () => {
    expect(validAnswers(DEFAULT_ITEMS, all(3))).toEqual(all(3));
    expect(() => validAnswers(DEFAULT_ITEMS, { ...all(3), 'device-reliability': 5 })).toThrow(
      expect.objectContaining({ code: 'invalid_answers' }),
    );
    expect(() => validAnswers(DEFAULT_ITEMS, { ...all(3), name: 'Camille' })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ rule: 'unknown_item' })] }),
    );
  });

  it('suppresses a group of fewer than 5, without telling its size', () => {
    const four = groupResult(DEFAULT_ITEMS, 4, tallies([all(1), all(2), all(3), all(4)]));
    expect(four).toMatchObject({ suppressed: true, respondents: null });
    expect(JSON.stringify(four)).not.toMatch(/"count|counts|mean/);
    const five = groupResult(DEFAULT_ITEMS, 5, tallies([all(1), all(2), all(3), all(4), all(4)]));
    expect(five).toMatchObject({ suppressed: false, respondents: 5 });
    if (!five.suppressed)
      expect(five.items[0]).toMatchObject({ counts: { '1': 1, '2': 1, '3': 1, '4': 2 }, mean: 2.8 });
  });

  it('never lets a suppressed session be recovered from a module total minus the sessions shown', () => {
    const big = { closed: true, respondents: 6, tallies: tallies(Array.from({ length: 6 }, () => all(4))) };
    const small = { closed: true, respondents: 3, tallies: tallies([all(1), all(1), all(2)]) };
    const open = { closed: false, respondents: 7, tallies: tallies(Array.from({ length: 7 }, () => all(2))) };
    const aggregate = moduleAggregate(DEFAULT_ITEMS, [big, small, open]);
    expect(aggregate).toMatchObject({ sessionsIncluded: 1, sessionsLeftOut: 2 });
    // the module total equals the one session shown: subtracting it leaves nothing of the small or the open one
    expect(aggregate.result).toEqual(groupResult(DEFAULT_ITEMS, big.respondents, big.tallies));
  });
});
