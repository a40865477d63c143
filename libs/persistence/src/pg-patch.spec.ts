import { readFileSync } from 'node:fs';

// The pg patch applied at install (patches/pg+8.16.3.patch): an array of strings that need no escaping is written as
// one join. The literal must be the one pg 8.16.3 wrote, element by element, for every array: `unpatched` below is its
// loop, copied (without its branch for typed arrays, which the patch leaves to it).
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

function unpatched(val: unknown[]): string {
  let result = '{';
  for (let i = 0; i < val.length; i++) {
    if (i > 0) result = result + ',';
    const element = val[i];
    if (element === null || typeof element === 'undefined') result = result + 'NULL';
    else if (Array.isArray(element)) result = result + unpatched(element);
    else {
      const text = String(prepareValue(element));
      result += '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
    }
  }
  return result + '}';
}

describe('pg array parameters (patched)', () => {
  it('is applied', () => {
    expect(readFileSync(require.resolve('pg/lib/utils'), 'utf8')).toContain('function plainArrayString(val)');
  });

  it('writes the literal pg wrote, with and without nulls, quotes, backslashes or other types', () => {
    const cases: unknown[][] = [
      [],
      ['0193a5c2-7b1e-7c3d-9f00-123456789abc', 'camille.martin@ac-exemple.fr'],
      ['Amélie', 'O’Neil', 'a,b', '{x}', ' espace ', ''],
      ['sans', null, 'nul', undefined],
      [null, null],
      ['guillemet "dedans"', 'barre \\ oblique'],
      ['texte', 3, 4.5],
      [['a', 'b'], ['c']],
      // a hole reads as undefined: NULL, as before
      Object.assign(new Array<unknown>(2), { 1: 'trou' }),
    ];
    for (const value of cases) expect([value, prepareValue(value)]).toEqual([value, unpatched(value)]);
  });

  it('agrees with it on many arrays drawn at random', () => {
    const pool = [null, undefined, 'a', 'b"c', 'd\\e', '', ' é,{}x', '0193a5c2-7b1e-7c3d-9f00-123456789abc', 7, ['x']];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i += 1) {
      const value = Array.from({ length: Math.floor(next() * 6) }, () => pool[Math.floor(next() * pool.length)]);
      expect(prepareValue(value)).toBe(unpatched(value));
    }
  });
});
