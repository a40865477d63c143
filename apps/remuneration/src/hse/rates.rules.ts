import { RuleViolation } from '@forma/domain';
import Decimal from 'decimal.js';

/**
 * The HSE rate (seed 002, decree): an HSE is paid 1/36 of the annual HSA rate of the teacher's grade, plus 25 %. The
 * annual rates are a dated table loaded as configuration, never code; amounts are exact decimals, rounded to the cent
 * half up: the unit rate first (as payroll publishes it), then each line's amount.
 */
export interface RateEntry {
  grade: string;
  from: string;
  /** Last day of validity, or null for "until a new decree". */
  to: string | null;
  annualHsaRate: string;
}

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** A table with a gap or an overlap in a grade's dates, or a malformed rate, is refused whole, naming the entry. */
export function validRates(entries: readonly RateEntry[]): RateEntry[] {
  const byGrade = new Map<string, RateEntry[]>();
  entries.forEach((e, i) => {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(e.from) ||
      (e.to !== null && !/^\d{4}-\d{2}-\d{2}$/.test(e.to)) ||
      (e.to !== null && e.to < e.from)
    ) {
      throw RuleViolation.onField(
        'invalid',
        'invalid_rate_dates',
        `rates[${i}] : dates invalides (${e.from} → ${e.to}).`,
        `rates[${i}]`,
      );
    }
    if (!/^\d{1,6}(\.\d{1,2})?$/.test(e.annualHsaRate))
      throw RuleViolation.onField(
        'invalid',
        'invalid_rate',
        `rates[${i}] : taux annuel « ${e.annualHsaRate} » invalide.`,
        `rates[${i}].annualHsaRate`,
      );
    byGrade.set(e.grade, [...(byGrade.get(e.grade) ?? []), e]);
  });
  for (const [grade, list] of byGrade) {
    list.sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < list.length; i += 1) {
      const previous = list[i - 1];
      if (previous.to === null || previous.to >= list[i].from)
        throw new RuleViolation(
          'invalid',
          'rates_overlap',
          `Taux du grade ${grade} : la période du ${list[i].from} chevauche la précédente.`,
        );
      if (nextDay(previous.to) !== list[i].from)
        throw new RuleViolation(
          'invalid',
          'rates_gap',
          `Taux du grade ${grade} : aucun taux du ${nextDay(previous.to)} au ${list[i].from}.`,
        );
    }
  }
  return [...entries];
}

/** The unit HSE rate of a grade on a day: annual HSA rate / 36 x 1.25, to the cent. */
export function hseUnitRate(rates: readonly RateEntry[], grade: string, day: string): Decimal {
  const entry = rates.find((r) => r.grade === grade && r.from <= day && (r.to === null || day <= r.to));
  if (!entry) throw new RuleViolation('invalid', 'no_rate', `Aucun taux d’HSE pour le grade ${grade} au ${day}.`);
  return new Decimal(entry.annualHsaRate).div(36).mul('1.25').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function lineAmount(hse: Decimal.Value, unitRate: Decimal): Decimal {
  return new Decimal(hse).mul(unitRate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** An HSE proposal: positive, at most two decimals. */
export function proposedHse(value: string): Decimal {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || new Decimal(value).lte(0)) {
    throw RuleViolation.onField(
      'invalid',
      'invalid_hse',
      `hse : « ${value} » n’est pas un nombre d’HSE positif (deux décimales au plus).`,
      'hse',
    );
  }
  return new Decimal(value);
}
