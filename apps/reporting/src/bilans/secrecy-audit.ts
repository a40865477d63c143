import highsLoader from 'highs';
import { ALL_PROFILES, AreaKey, cellKey, CubeLeaf, cubeOf, LinkedDecision, LinkedSuppression, pathOf, suppressLinked, Withholding } from './linked-secrecy.rules';
import { SECRECY_THRESHOLD } from './secrecy.rules';

/**
 * The intruder's audit, built into the suppression (issue 23): the hypercube iteration alone can leave a withheld
 * cell narrowed by a combination of lines (seen on generated académies). So each withheld cell is bounded by linear
 * programming (HiGHS, WebAssembly) from everything published, people never negative; while a cell can be narrowed
 * to fewer than `margin` + 1 values, the smallest published cell of its lines is withheld too and the iteration runs
 * again. What is published is then what the audit accepted.
 */
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | undefined;
const highs = () => (solver ??= highsLoader());

export const PROTECTION_MARGIN = 3;

/** The least and the most each withheld cell can be, from the published cells. */
export async function withheldRanges(leaves: readonly CubeLeaf[], s: LinkedSuppression, cells?: string[]): Promise<Map<string, { min: number; max: number }>> {
  const h = await highs();
  const finest = [...new Set(leaves.map((l) => `${pathOf(l).join('>')}|${l.profile}`))];
  const index = new Map(finest.map((f, i) => [f, i]));
  const under = (cell: string) => {
    const [area, profile] = cell.split('|');
    return finest.filter((f) => {
      const [path, p] = f.split('|');
      return (profile === ALL_PROFILES || p === profile) && path.split('>').includes(area);
    }).map((f) => `x${index.get(f)}`);
  };
  const constraints: string[] = [];
  for (const [cell, n] of s.values) {
    if (s.primary.has(cell) || s.secondary.has(cell)) continue;
    const vars = under(cell);
    if (vars.length) constraints.push(` c${constraints.length}: ${vars.join(' + ')} = ${n}`);
  }
  const bounds = finest.map((_, i) => ` x${i} >= 0`).join('\n');
  const ranges = new Map<string, { min: number; max: number }>();
  for (const cell of cells ?? [...s.primary, ...s.secondary]) {
    const objective = under(cell).join(' + ');
    const solve = (sense: 'Minimize' | 'Maximize') => {
      const result = h.solve(`${sense}\n obj: ${objective}\nSubject To\n${constraints.length ? constraints.join('\n') : ' c0: x0 >= 0'}\nBounds\n${bounds}\nEnd\n`);
      if (result.Status !== 'Optimal') return sense === 'Minimize' ? 0 : Number.POSITIVE_INFINITY;
      return Math.round(result.ObjectiveValue * 1000) / 1000;
    };
    ranges.set(cell, { min: solve('Minimize'), max: solve('Maximize') });
  }
  return ranges;
}

/** Suppression over the linked tables, then audited and completed until no withheld cell can be narrowed. */
export async function protectLinked(leaves: readonly CubeLeaf[], options: { threshold?: number; margin?: number; primary?: Iterable<string> } = {}): Promise<LinkedSuppression> {
  const margin = options.margin ?? PROTECTION_MARGIN;
  const cube = cubeOf(leaves);
  const forced = new Set<string>();
  let s = suppressLinked(cube, { threshold: options.threshold, primary: options.primary });
  for (;;) {
    const weak = [...(await withheldRanges(leaves, s))].filter(([, r]) => r.max - r.min < margin).map(([cell]) => cell).sort();
    if (!weak.length) return release(leaves, s, margin);
    const withheld = (key: string) => s.primary.has(key) || s.secondary.has(key);
    // the smallest published cell sharing a line with a weak cell: withheld, and the iteration runs again
    const near = s.lines
      .filter((line) => [line.total, ...line.parts].includes(weak[0]))
      .flatMap((line) => [line.total, ...line.parts])
      .filter((key) => !withheld(key) && (s.values.get(key) ?? 0) > 0)
      .sort((a, b) => (s.values.get(a) ?? 0) - (s.values.get(b) ?? 0) || a.localeCompare(b));
    const next = near[0] ?? [...s.values.keys()].filter((key) => !withheld(key) && (s.values.get(key) ?? 0) > 0).sort()[0];
    if (!next) return s; // everything is withheld already
    forced.add(next);
    s = suppressLinked(cube, { threshold: options.threshold, primary: options.primary, secondary: [...s.secondary, ...forced] });
  }
}


/** How many secondary cells the release pass tries to publish again (each try is one audit). */
const RELEASE_TRIES = 40;

/**
 * The iteration withholds more than needed (it protects each line on its own): each secondary cell, the largest
 * first, is published again when the audit still finds every withheld cell wide enough without it, so that a school
 * head, for one, sees their school's figure when nothing can be learnt from it.
 */
async function release(leaves: readonly CubeLeaf[], s: LinkedSuppression, margin: number): Promise<LinkedSuppression> {
  // cells a line of one part says are equal (a school with one profile: its total is that profile) go together
  const parent = new Map<string, string>();
  const find = (key: string): string => (parent.get(key) ?? key) === key ? key : find(parent.get(key)!);
  for (const line of s.lines) if (line.parts.length === 1) parent.set(find(line.parts[0]), find(line.total));
  const classes = new Map<string, string[]>();
  for (const cell of s.secondary) classes.set(find(cell), [...(classes.get(find(cell)) ?? []), cell]);
  const tries = [...classes.values()]
    .filter((cells) => cells.every((cell) => !s.primary.has(cell)))
    .sort((a, b) => (s.values.get(b[0]) ?? 0) - (s.values.get(a[0]) ?? 0) || a[0].localeCompare(b[0]))
    .slice(0, RELEASE_TRIES);
  for (const cells of tries) {
    for (const cell of cells) s.secondary.delete(cell);
    const ranges = await withheldRanges(leaves, s);
    if ([...ranges.values()].some((r) => r.max - r.min < margin)) for (const cell of cells) s.secondary.add(cell);
  }
  return s;
}

const why = (s: LinkedSuppression) => (area: AreaKey, profile: string): Withholding => {
  const key = cellKey(area, profile);
  return s.primary.has(key) ? 'primary' : s.secondary.has(key) ? 'secondary' : null;
};

/**
 * Decides the académie's secrecy once: participants first; completions and attestations are parts of them, so a
 * cell of either is withheld when its participants are, or when it or its complement (those who did not complete) is
 * small; then each is protected over the linked tables in turn.
 */
export async function decideForAcademy(leaves: readonly (CubeLeaf & { completions: number; attestations: number })[], threshold?: number): Promise<LinkedDecision> {
  const t = threshold ?? SECRECY_THRESHOLD;
  const participants = await protectLinked(leaves, { threshold });
  const part = async (pick: (l: (typeof leaves)[number]) => number) => {
    const partLeaves = leaves.map((l) => ({ ...l, people: pick(l) }));
    const values = cubeOf(partLeaves).values;
    const primary = [...participants.values].filter(([key, n]) => {
      const rest = n - (values.get(key) ?? 0);
      return participants.primary.has(key) || participants.secondary.has(key) || (rest > 0 && rest < t);
    }).map(([key]) => key);
    return protectLinked(partLeaves, { threshold, primary });
  };
  const [completions, attestations] = [await part((l) => l.completions), await part((l) => l.attestations)];
  return { participants: why(participants), completions: why(completions), attestations: why(attestations) };
}
