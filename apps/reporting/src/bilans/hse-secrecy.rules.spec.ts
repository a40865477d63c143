import { intruderRanges } from '@forma/testing';
import fc from 'fast-check';
import { conventionArea, ConventionLeaf, decideHse } from './hse-secrecy.rules';
import { areaKey, pathOf } from './secrecy-cube.rules';

// The HSE figures of every place's bilan and of every convention in the BI feed, decided once per académie (issue 23):
// an intruder who reads every published amount learns no withheld one.

/** Conventions of schools in districts and departments, each with its trainers (some in two schools) and its HSE. */
const generatedConventions = fc
  .array(
    fc.record({
      school: fc.integer({ min: 1, max: 8 }),
      trainers: fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { minLength: 0, maxLength: 7 }),
      hse: fc.integer({ min: 1, max: 60 }),
    }),
    { minLength: 1, maxLength: 16 },
  )
  .map((raw) =>
    raw.map((c, i) => ({
      leaf: {
        conventionId: `c${i}`,
        department: c.school <= 4 ? '2A' : '2B',
        district: `d${Math.ceil(c.school / 2)}`,
        uai: `u${c.school}`,
        trainerIds: c.trainers.map((t) => `t${t}`),
      } satisfies ConventionLeaf,
      // no trainer paid, no HSE
      hse: c.trainers.length ? c.hse : 0,
    })),
  );

/** Every amount published (each place's bilan, each convention's cell), and the range of each withheld one. */
async function audit(conventions: { leaf: ConventionLeaf; hse: number }[]) {
  const d = decideHse(conventions.map((c) => c.leaf));
  const units = conventions.map((c) => [...pathOf(c.leaf), conventionArea(c.leaf.conventionId)]);
  const amounts = new Map<string, number>();
  units.forEach((cells, i) =>
    cells.forEach((cell) => amounts.set(cell, (amounts.get(cell) ?? 0) + conventions[i].hse)),
  );
  const published = [...amounts]
    .filter(([cell]) => d.withheld(cell) === null)
    .map(([cell, value]) => ({ cell, figure: 'people' as const, value }));
  const asked = [...amounts.keys()]
    .filter((cell) => d.withheld(cell) !== null)
    .map((cell) => ({ cell, figure: 'people' as const }));
  const ranges = await intruderRanges(units, published, asked);
  return { d, ranges, amounts };
}

describe('HSE secrecy over every place and convention', () => {
  it('withholds an area of fewer than 5 trainers, and what would give it back', () => {
    // district d1: school u1 (2 trainers) and u2 (6); the académie also holds d2 (u3, 7 trainers)
    const leaf = (id: string, uai: string, district: string, trainers: string[]): ConventionLeaf => ({
      conventionId: id,
      department: '2A',
      district,
      uai,
      trainerIds: trainers,
    });
    const d = decideHse([
      leaf('a', 'u1', 'd1', ['t1', 't2']),
      leaf('b', 'u2', 'd1', ['t3', 't4', 't5', 't6', 't7', 't8']),
      leaf('c', 'u3', 'd2', ['t9', 't10', 't11', 't12', 't13', 't14', 't15']),
    ]);
    expect(d.withheld(areaKey('school', 'u1'))).toBe('primary');
    expect(d.withheld(conventionArea('a'))).toBe('primary');
    // u1 = d1 - u2: u2 goes too; then d1 is published (8 trainers), its two schools withheld
    expect(d.withheld(areaKey('school', 'u2'))).toBe('secondary');
    // u2's single convention b would give u2 back
    expect(d.withheld(conventionArea('b'))).toBe('secondary');
    expect(d.withheld(areaKey('district', 'd1'))).toBeNull();
    expect(d.withheld(areaKey('academie', ''))).toBeNull();
    expect(d.trainers(areaKey('district', 'd1'))).toBe(8);
  });

  it('no withheld amount can be pinned from every published one (HiGHS audit over generated académies)', async () => {
    let withheld = 0;
    await fc.assert(
      fc.asyncProperty(generatedConventions, async (conventions) => {
        const { ranges, amounts } = await audit(conventions);
        withheld += ranges.length;
        const pinned = ranges.filter((r) => r.max - r.min < 1 && (amounts.get(r.cell) ?? 0) > 0);
        if (pinned.length) throw new Error(`pinned: ${JSON.stringify(pinned)}`);
      }),
      { numRuns: 150, seed: 20261205 },
    );
    expect(withheld).toBeGreaterThan(100);
  }, 120000);

  it('the audit catches the per-table rule (it can fail)', async () => {
    // per table, u1 (2 trainers) is withheld alone: the district's amount less u2's gives it back
    const conventions = [
      { leaf: { conventionId: 'a', department: '2A', district: 'd1', uai: 'u1', trainerIds: ['t1', 't2'] }, hse: 12 },
      {
        leaf: {
          conventionId: 'b',
          department: '2A',
          district: 'd1',
          uai: 'u2',
          trainerIds: ['t3', 't4', 't5', 't6', 't7'],
        },
        hse: 40,
      },
    ];
    const units = conventions.map((c) => [...pathOf(c.leaf), conventionArea(c.leaf.conventionId)]);
    const perTable = (cell: string) => cell.endsWith(':u1') || cell === conventionArea('a');
    const published = [...new Set(units.flat())].flatMap((cell) =>
      perTable(cell)
        ? []
        : [
            {
              cell,
              figure: 'people' as const,
              value: units.reduce((sum, u, i) => sum + (u.includes(cell) ? conventions[i].hse : 0), 0),
            },
          ],
    );
    const [range] = await intruderRanges(units, published, [{ cell: areaKey('school', 'u1'), figure: 'people' }]);
    expect(range).toMatchObject({ min: 12, max: 12 });
  });
});
