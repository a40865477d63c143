import { schoolYearOf } from '@forma/domain';
import type { CalendarZone } from '@forma/contracts';
import Holidays from 'date-holidays';

/**
 * A period without classes, as the ministry publishes it: classes stop after the last class of `lastClassDay` and
 * resume on the morning of `resumeDay`, so the days strictly between the two are off.
 */
export interface VacationPeriod {
  zone: CalendarZone;
  description: string;
  schoolYear: string;
  lastClassDay: string;
  resumeDay: string;
}

export type DayOff =
  | { reason: 'weekend'; label: string }
  | { reason: 'public-holiday'; label: string }
  | { reason: 'vacation'; label: string };

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` + n days (UTC arithmetic on calendar dates, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True when `YYYY-MM-DD` names a day of the calendar (no 30 February). */
export function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Monday of the ISO week of `date`. */
export function mondayOf(date: string): string {
  const day = dayOfWeek(date);
  return addDays(date, day === 0 ? -6 : 1 - day);
}

/** School vacations per zone and French public holidays per region (date-holidays), answering day by day. */
export class SchoolCalendar {
  private readonly byZone = new Map<CalendarZone, VacationPeriod[]>();
  private readonly holidays = new Map<string, Map<string, string>>();

  constructor(periods: readonly VacationPeriod[]) {
    for (const period of periods) {
      const list = this.byZone.get(period.zone) ?? [];
      list.push(period);
      this.byZone.set(period.zone, list);
    }
  }

  get periods(): VacationPeriod[] {
    return [...this.byZone.values()].flat();
  }

  /** True when the zone's vacations of the school year of `date` are known (imported or bundled). */
  covers(zone: CalendarZone, date: string): boolean {
    const year = schoolYearOf(date);
    return (this.byZone.get(zone) ?? []).some((p) => p.schoolYear === year);
  }

  vacationOn(zone: CalendarZone, date: string): VacationPeriod | undefined {
    return (this.byZone.get(zone) ?? []).find((p) => date > p.lastClassDay && date < p.resumeDay);
  }

  /** The public holiday on `date` in `region` (null: metropolitan France), by its French name. */
  publicHolidayOn(region: string | null, date: string): string | undefined {
    const key = `${region ?? 'FR'}:${date.slice(0, 4)}`;
    let year = this.holidays.get(key);
    if (!year) {
      const source = region ? new Holidays('FR', region) : new Holidays('FR');
      year = new Map(
        source
          .getHolidays(Number(date.slice(0, 4)), 'fr')
          .filter((h) => h.type === 'public')
          .map((h) => [h.date.slice(0, 10), h.name]),
      );
      this.holidays.set(key, year);
    }
    return year.get(date);
  }

  /** Why `date` is not a working day, or undefined when it is one. */
  dayOff(zone: CalendarZone, region: string | null, date: string): DayOff | undefined {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return { reason: 'weekend', label: 'week-end' };
    const holiday = this.publicHolidayOn(region, date);
    if (holiday) return { reason: 'public-holiday', label: holiday };
    const vacation = this.vacationOn(zone, date);
    if (vacation) return { reason: 'vacation', label: vacation.description };
    return undefined;
  }
}
