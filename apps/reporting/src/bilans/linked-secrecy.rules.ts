import { SECRECY_THRESHOLD } from './secrecy.rules';

/**
 * Statistical secrecy decided once for a whole académie, over every table of people a reader can be shown (issue 23).
 *
 * The bilan of any place (académie, department, district, school) shows its participants, completions and
 * attestations by profile with their total, and, above a school, its participants by school with their total. These
 * tables are linked: a place's figure is the sum of its children's, and its total the sum of its profiles. So the
 * cells withheld are decided once, over the cube *places x profiles* (a profile or `*`, the total) of the académie,
 * and every bilan, at every level and in every format, reads that one decision: a cell withheld somewhere is withheld
 * everywhere. When the leaves carry their training, the same people are also summed along the trainings (session,
 * module, dispositif, Canopé's offer: the BI feed's session cells and the bilans of trainings), the finest cell becomes
 * a session's people of one school and profile, and the decision spans both hierarchies (leak 4).
 *
 * Method: the **hypercube method** of statistical disclosure control (Repsilber; τ-Argus's GHMITER), built on the
 * finest cells (school x profile). A cell is sensitive (primary) when its participants, completions, attestations, or
 * those who did not complete or were not attested, number 1 to `threshold` - 1. For each sensitive figure, the method
 * picks the cheapest *elementary perturbation* of the finest cells that changes it while leaving every additive
 * relation whole: two schools exchanging people between two profiles (a rectangle), two schools exchanging people of
 * one profile (a transfer: their totals move, up to their closest common place), or, last, a school's people changing
 * profile or a school's figure alone (up to the académie). Every cell the perturbation moves is withheld. An intruder
 * who sees every published cell then
 * cannot tell the true figures from the perturbed ones, for any shift within the perturbation's feasible range (people,
 * completions and attestations never negative, never more completions or attestations than people): the range of the
 * sensitive figure is at least that wide, and the method only accepts perturbations whose range spans `margin` + 1
 * values. The union of the perturbations of every sensitive figure protects each of them (each moves only withheld
 * cells), so the pattern is safe by construction; the intruder's audit (`secrecy-audit.ts`, a linear program solved
 * by HiGHS) checks it in the tests and on the benchmark's académie. See docs/reporting.md.
 */

/** People of one profile in one school (or an unknown place), with their outcomes. */
export interface CubeLeaf {
  department: string | null;
  district: string | null;
  uai: string | null;
  profile: string;
  /** People (active registrations) in this place and profile. */
  people: number;
  /** Of whom completed the training. */
  completions: number;
  /** Of whom hold an attestation. */
  attestations: number;
  /**
   * The training they follow, when the cube also holds the trainings' tables (the BI feed's sessions, the bilans of a
   * module, a dispositif or the Canopé DT): the finest cell is then a session's people of one school and profile.
   */
  training?: TrainingOf;
}

/**
 * Where a session stands in the trainings' hierarchy: académie > module > session, and the groups that publish sums.
 */
export interface TrainingOf {
  session: string;
  module: string;
  dispositif: string | null;
  /** A module of Canopé's offer (the Canopé DT's bilan sums them). */
  canope: boolean;
}

/** The profile of a cell that sums every profile (an area's total). */
export const ALL_PROFILES = '*';

/** An area of the hierarchy by its level and code. The académie is `academie:`; unknown places are `…:∅`. */
export type AreaKey = string;

export type AreaLevel =
  'academie' | 'department' | 'district' | 'school' | 'module' | 'session' | 'dispositif' | 'canope';
export const areaKey = (level: AreaLevel, code: string | null): AreaKey => `${level}:${code ?? '∅'}`;
export const cellKey = (area: AreaKey, profile: string) => `${area}|${profile}`;

/** The protection asked of every sensitive figure: an intruder cannot narrow it to fewer than `margin` + 1 values. */
export const PROTECTION_MARGIN = 3;

/**
 * The areas a leaf stands in, from the académie down to its school. An unknown place (no department, district or
 * school) is its parent's own `∅` child: two schools without a district in two departments are not one area.
 */
export function pathOf(leaf: Pick<CubeLeaf, 'department' | 'district' | 'uai'>): AreaKey[] {
  const department = areaKey('department', leaf.department);
  const district = leaf.district === null ? `district:${department}/∅` : areaKey('district', leaf.district);
  const school = leaf.uai === null ? `school:${district}/∅` : areaKey('school', leaf.uai);
  return [areaKey('academie', ''), department, district, school];
}

/** People, completions and attestations of a cell. */
export interface Counts {
  people: number;
  completions: number;
  attestations: number;
}

/**
 * The figures of a cell an intruder must not learn when small: people, completions, attestations and their complements.
 */
export const SENSITIVE = ['people', 'completions', 'notCompleted', 'attestations', 'notAttested'] as const;
export type Sensitive = (typeof SENSITIVE)[number];

/** How a perturbation moves a cell's counts: people, completions, attestations each by 0 or 1 per unit. */
type Kind = readonly [number, number, number];
const KINDS: Kind[] = [
  [1, 0, 0],
  [1, 1, 0],
  [1, 0, 1],
  [1, 1, 1],
  [0, 1, 0],
  [0, 0, 1],
  [0, 1, 1],
];
const coefficient = (k: Kind, figure: Sensitive) =>
  ({ people: k[0], completions: k[1], notCompleted: k[0] - k[1], attestations: k[2], notAttested: k[0] - k[2] })[
    figure
  ];
/** A sensitive figure of a cell's counts. */
export const figureOf = (c: Counts, figure: Sensitive) =>
  ({
    people: c.people,
    completions: c.completions,
    notCompleted: c.people - c.completions,
    attestations: c.attestations,
    notAttested: c.people - c.attestations,
  })[figure];

/** How far a cell can go down (`lo`) and up (`hi`) along a kind, staying a possible table. */
function room(c: Counts, k: Kind): { lo: number; hi: number } {
  const [p, cc, a] = k;
  const lo = Math.min(
    p ? c.people : Infinity,
    cc ? c.completions : Infinity,
    a ? c.attestations : Infinity,
    p - cc > 0 ? c.people - c.completions : Infinity,
    p - a > 0 ? c.people - c.attestations : Infinity,
  );
  const hi = Math.min(
    cc - p > 0 ? c.people - c.completions : Infinity,
    a - p > 0 ? c.people - c.attestations : Infinity,
  );
  return { lo, hi };
}

/**
 * The areas a session's people stand in, besides their places: their session and module (a chain up to the académie)
 * and the groups whose bilans sum modules (a dispositif, Canopé's offer).
 */
export function trainingPathOf(training: TrainingOf): { chain: AreaKey[]; groups: AreaKey[] } {
  const groups = [
    ...(training.dispositif === null ? [] : [areaKey('dispositif', training.dispositif)]),
    ...(training.canope ? [areaKey('canope', '')] : []),
  ];
  return { chain: [areaKey('module', training.module), areaKey('session', training.session)], groups };
}

/**
 * The cube of an académie: its areas (places, and trainings when known) and every cell's counts. The finest cells
 * are *units*: a school's people of one profile, or, with trainings, a session's people of one school and profile.
 * A unit is in every area above it in both hierarchies; its own cells, and a session's cells by profile, are published
 * nowhere.
 */
export interface Cube {
  cells: Map<string, Counts>;
  /** The parent of an area in its own hierarchy (a group's is the académie). */
  parent: Map<AreaKey, AreaKey>;
  /** The units under each area, the unit itself for a unit. */
  schools: Map<AreaKey, AreaKey[]>;
  /** The profiles present in each unit. */
  profilesOf: Map<AreaKey, string[]>;
  /** The finest cells (unit x profile) and every area the unit stands in. */
  leaves: { school: AreaKey; profile: string; path: AreaKey[] }[];
  /** Each unit's session and school (with trainings), to find units that share one. */
  unitOf: Map<AreaKey, { session: AreaKey | null; school: AreaKey }>;
  /** Cells no table publishes (a unit's; a session's by profile). */
  unpublished: Set<string>;
}

export function cubeOf(leaves: readonly CubeLeaf[]): Cube {
  const cells = new Map<string, Counts>();
  const parent = new Map<AreaKey, AreaKey>();
  const units = new Map<AreaKey, Set<AreaKey>>();
  const profiles = new Map<AreaKey, Set<string>>();
  const finest = new Map<string, { school: AreaKey; profile: string; path: AreaKey[] }>();
  const unitOf = new Map<AreaKey, { session: AreaKey | null; school: AreaKey }>();
  const unpublished = new Set<string>();
  const root = areaKey('academie', '');
  const add = (key: string, leaf: CubeLeaf) => {
    const c = cells.get(key) ?? { people: 0, completions: 0, attestations: 0 };
    cells.set(key, {
      people: c.people + leaf.people,
      completions: c.completions + leaf.completions,
      attestations: c.attestations + leaf.attestations,
    });
  };
  for (const leaf of leaves) {
    if (leaf.people <= 0) continue;
    const places = pathOf(leaf);
    const school = places[places.length - 1];
    places.forEach((area, depth) => depth > 0 && parent.set(area, places[depth - 1]));
    let path = places;
    let unit = school;
    if (leaf.training) {
      const { chain, groups } = trainingPathOf(leaf.training);
      const [module, session] = chain;
      parent.set(module, root).set(session, module);
      for (const group of groups) parent.set(group, root);
      unit = `unit:${session}@${school}`;
      parent.set(unit, session);
      path = [...places, ...chain, ...groups, unit];
      unitOf.set(unit, { session, school });
      unpublished.add(cellKey(session, leaf.profile)).add(cellKey(unit, leaf.profile)).add(cellKey(unit, ALL_PROFILES));
    } else unitOf.set(unit, { session: null, school });
    for (const area of path) {
      add(cellKey(area, leaf.profile), leaf);
      add(cellKey(area, ALL_PROFILES), leaf);
      const under = units.get(area) ?? new Set<AreaKey>();
      units.set(area, under.add(unit));
    }
    const key = cellKey(unit, leaf.profile);
    if (!finest.has(key)) finest.set(key, { school: unit, profile: leaf.profile, path });
    profiles.set(unit, (profiles.get(unit) ?? new Set<string>()).add(leaf.profile));
  }
  const profilesOf = new Map([...profiles].map(([unit, set]) => [unit, [...set].sort()]));
  return {
    cells,
    parent,
    schools: new Map([...units].map(([area, set]) => [area, [...set]])),
    profilesOf,
    leaves: [...finest.values()],
    unitOf,
    unpublished,
  };
}

/** Why a figure is withheld ('primary': small itself; 'secondary': it would give a small one back), or null. */
export type Withholding = 'primary' | 'secondary' | null;

/** The figures a cell publishes. */
export const COUNT_FIGURES = ['people', 'completions', 'attestations'] as const;
export type CountFigure = (typeof COUNT_FIGURES)[number];

export interface LinkedDecision {
  /** How a figure of a cell (area x profile, or `*` for the area's total) is published. */
  withheld(area: AreaKey, profile: string, figure: CountFigure): Withholding;
  /** The sensitive cells and which of their figures are small (for the audit). */
  sensitive: Map<string, Sensitive[]>;
  /** The figures withheld, by cell. */
  hidden: Map<string, Set<CountFigure>>;
  cube: Cube;
}

/** The published figures a sensitive figure is made of: people and completions make those who did not complete. */
const MADE_OF: Record<Sensitive, CountFigure[]> = {
  people: ['people'],
  completions: ['completions'],
  attestations: ['attestations'],
  notCompleted: ['people', 'completions'],
  notAttested: ['people', 'attestations'],
};

const ancestorsOf = (cube: Cube, area: AreaKey): AreaKey[] => {
  const out = [area];
  for (let a = cube.parent.get(area); a !== undefined; a = cube.parent.get(a)) out.push(a);
  return out;
};

/** A perturbation of the finest cells: +1 or -1 per unit on (school, profile). */
type Move = { school: AreaKey; profile: string; sign: number }[];

/**
 * Decides which cells of the académie are withheld (see above). Deterministic: the same facts give the same decision.
 */
export function decideLinked(
  leaves: readonly CubeLeaf[],
  options: { threshold?: number; margin?: number } = {},
): LinkedDecision {
  const threshold = options.threshold ?? SECRECY_THRESHOLD;
  const margin = options.margin ?? PROTECTION_MARGIN;
  const cube = cubeOf(leaves);
  const small = (n: number) => n > 0 && n < threshold;
  const sensitive = new Map<string, Sensitive[]>();
  for (const [key, c] of cube.cells) {
    if (cube.unpublished.has(key)) continue;
    const figures = SENSITIVE.filter((f) => small(figureOf(c, f)));
    if (figures.length) sensitive.set(key, figures);
  }
  const hidden = new Map<string, Set<CountFigure>>();
  const hide = (key: string, figures: readonly CountFigure[]) => {
    const set = hidden.get(key) ?? new Set<CountFigure>();
    for (const f of figures) set.add(f);
    hidden.set(key, set);
  };
  const isHidden = (key: string, figure: CountFigure) => hidden.get(key)?.has(figure) ?? false;
  const hideAll = () => {
    for (const key of cube.cells.keys()) hide(key, COUNT_FIGURES);
    return decision(cube, sensitive, hidden);
  };
  const root = areaKey('academie', '');
  const ancestors = new Map<AreaKey, AreaKey[]>();
  // a unit stands in every area of its path (places and trainings); any other area in its own hierarchy's chain
  for (const leaf of cube.leaves) ancestors.set(leaf.school, [...leaf.path].reverse());
  const up = (area: AreaKey) =>
    ancestors.get(area) ?? (ancestors.set(area, ancestorsOf(cube, area)), ancestors.get(area)!);
  // what no table publishes is withheld from the start: it costs nothing to move
  for (const key of cube.unpublished) hide(key, COUNT_FIGURES);

  if (small(cube.cells.get(cellKey(root, ALL_PROFILES))?.people ?? 0)) {
    // an académie of fewer people than the threshold publishes none of its figures
    return hideAll();
  }

  /**
   * The cells a move changes, with their net sign (a finest cell moves every place above it, in its profile and `*`).
   */
  const affected = (move: Move): Map<string, number> => {
    const net = new Map<string, number>();
    for (const m of move) {
      for (const area of up(m.school)) {
        for (const profile of [m.profile, ALL_PROFILES]) {
          const key = cellKey(area, profile);
          net.set(key, (net.get(key) ?? 0) + m.sign);
        }
      }
    }
    for (const [key, n] of net) if (n === 0) net.delete(key);
    return net;
  };
  /** The range of shifts a move allows along a kind (both ways), or 0 when a cell it needs does not exist. */
  const width = (net: Map<string, number>, kind: Kind): number => {
    let upward = Infinity;
    let downward = Infinity;
    for (const [key, sign] of net) {
      const c = cube.cells.get(key);
      if (!c) return 0;
      const r = room(c, kind);
      upward = Math.min(upward, sign > 0 ? r.hi : r.lo);
      downward = Math.min(downward, sign > 0 ? r.lo : r.hi);
    }
    return upward + downward;
  };
  /** The figures a kind moves. */
  const moved = (kind: Kind) => COUNT_FIGURES.filter((_, i) => kind[i] !== 0);
  // the académie's own total is what a rectorat reads first: withheld only when nothing else protects
  const grandTotal = cellKey(root, ALL_PROFILES);
  /**
   * What withholding a move's figures costs: the people of the cells whose figures are not withheld yet (the
   * information lost), the académie's total a thousandfold.
   */
  const cost = (net: Map<string, number>, kind: Kind) => {
    let total = 0;
    for (const key of net.keys()) {
      for (const f of moved(kind))
        if (!isHidden(key, f)) total += (1 + (cube.cells.get(key)?.people ?? 0)) * (key === grandTotal ? 1000 : 1);
    }
    return total;
  };
  // a small figure is withheld in any case (those who did not complete are people less completions: either may go)
  for (const [key, figures] of sensitive)
    hide(
      key,
      figures.filter((f): f is CountFigure => (COUNT_FIGURES as readonly string[]).includes(f)),
    );

  const TOP = 6;
  /** The units of an area, as a set (kept: the académie's is asked for every sensitive figure). */
  const unitSets = new Map<AreaKey, Set<AreaKey>>();
  const unitSet = (area: AreaKey) =>
    unitSets.get(area) ?? (unitSets.set(area, new Set(cube.schools.get(area) ?? [])), unitSets.get(area)!);
  const ranking = new Map<string, AreaKey[]>();
  /** The units of an area that hold a profile, most people first (kept per area and profile). */
  const ranked = (area: AreaKey, profile: string): AreaKey[] => {
    const memo = cellKey(area, profile);
    let list = ranking.get(memo);
    if (!list) {
      list = (cube.schools.get(area) ?? [])
        .filter((u) => profile === ALL_PROFILES || (cube.profilesOf.get(u) ?? []).includes(profile))
        .map((u) => ({ u, n: cube.cells.get(cellKey(u, profile))?.people ?? 0 }))
        .sort((a, b) => b.n - a.n || a.u.localeCompare(b.u))
        .map(({ u }) => u);
      ranking.set(memo, list);
    }
    return list;
  };
  /** The TOP units with most people of a profile in an area, leaving out those of an inner area. */
  const biggest = (area: AreaKey, profile: string, without?: AreaKey): AreaKey[] => {
    const inner = without === undefined ? undefined : unitSet(without);
    const out: AreaKey[] = [];
    for (const u of ranked(area, profile)) {
      if (inner?.has(u)) continue;
      out.push(u);
      if (out.length === TOP) break;
    }
    return out;
  };

  /**
   * Units that share a's session or a's school among some: exchanging with them leaves the session's (or the school's)
   * figures whole, so that a move in one hierarchy need not withhold anything in the other.
   */
  const sharing = new Map<AreaKey, AreaKey[]>();
  for (const [unit, { session, school }] of cube.unitOf) {
    for (const group of [session, school]) {
      if (group === null) continue;
      const list = sharing.get(group);
      if (list) list.push(unit);
      else sharing.set(group, [unit]);
    }
  }
  const partners = (a: AreaKey, among: (u: AreaKey) => boolean, profile: string): AreaKey[] => {
    const u = cube.unitOf.get(a);
    if (!u || u.session === null) return [];
    return [u.session, u.school].flatMap((group) =>
      (sharing.get(group) ?? [])
        .filter((b) => b !== a && among(b) && (cube.profilesOf.get(b) ?? []).includes(profile))
        .slice(0, TOP),
    );
  };

  /** The candidate moves that change a cell, nearest first: exchanges with the units of ever wider areas. */
  function* candidates(area: AreaKey, profile: string): Generator<Move[]> {
    const inside = biggest(area, profile);
    const chain = up(area);
    for (let i = 1; i < chain.length; i++) {
      const moves: Move[] = [];
      const isOutside = (b: AreaKey) => unitSet(chain[i]).has(b) && !unitSet(chain[i - 1]).has(b);
      for (const a of inside) {
        for (const pa of profile === ALL_PROFILES ? (cube.profilesOf.get(a) ?? []) : [profile]) {
          const others = [...new Set([...partners(a, isOutside, pa), ...biggest(chain[i], pa, chain[i - 1])])];
          for (const b of others) {
            moves.push([
              { school: a, profile: pa, sign: 1 },
              { school: b, profile: pa, sign: -1 },
            ]); // transfer
            if (profile === ALL_PROFILES) continue; // a rectangle keeps totals: it cannot protect one
            for (const q of cube.profilesOf.get(a) ?? []) {
              if (q === pa || !(cube.profilesOf.get(b) ?? []).includes(q)) continue;
              moves.push([
                { school: a, profile: pa, sign: 1 },
                { school: a, profile: q, sign: -1 },
                { school: b, profile: pa, sign: -1 },
                { school: b, profile: q, sign: 1 },
              ]);
            }
          }
        }
      }
      yield moves;
    }
    // last, moves that reach the académie's profiles: a school's people changing profile, or a person of one profile
    // in one school exchanged for a person of another profile in another school (the académie's total stands); then a
    // school's figure alone (its completions, attestations or people, with every place above it)
    const moves: Move[] = [];
    const others = biggest(root, ALL_PROFILES);
    for (const a of inside) {
      for (const pa of profile === ALL_PROFILES ? (cube.profilesOf.get(a) ?? []) : [profile]) {
        for (const q of cube.profilesOf.get(a) ?? [])
          if (q !== pa)
            moves.push([
              { school: a, profile: pa, sign: 1 },
              { school: a, profile: q, sign: -1 },
            ]);
        for (const b of others) {
          if (b === a) continue;
          for (const q of cube.profilesOf.get(b) ?? [])
            if (q !== pa)
              moves.push([
                { school: a, profile: pa, sign: 1 },
                { school: b, profile: q, sign: -1 },
              ]);
        }
      }
    }
    for (const a of inside)
      for (const pa of profile === ALL_PROFILES ? (cube.profilesOf.get(a) ?? []) : [profile])
        moves.push([{ school: a, profile: pa, sign: 1 }]);
    yield moves;
  }

  const order = [...sensitive.keys()].sort(
    (a, b) => up(a.split('|')[0]).length - up(b.split('|')[0]).length || a.localeCompare(b),
  );
  for (const key of order) {
    const [area, profile] = key.split('|');
    for (const figure of sensitive.get(key)!) {
      let best: { net: Map<string, number>; kind: Kind; width: number; cost: number } | undefined;
      search: for (const moves of candidates(area, profile)) {
        for (const move of moves) {
          const net = affected(move);
          if (!net.has(key)) continue;
          for (const kind of KINDS) {
            if (coefficient(kind, figure) === 0) continue;
            const c = cost(net, kind);
            if (best && best.width >= margin && c >= best.cost) continue;
            const w = Math.min(width(net, kind), margin);
            if (!best || w > best.width || (w === best.width && c < best.cost)) best = { net, kind, width: w, cost: c };
          }
          if (best && best.width >= margin && best.cost === 0) break search; // nothing more to withhold
        }
      }
      // nothing in the académie protects this figure enough: none of the académie's figures is published
      if (!best || best.width < margin) return hideAll();
      for (const cell of best.net.keys()) hide(cell, moved(best.kind));
    }
  }
  return decision(cube, sensitive, hidden);
}

function decision(
  cube: Cube,
  sensitive: Map<string, Sensitive[]>,
  hidden: Map<string, Set<CountFigure>>,
): LinkedDecision {
  return {
    withheld: (area, profile, figure) => {
      const key = cellKey(area, profile);
      if (!hidden.get(key)?.has(figure)) return null;
      return (sensitive.get(key) ?? []).some((s) => MADE_OF[s].includes(figure)) ? 'primary' : 'secondary';
    },
    sensitive,
    hidden,
    cube,
  };
}
