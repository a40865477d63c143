import { SECRECY_THRESHOLD } from './secrecy.rules';

/**
 * Statistical secrecy decided once for a whole académie, over every table of people a reader can be shown (issue 23):
 * the bilan of any area (académie, department, district, school) shows a table of participants by profile with its
 * total, and, above a school, a table by school with its total. These tables are linked: an area's figure is the sum of
 * its children's (a district's teachers are its schools' teachers), and an area's total the sum of its profiles. A
 * figure withheld in one table must therefore be withheld wherever it appears, and no published combination, at any
 * level, may give it back by subtraction.
 *
 * The method is the hypercube method of statistical disclosure control (Repsilber; τ-Argus's GHMITER) on the cube
 * areas x profiles: every additive relation is a line (a total and its parts, across profiles or across the children
 * of an area), and suppression is iterated over all lines until, in each, either nothing is withheld or at least two
 * parts are, together counting at least the threshold of people (a single withheld part would be its line's total
 * minus the rest). The cells added are the smallest ones of their line (the least information lost); a total is
 * withheld only when its line has nothing else to hide. The same cells are withheld at every level and in every
 * format, since every bilan reads this one decision. Its protection is checked in the tests by an intruder's audit: a
 * linear program (HiGHS) bounds each withheld cell from everything published, and no cell may be narrowed below a
 * margin (docs/reporting.md).
 */

/** Where a group of people stands: its place in the hierarchy and its profile. */
export interface CubeLeaf {
  department: string | null;
  district: string | null;
  uai: string | null;
  profile: string;
  /** People (registrations) in this place and profile. */
  people: number;
}

/** The profile of a cell that sums every profile (an area's total). */
export const ALL_PROFILES = '*';

/** An area of the hierarchy by its level and code. The académie is `academie:`; unknown places are `…:∅`. */
export type AreaKey = string;

export const areaKey = (level: 'academie' | 'department' | 'district' | 'school', code: string | null): AreaKey => `${level}:${code ?? '∅'}`;
export const cellKey = (area: AreaKey, profile: string) => `${area}|${profile}`;

interface Line {
  total: string;
  parts: string[];
}

export interface LinkedSuppression {
  /** Cells (area x profile) withheld because they count too few people. */
  primary: Set<string>;
  /** Cells withheld so that the primary ones cannot be recovered anywhere. */
  secondary: Set<string>;
  /** The value of every cell (for the tests' audit and for bilans). */
  values: Map<string, number>;
  /** The additive relations between cells (total = sum of parts). */
  lines: Line[];
}

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

/** The cube of an académie: every cell's value and every line (total = sum of its parts). */
export function cubeOf(leaves: readonly CubeLeaf[]): { values: Map<string, number>; lines: Line[] } {
  const values = new Map<string, number>();
  const children = new Map<AreaKey, Set<AreaKey>>();
  const profiles = new Set<string>();
  for (const leaf of leaves) {
    profiles.add(leaf.profile);
    const path = pathOf(leaf);
    for (const [depth, area] of path.entries()) {
      for (const profile of [leaf.profile, ALL_PROFILES]) values.set(cellKey(area, profile), (values.get(cellKey(area, profile)) ?? 0) + leaf.people);
      if (depth > 0) children.set(path[depth - 1], (children.get(path[depth - 1]) ?? new Set()).add(area));
    }
  }
  const areas = new Set([...values.keys()].map((k) => k.split('|')[0]));
  const lines: Line[] = [];
  for (const area of areas) {
    // across profiles: the area's total is the sum of its profiles
    lines.push({ total: cellKey(area, ALL_PROFILES), parts: [...profiles].map((p) => cellKey(area, p)).filter((k) => values.has(k)) });
    // across the hierarchy: the area's figure of each profile (and its total) is the sum of its children's
    const below = children.get(area);
    if (!below) continue;
    for (const profile of [...profiles, ALL_PROFILES]) {
      const parts = [...below].map((child) => cellKey(child, profile)).filter((k) => values.has(k));
      if (values.has(cellKey(area, profile))) lines.push({ total: cellKey(area, profile), parts });
    }
  }
  return { values, lines };
}

/**
 * Withholds the cells of the cube (see above). `primary` are the cells that are small by themselves (the caller may
 * add its own reasons, e.g. a part whose complement is small); the rest is decided here, deterministically.
 */
export function suppressLinked(
  cube: { values: Map<string, number>; lines: Line[] },
  options: { threshold?: number; primary?: Iterable<string>; secondary?: Iterable<string> } = {},
): LinkedSuppression {
  const threshold = options.threshold ?? SECRECY_THRESHOLD;
  const { values, lines } = cube;
  const value = (key: string) => values.get(key) ?? 0;
  const primary = new Set<string>([...values].filter(([, n]) => n > 0 && n < threshold).map(([key]) => key));
  for (const key of options.primary ?? []) if (value(key) > 0) primary.add(key);
  const secondary = new Set<string>([...(options.secondary ?? [])].filter((key) => !primary.has(key)));
  const withheld = (key: string) => primary.has(key) || secondary.has(key);
  const order = (a: string, b: string) => value(a) - value(b) || a.localeCompare(b);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const cells = [line.total, ...line.parts];
      if (!cells.some(withheld)) continue;
      // a line of one part says that part equals its total: both are withheld, or neither
      if (line.parts.length === 1) {
        for (const key of cells) {
          if (withheld(key) || value(key) === 0) continue;
          secondary.add(key);
          changed = true;
        }
        continue;
      }
      // safe when at least two parts are hidden and they count enough people together: a hidden total alone does not
      // protect (its value comes back from the line above it), so the parts are protected among themselves
      const safe = () => {
        const parts = line.parts.filter(withheld);
        return parts.length >= 2 && parts.reduce((sum, key) => sum + value(key), 0) >= threshold;
      };
      if (safe()) continue;
      const candidates = line.parts.filter((key) => !withheld(key) && value(key) > 0).sort(order);
      while (!safe() && candidates.length) {
        secondary.add(candidates.shift()!);
        changed = true;
      }
      if (!safe() && !withheld(line.total) && value(line.total) > 0) {
        secondary.add(line.total);
        changed = true;
      }
    }
  }
  return { primary, secondary, values, lines };
}

/** Why a cell is withheld in a decision ('primary', 'secondary'), or null when it is published. */
export type Withholding = 'primary' | 'secondary' | null;

/** One académie's decision, for every level's bilan: participants, completions and attestations by area and profile. */
export interface LinkedDecision {
  participants(area: AreaKey, profile: string): Withholding;
  completions(area: AreaKey, profile: string): Withholding;
  attestations(area: AreaKey, profile: string): Withholding;
}
