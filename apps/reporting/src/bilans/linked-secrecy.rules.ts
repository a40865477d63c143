import {
  ALL_PROFILES,
  AreaKey,
  COUNT_FIGURES,
  CountFigure,
  Counts,
  Cube,
  CubeLeaf,
  SENSITIVE,
  Sensitive,
  Withholding,
  areaKey,
  cellKey,
  cubeOf,
  figureOf,
} from './secrecy-cube.rules';
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
 * values; where no single perturbation does (units of one or two people), several of a stage are applied together
 * and their ranges add up (`bundle`). The union of the perturbations of every sensitive figure protects each of them
 * (each moves only withheld cells), so the pattern is safe by construction; the intruder's audit (`secrecy-audit.ts`,
 * a linear program solved by HiGHS) checks it in the tests and on the benchmark's académie. See docs/reporting.md.
 */

/** The protection asked of every sensitive figure: an intruder cannot narrow it to fewer than `margin` + 1 values. */
export const PROTECTION_MARGIN = 3;

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

/** A perturbation of the finest cells: +1 or -1 per unit on (unit, profile). */
type Move = { school: AreaKey; profile: string; sign: number }[];

/** The cells a move changes, by index, with their net sign. */
interface Net {
  ids: Int32Array;
  signs: Int8Array;
}

/** The figures a kind moves, as bits (people 1, completions 2, attestations 4). */
const BITS: Record<CountFigure, number> = { people: 1, completions: 2, attestations: 4 };

const maskOf = (figures: readonly CountFigure[]) => figures.reduce((m, f) => m | BITS[f], 0);

/**
 * What withholding a cell's figures weighs, by their bits: its people weigh twice its completions or attestations. A
 * cell's people are what a reader reads first (a session's size, a school's participants); where a small figure can be
 * protected either way (those who did not complete are people less completions), the search withholds completions.
 * At the benchmark's académie this publishes the people of 5,634 of 6,693 cells instead of 1,794, and hides more
 * completions and attestations (docs/reporting.md).
 */
const PEOPLE_WEIGHT = 2;

const WEIGHT = [0, 1, 2, 3, 4, 5, 6, 7].map(
  (bits) => (bits & 1 ? PEOPLE_WEIGHT : 0) + (bits & 2 ? 1 : 0) + (bits & 4 ? 1 : 0),
);

/**
 * Decides which cells of the académie are withheld (see above). Deterministic: the same facts give the same decision.
 *
 * The search runs over integer indexes (cells, units, profiles) rather than keys: at 200,000 marks it weighs tens of
 * thousands of perturbations per sensitive figure, and the moves a cell's figures share are weighed once per cell.
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

  // cells by index: their counts and the figures withheld (bits)
  const keys = [...cube.cells.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  const people = Int32Array.from(keys, (k) => cube.cells.get(k)!.people);
  const completions = Int32Array.from(keys, (k) => cube.cells.get(k)!.completions);
  const attestations = Int32Array.from(keys, (k) => cube.cells.get(k)!.attestations);
  const hiddenBits = new Uint8Array(keys.length);
  const hide = (key: string, figures: readonly CountFigure[]) => {
    const i = index.get(key);
    if (i !== undefined) hiddenBits[i] |= maskOf(figures);
  };
  const hiddenMap = () => {
    const hidden = new Map<string, Set<CountFigure>>();
    hiddenBits.forEach((bits, i) => {
      if (bits) hidden.set(keys[i], new Set(COUNT_FIGURES.filter((f) => bits & BITS[f])));
    });
    return hidden;
  };
  const hideAll = () => {
    hiddenBits.fill(7);
    return decision(cube, sensitive, hiddenMap());
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

  /** The cells a finest cell (unit, profile) moves: every area above the unit, in its profile and `*` (-1: none). */
  const touches = new Map<AreaKey, Map<string, Int32Array>>();
  const touched = (unit: AreaKey, profile: string): Int32Array => {
    let byProfile = touches.get(unit);
    if (!byProfile) touches.set(unit, (byProfile = new Map()));
    let ids = byProfile.get(profile);
    if (!ids) {
      const areas = up(unit);
      ids = new Int32Array(areas.length * 2);
      areas.forEach((area, i) => {
        ids![2 * i] = index.get(cellKey(area, profile)) ?? -1;
        ids![2 * i + 1] = index.get(cellKey(area, ALL_PROFILES)) ?? -1;
      });
      byProfile.set(profile, ids);
    }
    return ids;
  };
  const acc = new Int32Array(keys.length);
  const seen = new Uint32Array(keys.length);
  let epoch = 0;
  let missing = false;
  /** The cells a move changes, with their net sign, or null when it leaves `cell` whole. */
  const affected = (move: Move, cell: number): Net | null => {
    epoch++;
    missing = false;
    const list: number[] = [];
    for (const m of move) {
      for (const id of touched(m.school, m.profile)) {
        if (id < 0) {
          missing = true;
          continue;
        }
        if (seen[id] !== epoch) {
          seen[id] = epoch;
          acc[id] = 0;
          list.push(id);
        }
        acc[id] += m.sign;
      }
    }
    if (acc[cell] === 0 || seen[cell] !== epoch) return null;
    const kept = list.filter((id) => acc[id] !== 0);
    const signs = Int8Array.from(kept, (id) => Math.sign(acc[id]));
    return { ids: Int32Array.from(kept), signs };
  };
  // how far each cell can go down and up along each kind, staying a possible table (kind-major: k * cells + i)
  const FAR = 1 << 30;
  const downRoom = new Int32Array(KINDS.length * keys.length);
  const upRoom = new Int32Array(KINDS.length * keys.length);
  KINDS.forEach((kind, k) => {
    for (let i = 0; i < keys.length; i++) {
      const r = room({ people: people[i], completions: completions[i], attestations: attestations[i] }, kind);
      downRoom[k * keys.length + i] = Math.min(r.lo, FAR);
      upRoom[k * keys.length + i] = Math.min(r.hi, FAR);
    }
  });
  /** How far a move can shift along a kind, up and down. */
  const reach = (net: Net, k: number): { up: number; down: number } => {
    let upward = FAR;
    let downward = FAR;
    const base = k * keys.length;
    for (let j = 0; j < net.ids.length; j++) {
      const i = base + net.ids[j];
      if (net.signs[j] > 0) {
        if (upRoom[i] < upward) upward = upRoom[i];
        if (downRoom[i] < downward) downward = downRoom[i];
      } else {
        if (downRoom[i] < upward) upward = downRoom[i];
        if (upRoom[i] < downward) downward = upRoom[i];
      }
    }
    return { up: upward, down: downward };
  };
  /** The range of shifts a move allows along a kind (both ways). */
  const width = (net: Net, k: number): number => {
    const r = reach(net, k);
    return r.up + r.down;
  };
  /**
   * Where no single move reaches the margin (a session's units often hold one person each, so one exchange shifts a
   * figure by one), several moves of a stage are applied together, each by its own amount: the figure's range is the
   * sum of theirs, provided every cell they share has room for the sum in both ways (so that any combination is a
   * possible table). Every cell any of them moves is withheld. The moves are taken cheapest first.
   */
  const pushedUp = new Int32Array(keys.length); // how far each cell is pushed at the top of a bundle's range
  const pushedDown = new Int32Array(keys.length);
  const bundled = new Uint32Array(keys.length);
  let bundleEpoch = 0;
  const bundle = (nets: readonly Net[], cell: number, k: number, mask: number): { net: Net; width: number } | null => {
    const base = k * keys.length;
    bundleEpoch++;
    const ids: number[] = [];
    let members = 0;
    let width = 0;
    const ordered = nets.map((net) => ({ net, cost: cost(net, mask) })).sort((a, b) => a.cost - b.cost);
    for (const { net } of ordered) {
      // align the move so that it raises the figure's cell
      const flip = net.signs[net.ids.indexOf(cell)];
      let up = FAR;
      let down = FAR;
      for (let j = 0; j < net.ids.length; j++) {
        const i = net.ids[j];
        const fresh = bundled[i] !== bundleEpoch;
        const above = fresh ? 0 : pushedUp[i];
        const below = fresh ? 0 : pushedDown[i];
        if (net.signs[j] * flip > 0) {
          up = Math.min(up, upRoom[base + i] - above);
          down = Math.min(down, downRoom[base + i] - below);
        } else {
          up = Math.min(up, downRoom[base + i] - below);
          down = Math.min(down, upRoom[base + i] - above);
        }
      }
      up = Math.max(0, up);
      down = Math.max(0, down);
      if (up + down === 0) continue;
      for (let j = 0; j < net.ids.length; j++) {
        const i = net.ids[j];
        if (bundled[i] !== bundleEpoch) {
          bundled[i] = bundleEpoch;
          pushedUp[i] = 0;
          pushedDown[i] = 0;
          ids.push(i);
        }
        // a cell moved against the figure is pushed down when the figure goes up
        if (net.signs[j] * flip > 0) {
          pushedUp[i] += up;
          pushedDown[i] += down;
        } else {
          pushedDown[i] += up;
          pushedUp[i] += down;
        }
      }
      members++;
      width += up + down;
      if (width >= margin) break;
    }
    if (members < 2 || width < margin) return null;
    return { net: { ids: Int32Array.from(ids), signs: new Int8Array(ids.length) }, width };
  };
  /** The figures a kind moves. */
  const moved = (kind: Kind) => COUNT_FIGURES.filter((_, i) => kind[i] !== 0);
  const kindMask = KINDS.map((k) => maskOf(moved(k)));
  // the académie's own total is what a rectorat reads first: withheld only when nothing else protects
  const grandTotal = index.get(cellKey(root, ALL_PROFILES))!;
  /**
   * What withholding a move's figures costs: the people of the cells whose figures are not withheld yet (the
   * information lost), the académie's total a thousandfold.
   */
  const cost = (net: Net, mask: number) => {
    let total = 0;
    for (const i of net.ids) {
      const open = WEIGHT[mask & ~hiddenBits[i]];
      if (open) total += open * (1 + people[i]) * (i === grandTotal ? 1000 : 1);
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
  /** How many units a bundle may draw from, on each side (see `bundle`). */
  const WIDE = 20;
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
  const biggest = (area: AreaKey, profile: string, without?: AreaKey, top = TOP): AreaKey[] => {
    const inner = without === undefined ? undefined : unitSet(without);
    const out: AreaKey[] = [];
    for (const u of ranked(area, profile)) {
      if (inner?.has(u)) continue;
      out.push(u);
      if (out.length === top) break;
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
  const partners = (a: AreaKey, among: (u: AreaKey) => boolean, profile: string, top = TOP): AreaKey[] => {
    const u = cube.unitOf.get(a);
    if (!u || u.session === null) return [];
    return [u.session, u.school].flatMap((group) =>
      (sharing.get(group) ?? [])
        .filter((b) => b !== a && among(b) && (cube.profilesOf.get(b) ?? []).includes(profile))
        .slice(0, top),
    );
  };

  /** The candidate moves that change a cell, nearest first: exchanges with the units of ever wider areas. */
  function* candidates(area: AreaKey, profile: string, top = TOP): Generator<Move[]> {
    const inside = biggest(area, profile, undefined, top);
    const chain = up(area);
    for (let i = 1; i < chain.length; i++) {
      const moves: Move[] = [];
      const isOutside = (b: AreaKey) => unitSet(chain[i]).has(b) && !unitSet(chain[i - 1]).has(b);
      for (const a of inside) {
        for (const pa of profile === ALL_PROFILES ? (cube.profilesOf.get(a) ?? []) : [profile]) {
          const others = [
            ...new Set([...partners(a, isOutside, pa, top), ...biggest(chain[i], pa, chain[i - 1], top)]),
          ];
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

  /**
   * A cell's candidates as nets, stage by stage, computed once for all its figures and only as far as asked: a stage
   * whose cheapest move cannot beat the best one found is never weighed (see `floor`).
   */
  const stagesOf = (key: string) => {
    const [area, profile] = key.split('|');
    const cell = index.get(key)!;
    /** A generator's stages as nets, computed once and only as far as asked. */
    const lazily = (source: Generator<Move[]>) => {
      const moves: Move[][] = [];
      const nets: { net: Net; complete: boolean }[][] = [];
      return (stage: number): { net: Net; complete: boolean }[] => {
        while (moves.length <= stage) moves.push(source.next().value ?? []);
        if (!nets[stage]) {
          nets[stage] = [];
          for (const move of moves[stage]) {
            const net = affected(move, cell);
            // a cell the move needs does not exist: it allows no shift (width 0)
            if (net) nets[stage].push({ net, complete: !missing });
          }
          moves[stage] = [];
        }
        return nets[stage];
      };
    };
    return {
      count: up(area).length,
      cell,
      nets: lazily(candidates(area, profile)),
      /** The same stages drawn from WIDE units on each side, for bundles. */
      wide: lazily(candidates(area, profile, WIDE)),
    };
  };
  const weightOf = (i: number, mask: number) =>
    WEIGHT[mask & ~hiddenBits[i]] * (1 + people[i]) * (i === grandTotal ? 1000 : 1);
  const academyProfiles = [...cube.cells.keys()]
    .filter((key) => key.startsWith(`${root}|`) && key !== cellKey(root, ALL_PROFILES))
    .map((key) => index.get(key)!);
  /**
   * A lower bound on what any move of a stage costs along a kind: the cells every such move changes. A move of stage
   * s (an exchange with a unit outside chain[s]) changes the cell's profile in chain[0..s]; the last stage's moves
   * all reach one of the académie's profiles, and, for a profile, every area of the chain.
   */
  const floor = (area: AreaKey, profile: string, stage: number, last: boolean, mask: number): number => {
    const chain = up(area);
    let total = 0;
    const reach = last ? (profile === ALL_PROFILES ? 0 : chain.length - 1) : stage;
    for (let j = 0; j <= reach; j++) {
      const i = index.get(cellKey(chain[j], profile));
      if (i !== undefined) total += weightOf(i, mask);
    }
    if (last) {
      let least = Infinity;
      for (const i of academyProfiles) least = Math.min(least, weightOf(i, mask));
      if (profile === ALL_PROFILES || reach === 0) total += least === Infinity ? 0 : least;
    }
    return total;
  };

  const order = [...sensitive.keys()].sort(
    (a, b) => up(a.split('|')[0]).length - up(b.split('|')[0]).length || a.localeCompare(b),
  );
  for (const key of order) {
    const [area, profile] = key.split('|');
    const stages = stagesOf(key);
    for (const figure of sensitive.get(key)!) {
      let best: { net: Net; kind: number; width: number; cost: number } | undefined;
      const kinds = KINDS.flatMap((kind, k) => (coefficient(kind, figure) === 0 ? [] : [k]));
      search: for (let s = 0; s < stages.count; s++) {
        if (best && best.width >= margin) {
          const last = s === stages.count - 1;
          const least = Math.min(...kinds.map((k) => floor(area, profile, s, last, kindMask[k])));
          if (least >= best.cost) continue; // no move of this stage can be cheaper
        }
        const nets = stages.nets(s);
        for (const { net, complete } of nets) {
          for (const k of kinds) {
            const c = cost(net, kindMask[k]);
            if (best && best.width >= margin && c >= best.cost) continue;
            const w = complete ? Math.min(width(net, k), margin) : 0;
            if (!best || w > best.width || (w === best.width && c < best.cost))
              best = { net, kind: k, width: w, cost: c };
          }
          if (best && best.width >= margin && best.cost === 0) break search; // nothing more to withhold
        }
        // no move of the stage reaches the margin alone: several together (see `bundle`)
        if (!best || best.width < margin) {
          // the last stage's moves reach the académie's profiles: bundles draw from its usual candidates only
          const pool = s === stages.count - 1 ? nets : stages.wide(s);
          const complete = pool.filter((n) => n.complete).map((n) => n.net);
          for (const k of kinds) {
            const b = bundle(complete, stages.cell, k, kindMask[k]);
            if (!b) continue;
            const c = cost(b.net, kindMask[k]);
            if (!best || best.width < margin || c < best.cost) best = { net: b.net, kind: k, width: margin, cost: c };
          }
        }
      }
      // nothing in the académie protects this figure enough: none of the académie's figures is published
      if (!best || best.width < margin) return hideAll();
      for (const i of best.net.ids) hiddenBits[i] |= kindMask[best.kind];
    }
  }
  return decision(cube, sensitive, hiddenMap());
}

/** A decision without its function: what crosses a thread (`secrecy-decision.worker.ts`). */
export type DecisionParts = Pick<LinkedDecision, 'cube' | 'sensitive' | 'hidden'>;

/** A decision rebuilt from its parts. */
export const decisionFrom = ({ cube, sensitive, hidden }: DecisionParts): LinkedDecision =>
  decision(cube, sensitive, hidden);

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
