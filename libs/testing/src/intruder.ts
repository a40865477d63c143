import highsLoader from 'highs';

/**
 * An intruder's linear program (issue 23): what someone who reads every published figure can learn of the others.
 * The unknowns are the finest units of a set of linked tables (say, a school's people of one profile), each with its
 * people, completions and attestations (never negative, never more completions or attestations than people); a unit
 * counts in every cell it names (its school, district, …, académie, in its profile and in the total). Every published
 * figure is an equation on them; HiGHS (WebAssembly) gives the least and the most a withheld figure can be.
 */
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | undefined;
const highs = () => (solver ??= highsLoader());

export type CountFigure = 'people' | 'completions' | 'attestations';
export type AskedFigure = CountFigure | 'notCompleted' | 'notAttested';

export interface PublishedFigure {
  cell: string;
  figure: CountFigure;
  value: number;
}

export interface FigureRange {
  cell: string;
  figure: AskedFigure;
  min: number;
  max: number;
}

/** The range of each asked figure, given the units' cells and what was published. */
export async function intruderRanges(
  units: readonly (readonly string[])[],
  published: readonly PublishedFigure[],
  asked: readonly { cell: string; figure: AskedFigure }[],
): Promise<FigureRange[]> {
  const h = await highs();
  const under = new Map<string, number[]>();
  units.forEach((cells, i) => {
    for (const cell of new Set(cells)) under.set(cell, [...(under.get(cell) ?? []), i]);
  });
  const variable = { people: 'p', completions: 'c', attestations: 'a' } as const;
  const sum = (figure: CountFigure, cell: string, sign = '+') =>
    (under.get(cell) ?? []).map((i) => `${sign} ${variable[figure]}${i}`).join(' ');
  const constraints = units.flatMap((_, i) => [` o${i}: c${i} - p${i} <= 0`, ` t${i}: a${i} - p${i} <= 0`]);
  for (const f of published) {
    const terms = sum(f.figure, f.cell);
    if (!terms) throw new Error(`no unit counts in the published cell ${f.cell}`);
    constraints.push(` e${constraints.length}: ${terms} = ${f.value}`);
  }
  const body = `Subject To\n${constraints.join('\n')}\nEnd\n`;
  const objective = (cell: string, figure: AskedFigure) => {
    switch (figure) {
      case 'notCompleted':
        return `${sum('people', cell)} ${sum('completions', cell, '-')}`;
      case 'notAttested':
        return `${sum('people', cell)} ${sum('attestations', cell, '-')}`;
      default:
        return sum(figure, cell);
    }
  };
  return asked.map(({ cell, figure }) => {
    const solve = (sense: 'Minimize' | 'Maximize') => {
      const result = h.solve(`${sense}\n obj: ${objective(cell, figure)}\n${body}`);
      if (result.Status === 'Unbounded')
        return sense === 'Minimize' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status} for ${cell} ${figure}`);
      return Math.round(result.ObjectiveValue * 1000) / 1000;
    };
    return { cell, figure, min: solve('Minimize'), max: solve('Maximize') };
  });
}
