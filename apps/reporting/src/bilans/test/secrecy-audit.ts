import { intruderRanges } from '@forma/testing';
import { ALL_PROFILES, cellKey, COUNT_FIGURES, figureOf, Sensitive } from '../secrecy-cube.rules';
import { LinkedDecision, PROTECTION_MARGIN } from '../linked-secrecy.rules';

/**
 * The intruder's audit of a decision (issue 23), for the tests and the benchmark: every cell the decision publishes,
 * at every level, is given to a linear program (`intruderRanges`, HiGHS) that finds the least and the most each
 * sensitive figure can be.
 */
export interface AuditedFigure {
  cell: string;
  figure: Sensitive;
  value: number;
  min: number;
  max: number;
}

/**
 * Every sensitive figure's range given what the decision publishes (or every `sample.every`-th, for a large académie).
 */
export async function auditDecision(
  decision: LinkedDecision,
  sample: { every: number } = { every: 1 },
): Promise<AuditedFigure[]> {
  const { cube } = decision;
  const units = cube.leaves.map((leaf) =>
    leaf.path.flatMap((area) => [cellKey(area, leaf.profile), cellKey(area, ALL_PROFILES)]),
  );
  const published = [...cube.cells].flatMap(([cell, counts]) =>
    COUNT_FIGURES.filter((figure) => !decision.hidden.get(cell)?.has(figure)).map((figure) => ({
      cell,
      figure,
      value: counts[figure],
    })),
  );
  const asked = [...decision.sensitive]
    .flatMap(([cell, figures]) => figures.map((figure) => ({ cell, figure })))
    .filter((_, i) => i % sample.every === 0);
  const ranges = await intruderRanges(units, published, asked);
  return ranges.map((r, i) => {
    const figure = asked[i].figure;
    return { cell: r.cell, figure, value: figureOf(cube.cells.get(r.cell)!, figure), min: r.min, max: r.max };
  });
}

/** The figures an intruder pins or narrows below the margin (none for a sound decision). */
export async function weakFigures(
  decision: LinkedDecision,
  margin = PROTECTION_MARGIN,
  sample = { every: 1 },
): Promise<AuditedFigure[]> {
  return (await auditDecision(decision, sample)).filter(
    (f) => f.max - f.min < margin || f.value < f.min || f.value > f.max,
  );
}
