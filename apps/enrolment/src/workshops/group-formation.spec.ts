import { formGroups, moveTeacher, PlanInput, PlanInputError, TeacherInput } from './group-formation';

const DISCIPLINES = ['Lettres', 'Mathématiques', 'Histoire-géographie', 'SVT', 'Anglais', 'EPS', 'Technologie'];
const CONCERNS = ['Différenciation', 'Oral', 'Autonomie', 'Évaluation'];

/** 31 fictitious teachers of a collège, 4 catalysts, concerns as a questionnaire would give them. */
function teachers(): TeacherInput[] {
  return Array.from({ length: 31 }, (_, i) => ({
    key: `enseignant${String(i + 1).padStart(2, '0')}@ac-exemple.fr`,
    name: `Enseignant Fictif ${i + 1}`,
    concerns: [CONCERNS[i % 4], CONCERNS[(i + 1) % 4]],
    discipline: DISCIPLINES[i % DISCIPLINES.length],
    experience: i % 3 === 0 ? 'débutant' : 'confirmé',
    catalyst: i % 9 === 0, // one per concern: 0, 9, 18, 27
  }));
}

const input = (): PlanInput => ({
  rounds: 3,
  teachers: teachers(),
  workshops: [
    { code: 'A1', title: 'Capsules vidéo', concern: 'Différenciation', rounds: [1, 2, 3] },
    { code: 'A2', title: 'Baladodiffusion', concern: 'Oral', rounds: [1, 2, 3] },
    { code: 'A3', title: 'Plan de travail numérique', concern: 'Autonomie', rounds: [1, 2] },
    { code: 'A4', title: 'Évaluation par compétences', concern: 'Évaluation', rounds: [1, 2] },
  ],
});

describe('workshop groups (seed 004)', () => {
  it('forms groups of at most 6 that share a concern, each with a catalyst where one is available', () => {
    const plan = formGroups(input());
    const placed = plan.groups.flatMap((g) => g.members.map((m) => m.key));
    expect(placed.sort()).toEqual(
      teachers()
        .map((t) => t.key)
        .sort(),
    );
    const byKey = new Map(teachers().map((t) => [t.key, t]));
    for (const g of plan.groups) {
      expect(g.members.length).toBeLessThanOrEqual(6);
      for (const m of g.members) expect(byKey.get(m.key)?.concerns).toContain(g.concern);
      if (g.catalyst) expect(g.members.find((m) => m.key === g.catalyst)?.catalyst).toBe(true);
    }
    // 4 catalysts, each in a different group
    const catalysts = plan.groups.filter((g) => g.catalyst);
    expect(catalysts).toHaveLength(4);
    const withoutCatalyst = plan.groups.filter((g) => !g.catalyst);
    expect(withoutCatalyst.length).toBeGreaterThan(0); // the fixture has more groups than catalysts
    for (const g of withoutCatalyst) expect(g.warnings.some((w) => /catalyseur/.test(w))).toBe(true);
  });

  it('mixes profiles: no group repeats a (discipline, experience) pair while another group lacks it', () => {
    // 12 teachers sharing one concern, of 2 profiles only: 2 groups of 6 must each hold both profiles, 3 and 3
    const same: TeacherInput[] = Array.from({ length: 12 }, (_, i) => ({
      key: `oral${String(i + 1).padStart(2, '0')}@ac-exemple.fr`,
      name: `Enseignant Oral ${i + 1}`,
      concerns: ['Oral'],
      discipline: i < 6 ? 'Lettres' : 'Anglais',
      experience: 'confirmé',
      catalyst: false,
    }));
    const profile = (m: { discipline: string; experience: string }) => `${m.discipline}/${m.experience}`;
    /** How many profiles repeat within a group; each one that does is found in every sibling group too. */
    const repeatedProfiles = (plan: ReturnType<typeof formGroups>) => {
      let repeated = 0;
      for (const g of plan.groups) {
        const siblings = plan.groups.filter((o) => o.concern === g.concern);
        const counts = new Map<string, number>();
        for (const m of g.members.filter((x) => !x.catalyst)) counts.set(profile(m), (counts.get(profile(m)) ?? 0) + 1);
        for (const [p, n] of counts) {
          if (n < 2) continue;
          repeated += 1;
          expect(siblings.every((o) => o.members.some((m) => profile(m) === p))).toBe(true);
        }
      }
      return repeated;
    };
    // the 12-teacher plan (two groups of six, two disciplines) exercises the rule whatever the grouping
    const sameGroups = formGroups({ rounds: 1, teachers: same, workshops: [] });
    expect(sameGroups.groups).toHaveLength(2);
    expect(repeatedProfiles(sameGroups)).toBeGreaterThan(0);
    repeatedProfiles(formGroups(input()));
    const twelve = formGroups({ rounds: 1, teachers: same, workshops: [] });
    expect(twelve.groups.map((g) => g.members.map(profile).sort())).toEqual([
      [
        'Anglais/confirmé',
        'Anglais/confirmé',
        'Anglais/confirmé',
        'Lettres/confirmé',
        'Lettres/confirmé',
        'Lettres/confirmé',
      ],
      [
        'Anglais/confirmé',
        'Anglais/confirmé',
        'Anglais/confirmé',
        'Lettres/confirmé',
        'Lettres/confirmé',
        'Lettres/confirmé',
      ],
    ]);
  });

  it('explains every placement and gives each group a parcours with one free session', () => {
    const plan = formGroups(input());
    for (const g of plan.groups) {
      for (const m of g.members) expect(m.reasons[0]).toMatch(/préoccupation n°\d « .+ »/);
      expect(g.parcours.map((s) => s.round)).toEqual([1, 2, 3]);
      expect(g.parcours[2]).toMatchObject({ workshop: null, title: 'Libre choix' });
      const chosen = g.parcours.filter((s) => s.workshop).map((s) => s.workshop);
      expect(new Set(chosen).size).toBe(chosen.length); // never the same workshop twice
    }
    // each run hosts at most 2 groups
    for (const round of [1, 2]) {
      const load = new Map<string, number>();
      for (const g of plan.groups) {
        const w = g.parcours[round - 1].workshop;
        if (w) load.set(w, (load.get(w) ?? 0) + 1);
      }
      for (const n of load.values()) expect(n).toBeLessThanOrEqual(2);
    }
  });

  it('is deterministic whatever the order of the input', () => {
    const shuffled = { ...input(), teachers: [...teachers()].reverse() };
    expect(formGroups(shuffled)).toEqual(formGroups(input()));
  });

  it('sends a surplus catalyst to a concern of theirs that has none', () => {
    const t = (key: string, concerns: string[], catalyst = false) => ({
      key,
      name: key,
      concerns,
      discipline: key,
      experience: 'confirmé',
      catalyst,
    });
    const plan = formGroups({
      rounds: 1,
      workshops: [],
      teachers: [
        t('c1@x.fr', ['Oral', 'Autonomie'], true),
        t('c2@x.fr', ['Oral', 'Autonomie'], true),
        ...['a', 'b', 'c'].map((k) => t(`${k}@x.fr`, ['Oral'])),
        ...['d', 'e', 'f'].map((k) => t(`${k}@x.fr`, ['Autonomie'])),
      ],
    });
    expect(plan.groups.map((g) => [g.concern, g.catalyst])).toEqual([
      ['Autonomie', 'c1@x.fr'],
      ['Oral', 'c2@x.fr'],
    ]);
    expect(plan.groups[0].members.find((m) => m.key === 'c1@x.fr')?.reasons[0]).toMatch(
      /catalyseur : « Oral » en avait déjà assez/,
    );
  });

  it('moves a lonely concern’s teachers to their next shared concern', () => {
    const plan = formGroups({
      rounds: 1,
      workshops: [],
      teachers: [
        ...Array.from({ length: 5 }, (_, i) => ({
          key: `o${i}@x.fr`,
          name: `O${i}`,
          concerns: ['Oral'],
          discipline: DISCIPLINES[i],
          experience: 'confirmé',
        })),
        {
          key: 'seul@x.fr',
          name: 'Seul',
          concerns: ['Robotique', 'Oral'],
          discipline: 'Technologie',
          experience: 'débutant',
        },
      ],
    });
    expect(plan.groups).toHaveLength(1);
    const lonely = plan.groups[0].members.find((m) => m.key === 'seul@x.fr');
    expect(lonely?.reasons[0]).toMatch(/n°2 « Oral ».*n°1 « Robotique »/);
  });

  it('can be edited by hand, never above 6, and says who moved whom', () => {
    const plan = formGroups(input());
    const small = plan.groups.find((g) => g.members.length < 6)!;
    const other =
      plan.groups.find((g) => g !== small && g.concern === small.concern) ?? plan.groups.find((g) => g !== small)!;
    const moved = other.members.find((m) => !m.catalyst)!;
    const edit = moveTeacher(plan, input(), moved.key, small.number, 'IEN fictive');
    const target = edit.plan.groups.find((g) => g.number === small.number)!;
    expect(target.members.find((m) => m.key === moved.key)?.reasons.at(-1)).toMatch(
      /déplacé à la main .* par IEN fictive/,
    );
    expect(edit.changed.sort()).toEqual([other.number, small.number].sort());
    // fill the group to 6 by hand, then one more is refused
    let current = edit.plan;
    const others = () =>
      current.groups.filter((g) => g.number !== small.number).flatMap((g) => g.members.filter((m) => !m.catalyst));
    while (current.groups.find((g) => g.number === small.number)!.members.length < 6) {
      current = moveTeacher(current, input(), others()[0].key, small.number, 'x').plan;
    }
    expect(() => moveTeacher(current, input(), others()[0].key, small.number, 'x')).toThrow(/déjà 6 enseignants/);
    expect(() => moveTeacher(current, input(), 'inconnu@x.fr', 1, 'x')).toThrow(PlanInputError);
  });
});
