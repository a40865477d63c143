import { AttendanceModality, MarkProvenance, PresenceStatus, SlotPart } from '@forma/contracts';
import { RuleViolation } from '@forma/domain';

/**
 * The presence ledger's rules, pure: what can be marked in a session (its parts), what a mark says, and how time is
 * counted. Time is whole minutes (exact); hours typed by a trainer are decimals with at most two places.
 */

export interface Slot {
  date: string;
  start: string;
  end: string;
  kind: 'face-to-face' | 'virtual-class';
}

/** One markable part of a session: a slot, a half-day of a day-long slot, or the follow-up ("suivi") at a distance. */
export interface SessionPart {
  slotIndex: number;
  part: SlotPart;
  modality: AttendanceModality;
  date: string;
  start: string | null;
  end: string | null;
  plannedMinutes: number;
}

const LUNCH_START = 12 * 60;
const LUNCH_END = 13 * 60;

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The parts of a session: each slot, split into morning and afternoon when it spans the lunch hour (a day-long slot is
 * signed twice), then the follow-up at a distance when the parcours plans asynchronous hours.
 */
export function sessionParts(
  slots: readonly Slot[],
  followUpMinutes: number,
  followUpUntil: string | null,
): SessionPart[] {
  const parts: SessionPart[] = [];
  slots.forEach((slot, slotIndex) => {
    const start = minutesOf(slot.start);
    const end = minutesOf(slot.end);
    const modality = slot.kind;
    if (start < LUNCH_START && end > LUNCH_END) {
      parts.push({
        slotIndex,
        part: 'morning',
        modality,
        date: slot.date,
        start: slot.start,
        end: timeOf(LUNCH_START),
        plannedMinutes: LUNCH_START - start,
      });
      parts.push({
        slotIndex,
        part: 'afternoon',
        modality,
        date: slot.date,
        start: timeOf(LUNCH_END),
        end: slot.end,
        plannedMinutes: end - LUNCH_END,
      });
    } else {
      parts.push({
        slotIndex,
        part: 'whole',
        modality,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        plannedMinutes: end - start,
      });
    }
  });
  if (followUpMinutes > 0) {
    const last =
      slots
        .map((s) => s.date)
        .sort()
        .at(-1) ??
      followUpUntil ??
      '';
    parts.push({
      slotIndex: slots.length,
      part: 'whole',
      modality: 'follow-up',
      date: followUpUntil ?? last,
      start: null,
      end: null,
      plannedMinutes: followUpMinutes,
    });
  }
  return parts;
}

/** Hours as typed ("2", "2.5", "1,75") to whole minutes, exactly; anything else is refused naming the field. */
export function minutesFromHours(hours: string | number, field: string): number {
  const text = String(hours).trim().replace(',', '.');
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match)
    throw RuleViolation.onField(
      'invalid',
      'invalid_hours',
      `${field} : durée en heures attendue (ex. 2,5).`,
      field,
      `${field} : « ${hours} » n'est pas une durée`,
    );
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if ((hundredths * 60) % 100 !== 0) {
    throw RuleViolation.onField(
      'invalid',
      'invalid_hours',
      `${field} : ${text} h ne fait pas un nombre entier de minutes.`,
      field,
      `${field} : ${text} h n'est pas un nombre entier de minutes`,
    );
  }
  return (hundredths * 60) / 100;
}

/** "3 h", "2 h 30", "0 h 45": how a French document writes a duration. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

export interface MarkInput {
  registrationId: string;
  slotIndex: number;
  part?: SlotPart;
  status: PresenceStatus;
  hours?: string | number;
  reason?: string;
  provenance?: MarkProvenance;
}

export interface CurrentMark {
  id: string;
  registrationId: string;
  slotIndex: number;
  part: SlotPart;
  status: PresenceStatus;
  minutes: number;
}

export interface Enrolled {
  registrationId: string;
  state: 'confirmed' | 'cancelled';
  confirmedAt: Date;
}

/** A mark ready for the ledger. */
export interface LedgerEntry {
  registrationId: string;
  slotIndex: number;
  part: SlotPart;
  modality: AttendanceModality;
  status: PresenceStatus;
  minutes: number;
  provenance: MarkProvenance;
  reason: string | null;
  corrects: string | null;
}

const keyOf = (registrationId: string, slotIndex: number, part: SlotPart) => `${registrationId}/${slotIndex}/${part}`;

/**
 * Checks every mark of a batch (one or the whole list) against the session's parts, its roster and the current marks;
 * the first error of each line is reported with the line's index, and nothing is recorded unless all are valid.
 */
export function entriesFor(
  inputs: readonly MarkInput[],
  parts: readonly SessionPart[],
  roster: ReadonlyMap<string, Enrolled>,
  current: ReadonlyMap<string, CurrentMark>,
): LedgerEntry[] {
  const errors: { field: string; rule: string; message: string }[] = [];
  const entries: LedgerEntry[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    const at = `marks[${i}]`;
    const fail = (field: string, rule: string, message: string) =>
      errors.push({ field: `${at}.${field}`, rule, message: `${at}.${field} : ${message}` });
    const enrolled = roster.get(input.registrationId);
    if (!enrolled || enrolled.state !== 'confirmed')
      return fail('registrationId', 'not_enrolled', `${input.registrationId} n'est pas inscrit à cette session`);
    const slotParts = parts.filter((p) => p.slotIndex === input.slotIndex);
    if (!slotParts.length) return fail('slotIndex', 'unknown_slot', `la session n'a pas de créneau ${input.slotIndex}`);
    const part = input.part ?? (slotParts.length === 1 ? 'whole' : undefined);
    const target = slotParts.find((p) => p.part === part);
    if (!target)
      return fail(
        'part',
        'unknown_part',
        `ce créneau se signe par demi-journée : ${slotParts.map((p) => p.part).join(' ou ')}`,
      );
    const key = keyOf(input.registrationId, input.slotIndex, target.part);
    if (seen.has(key))
      return fail('slotIndex', 'duplicate_mark', 'deux marques pour la même personne et la même partie de créneau');
    seen.add(key);
    let minutes = 0;
    if (input.status === 'present') minutes = target.plannedMinutes;
    if (input.status === 'partial') {
      if (input.hours === undefined)
        return fail('hours', 'hours_required', 'présence partielle : les heures réelles sont requises');
      try {
        minutes = minutesFromHours(input.hours, `${at}.hours`);
      } catch (error) {
        return errors.push(...(error as RuleViolation).errors);
      }
      if (minutes > target.plannedMinutes)
        return fail(
          'hours',
          'hours_above_slot',
          `${formatDuration(minutes)} dépassent la durée du créneau (${formatDuration(target.plannedMinutes)})`,
        );
      if (minutes === 0 || minutes === target.plannedMinutes)
        return fail('hours', 'partial_not_partial', 'une présence partielle dure plus de 0 et moins que le créneau');
    } else if (input.hours !== undefined && input.status !== 'present') {
      return fail('hours', 'hours_not_expected', `pas d'heures pour le statut ${input.status}`);
    }
    const previous = current.get(key);
    const reason = input.reason?.trim() || null;
    if (previous && !reason)
      return fail(
        'reason',
        'correction_reason_required',
        'cette partie est déjà marquée : une correction demande un motif',
      );
    entries.push({
      registrationId: input.registrationId,
      slotIndex: input.slotIndex,
      part: target.part,
      modality: target.modality,
      status: input.status,
      minutes,
      provenance: input.provenance ?? 'trainer',
      reason,
      corrects: previous?.id ?? null,
    });
  });
  if (errors.length) {
    const rules = new Set(errors.map((e) => e.rule));
    const code = rules.size === 1 ? errors[0].rule : 'invalid_marks';
    throw new RuleViolation(
      'invalid',
      code,
      `${errors.length} marque(s) refusée(s), rien n'est enregistré : ${errors[0].message}${errors.length > 1 ? '…' : ''}`,
      errors,
    );
  }
  return entries;
}

export function assertOpenLedger(closedAt: Date | null): void {
  if (closedAt)
    throw new RuleViolation(
      'conflict',
      'session_closed',
      'La session est close : ses présences sont verrouillées (réouverture motivée par un administrateur).',
    );
}

/** Attended minutes per modality for one participant, from their current marks. */
export function attendedMinutes(
  marks: readonly CurrentMark[],
  parts: readonly SessionPart[],
): Record<AttendanceModality, number> {
  const totals: Record<AttendanceModality, number> = { 'face-to-face': 0, 'virtual-class': 0, 'follow-up': 0 };
  for (const mark of marks) {
    const part = parts.find((p) => p.slotIndex === mark.slotIndex && p.part === mark.part);
    if (part) totals[part.modality] += mark.minutes;
  }
  return totals;
}

export const currentKey = keyOf;
