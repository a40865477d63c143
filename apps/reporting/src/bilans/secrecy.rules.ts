/**
 * Statistical secrecy (secret statistique), as French public statistics apply it: a cell built from fewer than
 * `threshold` people is not published (primary suppression), and when a table publishes its total, more cells are
 * withheld (secondary suppression) until the hidden cells cannot be told apart: at least two of them, together counting
 * at least `threshold` people. Zero is published (it identifies no one). A total under the threshold is withheld too.
 */
export const SECRECY_THRESHOLD = 5;

export interface CountedCell {
  key: string;
  /** The number of people the cell is built from. */
  people: number;
}

export interface Suppression {
  /** Cells withheld because they count too few people. */
  primary: Set<string>;
  /** Cells withheld so the primary ones cannot be recovered from the total. */
  secondary: Set<string>;
  /** Whether the total itself is withheld. */
  total: boolean;
}

export function suppress(
  cells: readonly CountedCell[],
  options: { totalPublished: boolean; threshold?: number },
): Suppression {
  const threshold = options.threshold ?? SECRECY_THRESHOLD;
  const small = (n: number) => n > 0 && n < threshold;
  const primary = new Set(cells.filter((c) => small(c.people)).map((c) => c.key));
  const secondary = new Set<string>();
  const total = cells.reduce((sum, c) => sum + c.people, 0);
  if (!options.totalPublished || !primary.size) return { primary, secondary, total: small(total) };
  const hidden = () => [...primary, ...secondary];
  const hiddenPeople = () =>
    cells.filter((c) => primary.has(c.key) || secondary.has(c.key)).reduce((sum, c) => sum + c.people, 0);
  const candidates = cells
    .filter((c) => c.people > 0 && !primary.has(c.key))
    .sort((a, b) => a.people - b.people || a.key.localeCompare(b.key));
  while ((hidden().length < 2 || hiddenPeople() < threshold) && candidates.length)
    secondary.add(candidates.shift()!.key);
  // nothing left to hide beside them: only withholding the total keeps the small cells secret
  const recoverable = hidden().length < 2 || hiddenPeople() < threshold;
  return { primary, secondary, total: small(total) || recoverable };
}

/** Whether a cell is withheld, by either rule. */
export function isWithheld(s: Suppression, key: string): boolean {
  return s.primary.has(key) || s.secondary.has(key);
}
