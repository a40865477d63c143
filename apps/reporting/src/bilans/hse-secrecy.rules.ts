import { areaKey, AreaKey, pathOf, Withholding } from './secrecy-cube.rules';
import { SECRECY_THRESHOLD } from './secrecy.rules';

/**
 * Statistical secrecy of the HSE figures, decided once for an académie over every table that shows them (issue 23).
 *
 * A convention belongs to a school; the bilan of every place (académie, department, district, school) shows the HSE
 * of its conventions (trainers paid, HSE allocated, the cap, HSE paid, the amount paid) and the BI feed shows each
 * convention's. The amounts add up along the places (académie > department > district > school > convention), so a
 * figure withheld in one table comes back as its parent's less its published siblings (seen: an académie's amount less
 * its districts' gave a withheld district's). A place or a convention is sensitive when it has 1 to 4 trainers paid;
 * its figures are withheld, and, so that no sum gives them back, every sum (a parent and its children) holding exactly
 * one withheld term gets a second one: the child with fewest trainers (an amount left alone in a sum is the sum less
 * the rest), or the parent where the withheld child has no sibling. Trainers are not additive (one trainer in two
 * schools' conventions), but the same pattern bounds them: an intruder reads a sum of at least two withheld figures.
 */
export interface ConventionLeaf {
  conventionId: string;
  department: string | null;
  district: string | null;
  uai: string | null;
  /** The trainers allocated HSE under it. */
  trainerIds: readonly string[];
}

export interface HseDecision {
  /** Why an area's (or a convention's) HSE figures are withheld, or null. */
  withheld(area: AreaKey): Withholding;
  /** The trainers paid in an area (distinct people). */
  trainers(area: AreaKey): number;
}

export const conventionArea = (conventionId: string): AreaKey => areaKey('convention', conventionId);

export function decideHse(leaves: readonly ConventionLeaf[], options: { threshold?: number } = {}): HseDecision {
  const threshold = options.threshold ?? SECRECY_THRESHOLD;
  const trainers = new Map<AreaKey, Set<string>>();
  const children = new Map<AreaKey, Set<AreaKey>>();
  for (const leaf of leaves) {
    const path = [...pathOf(leaf), conventionArea(leaf.conventionId)];
    path.forEach((area, depth) => {
      const set = trainers.get(area) ?? new Set<string>();
      for (const id of leaf.trainerIds) set.add(id);
      trainers.set(area, set);
      if (depth > 0) children.set(path[depth - 1], (children.get(path[depth - 1]) ?? new Set()).add(area));
    });
  }
  const count = (area: AreaKey) => trainers.get(area)?.size ?? 0;
  const withheld = new Map<AreaKey, Exclude<Withholding, null>>();
  for (const area of trainers.keys()) if (count(area) > 0 && count(area) < threshold) withheld.set(area, 'primary');

  // every sum with exactly one withheld term gets a second, until none has (areas with no trainer paid show zeros)
  const sums = [...children].map(([parent, under]) => ({
    parent,
    under: [...under].filter((a) => count(a) > 0).sort((a, b) => count(a) - count(b) || a.localeCompare(b)),
  }));
  for (let changed = true; changed;) {
    changed = false;
    for (const { parent, under } of sums) {
      if (count(parent) === 0) continue;
      const terms = [parent, ...under];
      if (terms.filter((a) => withheld.has(a)).length !== 1) continue;
      const next = under.find((a) => !withheld.has(a)) ?? parent;
      withheld.set(next, 'secondary');
      changed = true;
    }
  }
  return {
    withheld: (area) => withheld.get(area) ?? null,
    trainers: count,
  };
}
