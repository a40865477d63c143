import { RuleViolation, schoolYearBounds, schoolYearOf } from '@forma/domain';
import { BilanPeriod } from './bilan.rules';

/** A day AAAA-MM-JJ that exists in the calendar. */
export function isRealDay(day: string): boolean {
  return (
    !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day
  );
}

/** The period asked: a school year, or from and to (both, in order), or none. */
export function periodOf({
  schoolYear,
  from,
  to,
}: {
  schoolYear?: string;
  from?: string;
  to?: string;
}): BilanPeriod | null {
  if (schoolYear !== undefined) {
    if (from !== undefined || to !== undefined) {
      throw RuleViolation.onField(
        'invalid',
        'period_ambiguous',
        'Une période est une année scolaire ou des dates de début et de fin, pas les deux.',
        'schoolYear',
      );
    }
    const bounds = schoolYearBounds(schoolYear);
    if (!bounds)
      throw RuleViolation.onField(
        'invalid',
        'school_year_invalid',
        `L'année scolaire ${schoolYear} n'existe pas (attendu : deux années qui se suivent, 2025-2026).`,
        'schoolYear',
      );
    return { ...bounds, schoolYear };
  }
  if (from === undefined && to === undefined) return null;
  if (from === undefined || to === undefined) {
    throw RuleViolation.onField(
      'invalid',
      'period_incomplete',
      'Une période se donne avec sa date de début (from) et sa date de fin (to).',
      from === undefined ? 'from' : 'to',
    );
  }
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isRealDay(day))
      throw RuleViolation.onField('invalid', 'period_invalid', `La date ${day} n'existe pas.`, field);
  }
  if (from > to)
    throw RuleViolation.onField(
      'invalid',
      'period_reversed',
      `La période se termine (${to}) avant de commencer (${from}).`,
      'to',
    );
  // the dates of a whole school year name it
  const year = schoolYearBounds(schoolYearOf(from))!;
  return { from, to, schoolYear: from === year.from && to === year.to ? schoolYearOf(from) : null };
}

/** The school years a period touches. */
export function schoolYearsOf(period: BilanPeriod): string[] {
  const years: string[] = [];
  for (let year = schoolYearOf(period.from); ;) {
    years.push(year);
    if (year === schoolYearOf(period.to)) return years;
    const next = Number(year.slice(5));
    year = `${next}-${next + 1}`;
  }
}
