import { shortDate } from '@forma/domain';
import type { CalendarZone, Modality } from '@forma/contracts';
import {
  checkSessionCalendar,
  MAX_DISTANCE_HOURS_PER_WEEK,
  PlannedSlot,
  CalendarFinding,
  slotHours,
  workingWeeks,
} from '../calendar/calendar.rules';
import { addDays, mondayOf, SchoolCalendar } from '../calendar/school-calendar';

export interface PlannerModule {
  modality: Modality;
  faceToFaceHours: number;
  distanceSynchronousHours: number;
  distanceAsynchronousHours: number;
  maxParticipantsPerSession: number | null;
}

export interface PlannerTrainer {
  name: string;
  unavailableOn?: string[];
}

export interface PlannerPlace {
  uai?: string | null;
  label: string;
}

export interface PlannerInput {
  module: PlannerModule;
  participants: number;
  from: string;
  to: string;
  zone: CalendarZone;
  holidayRegion: string | null;
  trainers: PlannerTrainer[];
  places: PlannerPlace[];
  /** "y sessions n times" (seed 003): y parallel sessions on the same dates, repeated in n waves (y x n = x). */
  repeat?: { sessions: number; times: number };
}

export interface ProposedSession {
  groupNumber: string;
  participants: number;
  place: PlannerPlace | null;
  trainers: string[];
  slots: PlannedSlot[];
  distanceEndsOn: string | null;
  warnings: CalendarFinding[];
}

export type PlanResult =
  | { feasible: true; sessionCount: number; sessions: ProposedSession[]; notes: string[] }
  | { feasible: false; reasons: CalendarFinding[] };

/** A face-to-face day: 09:00-12:00 then 13:30-16:30, so at most 6 h. */
const DAY_BLOCKS = [
  { start: '09:00', hours: 3 },
  { start: '13:30', hours: 3 },
];
/** Virtual classes of at most one hour, on Tuesday afternoons of successive working weeks. */
const VIRTUAL_CLASS = { weekday: 1, start: '14:00', maxHours: 1 };

function timeAfter(start: string, hours: number): string {
  const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + Math.round(hours * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const refuse = (code: string, field: string, message: string): PlanResult => ({
  feasible: false,
  reasons: [{ code, field, message }],
});

/**
 * Proposes the sessions of a module (seed 003 "organiser les sessions"): x = ceil(participants / max per session),
 * held once each or as y parallel sessions repeated n times; every slot respects the calendar rules and the 2 h a week
 * of distance work; two trainers per session where possible. Returns a plan to accept, or why none fits — never a
 * partial plan.
 */
export function planSessions(input: PlannerInput, calendar: SchoolCalendar): PlanResult {
  const { module } = input;
  if (!Number.isInteger(input.participants) || input.participants < 1) {
    return refuse('participants_invalid', 'participants', 'Le nombre de participants doit être un entier positif.');
  }
  if (!module.maxParticipantsPerSession) {
    return refuse(
      'max_participants_unknown',
      'moduleId',
      "Le module n'a pas de nombre maximum de participants par session : renseignez-le pour calculer x.",
    );
  }
  if (input.to < input.from) return refuse('range_end_before_start', 'to', 'La fin de la période précède son début.');
  if (!input.trainers.length) return refuse('no_trainer', 'trainers', 'Indiquez au moins un formateur disponible.');
  if (module.faceToFaceHours > 0 && !input.places.length) {
    return refuse('no_place', 'places', 'Le module a des heures en présence : indiquez au moins un lieu.');
  }
  const x = Math.ceil(input.participants / module.maxParticipantsPerSession);
  const parallel = input.repeat?.sessions ?? 1;
  const waves = input.repeat?.times ?? x;
  if (input.repeat && parallel * waves !== x) {
    return refuse(
      'repeat_mismatch',
      'repeat',
      `${input.participants} participants à ${module.maxParticipantsPerSession} au plus par session demandent x = ${x} sessions : y × n = ${parallel} × ${waves} ne convient pas.`,
    );
  }
  if (parallel > input.trainers.length) {
    return refuse(
      'not_enough_trainers',
      'trainers',
      `${parallel} sessions en parallèle demandent au moins ${parallel} formateurs.`,
    );
  }
  if (module.faceToFaceHours > 0 && parallel > input.places.length) {
    return refuse(
      'not_enough_places',
      'places',
      `${parallel} sessions en parallèle demandent au moins ${parallel} lieux.`,
    );
  }

  const notes: string[] = [];
  const template = sessionTemplate(module);
  if (template.launchClassAdded) {
    notes.push(
      "Module sans présence ni synchrone : une classe virtuelle de lancement d'une heure ouvre chaque session.",
    );
  }
  const trainerBusy = new Map<string, Set<string>>(input.trainers.map((t) => [t.name, new Set(t.unavailableOn ?? [])]));
  const placeBusy = new Map<string, Set<string>>(input.places.map((p) => [p.label, new Set<string>()]));
  const load = new Map<string, number>(input.trainers.map((t) => [t.name, 0]));
  const sessions: ProposedSession[] = [];
  const sizes = split(input.participants, x);

  let day = input.from;
  // Two trainers per session where possible: look for such a date first, settle for one trainer only when none fits.
  const teamSizes = input.trainers.length >= 2 * parallel ? [2, 1] : [1];
  for (let wave = 0; wave < waves; wave++) {
    let placedOn: string | undefined;
    for (const teamSize of teamSizes) {
      for (let candidate = day; candidate <= input.to && !placedOn; candidate = addDays(candidate, 1)) {
        if (placeWave(candidate, teamSize)) placedOn = candidate;
      }
      if (placedOn) break;
    }
    if (!placedOn) {
      return {
        feasible: false,
        reasons: [
          {
            code: 'not_enough_dates',
            field: 'to',
            message: `${x} session(s) demandée(s) (${parallel} en parallèle, ${waves} vague(s)) mais seules ${sessions.length} tiennent entre le ${shortDate(input.from)} et le ${shortDate(input.to)} en respectant le calendrier scolaire, les jours fériés, 2 h à distance par semaine et la disponibilité des formateurs et des lieux : élargissez la période, ajoutez des formateurs ou des lieux.`,
          },
        ],
      };
    }
    day = addDays(placedOn, 1);
  }

  function placeWave(candidateDay: string, teamSize: number): boolean {
    const candidate = buildSlots(candidateDay, template, input, calendar);
    if (!candidate) return false;
    const { slots, distanceEndsOn } = candidate;
    const dates = [...new Set(slots.map((s) => s.date))];
    const faceToFaceDates = [...new Set(slots.filter((s) => s.kind === 'face-to-face').map((s) => s.date))];
    const places = module.faceToFaceHours > 0 ? freePlaces(input.places, placeBusy, faceToFaceDates) : [];
    if (module.faceToFaceHours > 0 && places.length < parallel) return false;
    const free = input.trainers
      .map((t) => t.name)
      .filter((name) => dates.every((d) => !trainerBusy.get(name)?.has(d)))
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b));
    if (free.length < parallel * teamSize) return false;
    for (let i = 0; i < parallel; i++) {
      const team = free.slice(i * teamSize, (i + 1) * teamSize);
      const place = module.faceToFaceHours > 0 ? places[i] : null;
      for (const name of team) {
        dates.forEach((d) => trainerBusy.get(name)?.add(d));
        load.set(name, (load.get(name) ?? 0) + 1);
      }
      if (place) faceToFaceDates.forEach((d) => placeBusy.get(place.label)?.add(d));
      const index = sessions.length;
      const report = checkSessionCalendar(
        {
          modality: module.modality,
          distanceAsynchronousHours: module.distanceAsynchronousHours,
          slots,
          distanceEndsOn,
          trainerCount: team.length,
          zone: input.zone,
          holidayRegion: input.holidayRegion,
        },
        calendar,
      );
      sessions.push({
        groupNumber: String(index + 1).padStart(2, '0'),
        participants: sizes[index],
        place: place ?? null,
        trainers: team,
        slots,
        distanceEndsOn,
        warnings: report.warnings,
      });
    }
    return true;
  }
  return { feasible: true, sessionCount: x, sessions, notes };
}

interface SessionTemplate {
  faceToFaceBlocks: number[];
  virtualClassHours: number[];
  distanceWeeks: number;
  launchClassAdded: boolean;
}

/** How a module's hours become slots: face-to-face days, weekly virtual classes and the weeks of distance work. */
function sessionTemplate(module: PlannerModule): SessionTemplate {
  const faceToFaceBlocks: number[] = [];
  for (let left = module.faceToFaceHours; left > 1e-9; left -= 3) faceToFaceBlocks.push(Math.min(3, left));
  const virtualClassHours: number[] = [];
  for (let left = module.distanceSynchronousHours; left > 1e-9; left -= VIRTUAL_CLASS.maxHours) {
    virtualClassHours.push(Math.min(VIRTUAL_CLASS.maxHours, left));
  }
  const launchClassAdded = faceToFaceBlocks.length === 0 && virtualClassHours.length === 0;
  if (launchClassAdded) virtualClassHours.push(1);
  const distance = module.distanceAsynchronousHours + virtualClassHours.reduce((a, b) => a + b, 0);
  const distanceWeeks =
    module.modality === 'face-to-face' ? 0 : Math.ceil(distance / MAX_DISTANCE_HOURS_PER_WEEK - 1e-9);
  return {
    faceToFaceBlocks,
    virtualClassHours,
    distanceWeeks: Math.max(distanceWeeks, virtualClassHours.length),
    launchClassAdded,
  };
}

/** The slots of a session starting on `day`, or undefined when they would break a calendar rule or leave the range. */
function buildSlots(
  day: string,
  template: SessionTemplate,
  input: PlannerInput,
  calendar: SchoolCalendar,
): { slots: PlannedSlot[]; distanceEndsOn: string | null } | undefined {
  const off = (d: string) => calendar.dayOff(input.zone, input.holidayRegion, d) !== undefined;
  if (off(day)) return undefined;
  const slots: PlannedSlot[] = [];
  let current = day;
  const blocks = [...template.faceToFaceBlocks];
  while (blocks.length) {
    if (current > input.to) return undefined;
    if (!off(current)) {
      for (const block of DAY_BLOCKS) {
        const hours = blocks.shift();
        if (hours === undefined) break;
        slots.push({
          date: current,
          start: block.start,
          end: timeAfter(block.start, Math.min(hours, block.hours)),
          kind: 'face-to-face',
        });
      }
    }
    if (blocks.length) current = addDays(current, 1);
  }
  let distanceEndsOn: string | null = null;
  if (template.distanceWeeks > 0) {
    // distance work starts the day itself (distance) or the week after the last face-to-face day (hybrid)
    const start = slots.length ? addDays(mondayOf(current), 7) : day;
    const weeks = workingWeeks(start, input.to, input.zone, input.holidayRegion, calendar).slice(
      0,
      template.distanceWeeks,
    );
    if (weeks.length < template.distanceWeeks) return undefined;
    template.virtualClassHours.forEach((hours, i) => {
      const week = weeks[i];
      let date = i === 0 && !slots.length ? day : addDays(week, VIRTUAL_CLASS.weekday);
      for (let shift = 0; off(date) && shift < 4; shift++)
        date = addDays(week, (VIRTUAL_CLASS.weekday + shift + 1) % 5);
      slots.push({
        date,
        start: VIRTUAL_CLASS.start,
        end: timeAfter(VIRTUAL_CLASS.start, hours),
        kind: 'virtual-class',
      });
    });
    distanceEndsOn = addDays(weeks[weeks.length - 1], 4);
    if (distanceEndsOn > input.to) return undefined;
  }
  const report = checkSessionCalendar(
    {
      modality: input.module.modality,
      distanceAsynchronousHours: input.module.distanceAsynchronousHours,
      slots,
      distanceEndsOn,
      trainerCount: 2,
      zone: input.zone,
      holidayRegion: input.holidayRegion,
    },
    calendar,
  );
  return report.errors.length ? undefined : { slots, distanceEndsOn };
}

function freePlaces(places: PlannerPlace[], busy: Map<string, Set<string>>, dates: string[]): PlannerPlace[] {
  return places.filter((p) => dates.every((d) => !busy.get(p.label)?.has(d)));
}

/** 25 participants in 3 sessions: 9, 8, 8. */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

export const plannedHours = (slots: PlannedSlot[]) => slots.reduce((sum, slot) => sum + slotHours(slot), 0);
