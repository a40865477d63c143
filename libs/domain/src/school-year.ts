/**
 * The school year, one definition for the whole platform (Code de l'éducation: the school year begins on 1 September):
 * `2026-2027` runs from 1 September 2026 to 31 August 2027. Catalog's calendar, the training plan's waves, reporting's
 * sessions and bilans all read it here.
 */
export const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** `2025-2026` for any day (AAAA-MM-JJ) from 1 September 2025 to 31 August 2026. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The first and last day of a school year `2026-2027`, or null when it is not two consecutive years. */
export function schoolYearBounds(schoolYear: string): { from: string; to: string } | null {
  const match = SCHOOL_YEAR.exec(schoolYear);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return null;
  return { from: `${match[1]}-09-01`, to: `${match[2]}-08-31` };
}
