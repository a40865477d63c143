import fc from 'fast-check';
import { ALL_PROFILES, areaKey, COUNT_FIGURES, CountFigure, CubeLeaf } from './secrecy-cube.rules';
import { decideLinked } from './linked-secrecy.rules';
import { weakFigures } from './test/secrecy-audit';

// The intruder's audit (issue 23): generated académies (random hierarchies, small and large cells, outcomes) are
// published whole, every level and every table, and a linear program (HiGHS) asks, for each sensitive figure, the
// least and the most it can be given everything published. None may be pinned, nor narrowed below the margin.

const PROFILES = ['teacher', 'cpc', 'school-head'];

/**
 * An académie shaped like the benchmark's: each session draws five people from each of four schools that lie in
 * different districts, profiles mixed, four in five completing; a session's people of one school and profile (a unit)
 * are one or two, so no single exchange of units shifts a figure by more than one or two.
 */
function sessionsAcrossSchools(sessions: number, schools: number): CubeLeaf[] {
  const profiles = ['teacher', 'teacher', 'teacher', 'school-head', 'cpe', 'librarian'];
  const leaves = new Map<string, CubeLeaf>();
  for (let s = 1; s <= sessions; s++) {
    for (let p = 0; p < 20; p++) {
      const school = ((s * 7 + Math.floor(p / 5)) % schools) + 1;
      const profile = profiles[p % 6];
      const key = `${s}|${school}|${profile}`;
      const leaf = leaves.get(key) ?? {
        department: `d${school % 2}`,
        district: `c${school % 4}`,
        uai: `u${school}`,
        profile,
        people: 0,
        completions: 0,
        attestations: 0,
        training: { session: `s${s}`, module: `m${s % 5}`, dispositif: null, canope: false },
      };
      const completed = (s * 20 + p) % 5 !== 0;
      leaves.set(key, {
        ...leaf,
        people: leaf.people + 1,
        completions: leaf.completions + (completed ? 1 : 0),
        attestations: leaf.attestations + (completed ? 1 : 0),
      });
    }
  }
  return [...leaves.values()];
}

export const generatedAcademy = fc
  .array(
    fc.record({
      department: fc.constantFrom('971', '972', null),
      district: fc.constantFrom('d1', 'd2', 'd3', 'd4', null),
      uai: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', null),
      profile: fc.constantFrom(...PROFILES),
      people: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 })),
      completed: fc.double({ min: 0, max: 1, noNaN: true }),
      attested: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  // a school belongs to one district, a district to one department: the first leaf naming them decides; one leaf per
  // school and profile
  .map((raw) => {
    const placeOf = new Map<string, { district: string | null; department: string | null }>();
    const departmentOf = new Map<string, string | null>();
    const seen = new Set<string>();
    return raw.flatMap((l): CubeLeaf[] => {
      const district = l.uai !== null && placeOf.has(l.uai) ? placeOf.get(l.uai)!.district : l.district;
      if (district !== null && !departmentOf.has(district)) departmentOf.set(district, l.department);
      const department =
        l.uai !== null && placeOf.has(l.uai)
          ? placeOf.get(l.uai)!.department
          : district === null
            ? l.department
            : departmentOf.get(district)!;
      if (l.uai !== null && !placeOf.has(l.uai)) placeOf.set(l.uai, { district, department });
      const key = `${department}/${district}/${l.uai}/${l.profile}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const completions = Math.floor(l.people * l.completed);
      return [
        {
          department,
          district,
          uai: l.uai,
          profile: l.profile,
          people: l.people,
          completions,
          attestations: Math.floor(completions * l.attested),
        },
      ];
    });
  });

/**
 * Académies whose people also stand in sessions (of modules, in dispositifs, some of Canopé's offer): the places'
 * tables and the trainings' tables (the BI feed's sessions, the bilans of a module, a dispositif, the Canopé DT) are
 * published together, sharing the académie's figures and the people in them.
 */
const MODULES: Record<string, { dispositif: string | null; canope: boolean }> = {
  m1: { dispositif: 'ent', canope: false },
  m2: { dispositif: 'ent', canope: true },
  m3: { dispositif: null, canope: true },
};
export const generatedAcademyWithTrainings = fc
  .tuple(
    generatedAcademy,
    fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 30, maxLength: 30 }),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 30, maxLength: 30 }),
  )
  .map(([leaves, sessions, splits]) =>
    leaves.flatMap((leaf, i): CubeLeaf[] => {
      // a leaf's people split between two sessions (or stay in one): a school's people of one profile follow several
      const first = sessions[i];
      const second = sessions[(i + 7) % sessions.length];
      const parts: [string, CubeLeaf][] =
        splits[i] === 0 || first === second || leaf.people < 2
          ? [[first, leaf]]
          : [
              [
                first,
                {
                  ...leaf,
                  people: Math.ceil(leaf.people / 2),
                  completions: Math.ceil(leaf.completions / 2),
                  attestations: Math.ceil(leaf.attestations / 2),
                },
              ],
              [
                second,
                {
                  ...leaf,
                  people: Math.floor(leaf.people / 2),
                  completions: Math.floor(leaf.completions / 2),
                  attestations: Math.floor(leaf.attestations / 2),
                },
              ],
            ];
      return parts.map(([session, part]) => {
        const module = `m${(session.charCodeAt(0) % 3) + 1}`;
        return { ...part, training: { session, module, ...MODULES[module] } };
      });
    }),
  );

describe('statistical secrecy over linked tables (places x profiles, every level)', () => {
  it('withholds a small cell wherever it appears, and cells around it so that no level gives it back', () => {
    // one school with 2 teachers among large ones: its district, department and académie cannot give it back
    const leaves: CubeLeaf[] = [
      { department: '971', district: 'd1', uai: 's1', profile: 'teacher', people: 2, completions: 0, attestations: 0 },
      { department: '971', district: 'd1', uai: 's1', profile: 'cpc', people: 9, completions: 0, attestations: 0 },
      { department: '971', district: 'd1', uai: 's2', profile: 'teacher', people: 30, completions: 0, attestations: 0 },
      { department: '971', district: 'd1', uai: 's2', profile: 'cpc', people: 12, completions: 0, attestations: 0 },
      { department: '971', district: 'd2', uai: 's3', profile: 'teacher', people: 25, completions: 0, attestations: 0 },
    ];
    const d = decideLinked(leaves);
    expect(d.withheld(areaKey('school', 's1'), 'teacher', 'people')).toBe('primary');
    // the cheapest protection: s1 and s2 exchange teachers and CPCs (a rectangle in d1: its totals stand); only the
    // people move (no one completed: 0 completions is published)
    for (const [school, profile] of [
      ['s1', 'cpc'],
      ['s2', 'teacher'],
      ['s2', 'cpc'],
    ])
      expect(d.withheld(areaKey('school', school), profile, 'people')).toBe('secondary');
    expect(d.withheld(areaKey('school', 's1'), 'teacher', 'completions')).toBeNull();
    expect(d.withheld(areaKey('district', 'd1'), 'teacher', 'people')).toBeNull();
    expect(d.withheld(areaKey('school', 's1'), ALL_PROFILES, 'people')).toBeNull();
    expect(d.withheld(areaKey('academie', ''), ALL_PROFILES, 'people')).toBeNull();
  });

  it('protects completions and those who did not complete, not only people', async () => {
    const leaves: CubeLeaf[] = [
      {
        department: '971',
        district: 'd1',
        uai: 's1',
        profile: 'teacher',
        people: 20,
        completions: 18,
        attestations: 18,
      },
      {
        department: '971',
        district: 'd1',
        uai: 's2',
        profile: 'teacher',
        people: 20,
        completions: 10,
        attestations: 10,
      },
      { department: '971', district: 'd1', uai: 's1', profile: 'cpc', people: 10, completions: 5, attestations: 5 },
      { department: '971', district: 'd1', uai: 's2', profile: 'cpc', people: 10, completions: 5, attestations: 5 },
    ];
    const d = decideLinked(leaves);
    // 2 teachers of s1 did not complete: withheld, with what would give them back
    expect(d.sensitive.get(`${areaKey('school', 's1')}|teacher`)).toEqual(['notCompleted', 'notAttested']);
    expect(await weakFigures(d)).toEqual([]);
  });

  it('no sensitive figure can be pinned, nor narrowed below the margin, from everything published (HiGHS audit)', async () => {
    let audited = 0;
    await fc.assert(
      fc.asyncProperty(generatedAcademy, async (leaves) => {
        const d = decideLinked(leaves);
        audited += d.sensitive.size;
        const weak = await weakFigures(d);
        if (weak.length) throw new Error(`narrowed: ${JSON.stringify(weak)}`);
      }),
      { numRuns: Number(process.env.FORMA_AUDIT_RUNS ?? 150), seed: Number(process.env.FORMA_AUDIT_SEED ?? 20261204) },
    );
    expect(audited).toBeGreaterThan(200);
  }, 120000);

  it('with the trainings published too (sessions, modules, dispositifs, Canopé), no figure is given back across both hierarchies', async () => {
    let audited = 0;
    await fc.assert(
      fc.asyncProperty(generatedAcademyWithTrainings, async (leaves) => {
        const d = decideLinked(leaves);
        audited += [...d.sensitive.keys()].filter((cell) => /^(session|module|dispositif|canope):/.test(cell)).length;
        const weak = await weakFigures(d);
        if (weak.length) throw new Error(`narrowed: ${JSON.stringify(weak)}`);
      }),
      {
        numRuns: Number(process.env.FORMA_AUDIT_RUNS ?? 150) / 2,
        seed: Number(process.env.FORMA_AUDIT_SEED ?? 20261204),
      },
    );
    expect(audited).toBeGreaterThan(100);
  }, 180000);

  it('a session withheld in the feed is not given back by its module minus its other sessions (leak 4)', () => {
    // m1's sessions: a (3 teachers of s1) and b (20 of s2); the module's total and b's would give a back
    const leaves: CubeLeaf[] = [
      {
        department: '971',
        district: 'd1',
        uai: 's1',
        profile: 'teacher',
        people: 3,
        completions: 0,
        attestations: 0,
        training: { session: 'a', module: 'm1', dispositif: null, canope: false },
      },
      {
        department: '971',
        district: 'd1',
        uai: 's2',
        profile: 'teacher',
        people: 20,
        completions: 0,
        attestations: 0,
        training: { session: 'b', module: 'm1', dispositif: null, canope: false },
      },
      {
        department: '971',
        district: 'd2',
        uai: 's3',
        profile: 'teacher',
        people: 30,
        completions: 0,
        attestations: 0,
        training: { session: 'c', module: 'm2', dispositif: null, canope: false },
      },
      {
        department: '971',
        district: 'd2',
        uai: 's4',
        profile: 'teacher',
        people: 25,
        completions: 0,
        attestations: 0,
        training: { session: 'd', module: 'm2', dispositif: null, canope: false },
      },
    ];
    const d = decideLinked(leaves);
    const session = (code: string) => d.withheld(areaKey('session', code), ALL_PROFILES, 'people');
    expect(session('a')).toBe('primary');
    expect([session('b'), d.withheld(areaKey('module', 'm1'), ALL_PROFILES, 'people')]).toContain('secondary');
    // and the same people in their school: s1's 3 teachers are withheld there too
    expect(d.withheld(areaKey('school', 's1'), 'teacher', 'people')).toBe('primary');
  });

  it('the audit finds what primary suppression alone gives back (it can fail)', async () => {
    let caught = 0;
    await fc.assert(
      fc.asyncProperty(generatedAcademy, async (leaves) => {
        const d = decideLinked(leaves);
        // keep withheld only the small figures themselves
        const own: Record<string, CountFigure> = {
          people: 'people',
          completions: 'completions',
          attestations: 'attestations',
          notCompleted: 'completions',
          notAttested: 'attestations',
        };
        d.hidden.clear();
        for (const cell of d.cube.unpublished) d.hidden.set(cell, new Set(COUNT_FIGURES));
        for (const [cell, figures] of d.sensitive) d.hidden.set(cell, new Set(figures.map((f) => own[f])));
        if ((await weakFigures(d)).length) caught++;
      }),
      { numRuns: 30, seed: 20261204 },
    );
    expect(caught).toBeGreaterThan(10);
  }, 60000);
  it('where units hold one or two people, moves are applied together: the académie keeps its total, and nothing is narrowed', async () => {
    // without bundles, one school's small figure (3 of 19 heads not completing) fell back on a single school's
    // figure moved alone, up to the académie: its total was withheld (seen at this size and at the benchmark's)
    const d = decideLinked(sessionsAcrossSchools(20, 16));
    expect(d.sensitive.size).toBeGreaterThan(50);
    expect(d.withheld(areaKey('academie', ''), ALL_PROFILES, 'people')).toBeNull();
    expect(await weakFigures(d)).toEqual([]);
  }, 180000);
});
