import type { Figures } from './figures';
import { compare } from './run-all';

const figures = (ratios: Record<string, [number, boolean]>): Figures => ({
  bench: 'import',
  parameters: { rows: 100000 },
  ratios: Object.fromEntries(
    Object.entries(ratios).map(([k, [value, lowerIsBetter]]) => [k, { value, lowerIsBetter, meaning: k }]),
  ),
  machine: { cpus: 2, node: 'v24' },
  figures: {},
});

describe('npm run bench: a run against the committed figures', () => {
  it('flags a ratio worse by more than 15 %, each way round', () => {
    const rows = compare(
      figures({ time: [3.9, true], throughput: [1.6, false], steady: [1, true] }),
      figures({ time: [6.1, true], throughput: [1.2, false], steady: [1.1, true] }),
    );
    expect(rows.map((r) => [r.ratio, r.moved, r.worse])).toEqual([
      ['time', true, true],
      ['throughput', true, true],
      ['steady', false, false],
    ]);
  });

  it('says a better ratio moved without calling it worse, and a new ratio new', () => {
    const [better, fresh] = compare(
      figures({ time: [6.1, true] }),
      figures({ time: [3.9, true], memory: [0.8, true] }),
    );
    expect([better.moved, better.worse]).toEqual([true, false]);
    expect([fresh.change, fresh.worse]).toEqual([undefined, false]);
  });
});
