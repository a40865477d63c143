import { shortDate } from '@forma/domain';
import type { CalendarZone, Modality, SlotKind } from '@forma/contracts';
import { addDays, DayOff, mondayOf, SchoolCalendar } from './school-calendar';

export interface PlannedSlot {
  date: string;
  start: string;
  end: string;
  kind: SlotKind;
}

/** What the calendar rules need to know of a session being planned or moved. */
export interface SessionCalendarInput {
  modality: Modality;
  /** Asynchronous distance hours of the module, spread over the weeks of the session. */
  distanceAsynchronousHours: number;
  slots: readonly PlannedSlot[];
  /** Last day of the distance work, when it goes on after the last slot. */
  distanceEndsOn?: string | null;
  trainerCount: number;
  zone: CalendarZone;
  holidayRegion: string | null;
}

/** A rule that is broken (error) or only advised (warning): stable code, offending field, French message. */
export interface CalendarFinding {
  code: string;
  field: string;
  message: string;
}

export interface RuleReport {
  errors: CalendarFinding[];
  warnings: CalendarFinding[];
}

/** Seed 003: "horaires ouvrables" for virtual classes. */
export const WORKING_HOURS = { start: '08:00', end: '18:00' } as const;
/** Seed 003: at most two hours of distance work per week. */
export const MAX_DISTANCE_HOURS_PER_WEEK = 2;
/** Seed 003: two tutors or trainers per session are advised. */
export const ADVISED_TRAINERS_PER_SESSION = 2;

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function slotHours(slot: Pick<PlannedSlot, 'start' | 'end'>): number {
  return Math.max(0, minutesOf(slot.end) - minutesOf(slot.start)) / 60;
}

function hoursLabel(hours: number): string {
  return `${Number(hours.toFixed(2)).toString().replace('.', ',')} h`;
}

function dayOffMessage(off: DayOff): string {
  switch (off.reason) {
    case 'weekend':
      return 'un week-end';
    case 'public-holiday':
      return `un jour férié (${off.label})`;
    case 'vacation':
      return `les vacances scolaires (${off.label})`;
  }
}

const DAY_OFF_CODES: Record<DayOff['reason'], string> = {
  weekend: 'slot_on_weekend',
  'public-holiday': 'slot_on_public_holiday',
  vacation: 'slot_in_school_vacation',
};

/**
 * The calendar rules of seed 003, checked when a session is planned or moved: slots on working days only (never a
 * weekend, a public holiday of the place or a school vacation of the zone), virtual classes on working hours, a
 * distance or hybrid training never starting on the eve of a break, at most 2 h of distance work a week. Two trainers
 * per session are advised (warning only).
 */
export function checkSessionCalendar(input: SessionCalendarInput, calendar: SchoolCalendar): RuleReport {
  const errors: CalendarFinding[] = [];
  const warnings: CalendarFinding[] = [];
  const ordered = input.slots.map((slot, index) => ({ slot, index })).sort((a, b) => order(a.slot, b.slot));

  for (const { slot, index } of ordered) {
    const when = shortDate(slot.date);
    if (minutesOf(slot.end) <= minutesOf(slot.start)) {
      errors.push({
        code: 'slot_end_before_start',
        field: `slots[${index}].end`,
        message: `Le créneau du ${when} finit (${slot.end}) avant de commencer (${slot.start}).`,
      });
    }
    const off = calendar.dayOff(input.zone, input.holidayRegion, slot.date);
    if (off) {
      errors.push({
        code: DAY_OFF_CODES[off.reason],
        field: `slots[${index}].date`,
        message: `Le créneau du ${when} tombe pendant ${dayOffMessage(off)} : aucune formation ces jours-là.`,
      });
    }
    if (slot.kind === 'virtual-class' && (slot.start < WORKING_HOURS.start || slot.end > WORKING_HOURS.end)) {
      errors.push({
        code: 'virtual_class_outside_working_hours',
        field: `slots[${index}].start`,
        message: `La classe virtuelle du ${when} (${slot.start}-${slot.end}) sort des horaires ouvrables (${WORKING_HOURS.start}-${WORKING_HOURS.end}).`,
      });
    }
  }

  const first = ordered[0];
  if (first && input.modality !== 'face-to-face') {
    const eve = calendar.dayOff(input.zone, input.holidayRegion, addDays(first.slot.date, 1));
    if (eve) {
      errors.push({
        code: 'start_on_eve_of_break',
        field: `slots[${first.index}].date`,
        message: `Une formation à distance ou hybride ne commence pas la veille d'${eve.reason === 'weekend' ? 'un week-end' : eve.reason === 'public-holiday' ? `un jour férié (${eve.label})` : `vacances scolaires (${eve.label})`} : le ${shortDate(first.slot.date)} ne convient pas.`,
      });
    }
  }

  if (input.modality !== 'face-to-face') errors.push(...checkWeeklyDistanceLoad(input, calendar));

  if (input.trainerCount < ADVISED_TRAINERS_PER_SESSION) {
    warnings.push({
      code: 'fewer_than_two_trainers',
      field: 'trainers',
      message: `Deux formateurs ou tuteurs par session sont conseillés ; la session en a ${input.trainerCount}.`,
    });
  }
  const unknown = [...new Set(input.slots.map((s) => s.date).filter((d) => !calendar.covers(input.zone, d)))];
  if (unknown.length) {
    warnings.push({
      code: 'school_calendar_unknown',
      field: 'slots',
      message: `Le calendrier scolaire de la zone ${input.zone} n'est pas connu pour ${unknown.map(shortDate).join(', ')} : importez le fichier officiel pour vérifier les vacances.`,
    });
  }
  return { errors, warnings };
}

function order(a: PlannedSlot, b: PlannedSlot): number {
  return a.date === b.date ? a.start.localeCompare(b.start) : a.date.localeCompare(b.date);
}

/** Weeks (by their Monday) of a period that hold at least one working day. */
export function workingWeeks(
  from: string,
  to: string,
  zone: CalendarZone,
  region: string | null,
  calendar: SchoolCalendar,
): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const days = [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
    if (days.some((day) => !calendar.dayOff(zone, region, day))) weeks.push(monday);
  }
  return weeks;
}

/**
 * Distance work stays within 2 h a week: virtual-class hours count in their week; asynchronous hours must fit in what
 * the working weeks from the first slot to the end of the distance work leave free (2 h minus that week's classes).
 */
export function checkWeeklyDistanceLoad(input: SessionCalendarInput, calendar: SchoolCalendar): CalendarFinding[] {
  const dates = input.slots.map((s) => s.date).sort();
  if (!dates.length) return [];
  const from = dates[0];
  const lastSlot = dates[dates.length - 1];
  const to = input.distanceEndsOn && input.distanceEndsOn > lastSlot ? input.distanceEndsOn : lastSlot;
  const synchronous = new Map<string, number>();
  for (const slot of input.slots) {
    if (slot.kind !== 'virtual-class') continue;
    const week = mondayOf(slot.date);
    synchronous.set(week, (synchronous.get(week) ?? 0) + slotHours(slot));
  }
  for (const [week, hours] of [...synchronous].sort()) {
    if (hours > MAX_DISTANCE_HOURS_PER_WEEK + 1e-9) {
      return [
        {
          code: 'distance_weekly_load_exceeded',
          field: 'slots',
          message: `La semaine du ${shortDate(week)} compte ${hoursLabel(hours)} de classe virtuelle (maximum ${MAX_DISTANCE_HOURS_PER_WEEK} h de travail à distance par semaine).`,
        },
      ];
    }
  }
  const weeks = workingWeeks(from, to, input.zone, input.holidayRegion, calendar);
  const free = weeks.reduce(
    (sum, week) => sum + Math.max(0, MAX_DISTANCE_HOURS_PER_WEEK - (synchronous.get(week) ?? 0)),
    0,
  );
  if (input.distanceAsynchronousHours > free + 1e-9) {
    const total = input.distanceAsynchronousHours + [...synchronous.values()].reduce((a, b) => a + b, 0);
    const needed = Math.ceil(total / MAX_DISTANCE_HOURS_PER_WEEK - 1e-9);
    return [
      {
        code: 'distance_weekly_load_exceeded',
        field: input.distanceEndsOn ? 'distanceEndsOn' : 'slots',
        message: `${hoursLabel(total)} de travail à distance ne tiennent pas dans ${weeks.length} semaine(s) travaillée(s) à ${MAX_DISTANCE_HOURS_PER_WEEK} h au plus : étalez la formation sur au moins ${needed} semaines travaillées (hors vacances).`,
      },
    ];
  }
  return [];
}
