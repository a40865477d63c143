import { isWithheld, suppress } from './secrecy.rules';

const cells = (counts: Record<string, number>) => Object.entries(counts).map(([key, people]) => ({ key, people }));

describe('statistical secrecy', () => {
  it('publishes every cell of five people or more, and zeros', () => {
    const s = suppress(cells({ a: 5, b: 12, c: 0 }), { totalPublished: true });
    expect([...s.primary, ...s.secondary]).toEqual([]);
    expect(s.total).toBe(false);
  });

  it('withholds a cell under five, and the smallest other one, so that the total does not give it back', () => {
    const table = { teachers: 40, heads: 3, cpe: 7, erun: 9 };
    const s = suppress(cells(table), { totalPublished: true });
    expect([...s.primary]).toEqual(['heads']);
    expect([...s.secondary]).toEqual(['cpe']);
    // what a reader can recover by subtraction: the sum of the hidden cells, never one of them
    const total = Object.values(table).reduce((a, b) => a + b, 0);
    const visible = Object.entries(table)
      .filter(([k]) => !isWithheld(s, k))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(total - visible).toBe(10);
    expect(total - visible).not.toBe(table.heads);
  });

  it('hides more cells until the hidden ones together count five people or more', () => {
    const s = suppress(cells({ a: 1, b: 1, c: 6, d: 30 }), { totalPublished: true });
    expect([...s.primary].sort()).toEqual(['a', 'b']);
    expect([...s.secondary]).toEqual(['c']);
    expect(s.total).toBe(false);
  });

  it('withholds the total when nothing else could cover a small cell', () => {
    const s = suppress(cells({ a: 2, b: 0 }), { totalPublished: true });
    expect([...s.primary]).toEqual(['a']);
    expect(s.total).toBe(true);
  });

  it('needs no secondary suppression when no total is published (the BI cells)', () => {
    const s = suppress(cells({ a: 2, b: 40 }), { totalPublished: false });
    expect([...s.primary]).toEqual(['a']);
    expect([...s.secondary]).toEqual([]);
  });
});
