import { PresenceStatus, SessionSlotV1, TargetProfile } from '@forma/contracts';
import { schoolYearOf } from '@forma/domain';

/** Minutes between two "HH:MM" times of one day. */
function minutesBetween(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return Math.max(0, eh * 60 + em - (sh * 60 + sm));
}

/** A session's planned time per participant: face-to-face and virtual-class slots. */
export function plannedMinutes(slots: readonly Pick<SessionSlotV1, 'start' | 'end' | 'kind'>[]): {
  faceToFace: number;
  virtualClass: number;
} {
  const sum = (kind: SessionSlotV1['kind']) =>
    slots.filter((s) => s.kind === kind).reduce((total, s) => total + minutesBetween(s.start, s.end), 0);
  return { faceToFace: sum('face-to-face'), virtualClass: sum('virtual-class') };
}

/** The school year ("2026-2027") of a session, from its first slot (`schoolYearOf` of @forma/domain). */
export function sessionSchoolYear(slots: readonly Pick<SessionSlotV1, 'date'>[]): string {
  return schoolYearOf([...slots].map((s) => s.date).sort()[0]);
}

/** A participant's profile in the bilans: their function as enrolment knows it (GAIA's), or "non renseigné". */
export function profileOf(fn: string | null | undefined): string {
  const trimmed = fn?.trim();
  return trimmed ? trimmed.toUpperCase() : 'NON RENSEIGNÉ';
}

/**
 * The target profile of the training plan (seed 001) a GAIA function belongs to, for plan versus realised; null when
 * the function is none of the plan's profiles (it still counts in the bilan under its own function).
 */
export const TARGET_PROFILE_OF_FUNCTION: Readonly<Record<string, TargetProfile>> = {
  ENS: 'teacher',
  ENSEIGNANT: 'teacher',
  PROF: 'teacher',
  DIR: 'school-head',
  DIRECTEUR: 'school-head',
  IEN: 'ien',
  CPD: 'cpd',
  CPC: 'cpc',
  ERUN: 'erun',
  'E-RUN': 'erun',
  ADM: 'administrator',
};

export function targetProfileOf(fn: string | null | undefined): TargetProfile | null {
  return TARGET_PROFILE_OF_FUNCTION[profileOf(fn)] ?? null;
}

/** A mark is for one part of one slot. */
export function slotKey(slotIndex: number, part: string): string {
  return `${slotIndex}:${part}`;
}

/** A mark counts as attended when the participant was there, even partly. */
export function attended(status: PresenceStatus): number {
  return status === 'present' || status === 'partial' ? 1 : 0;
}

/** Marks the attendance rate counts: all but "not applicable" (enrolled after the slot). */
export function counted(status: PresenceStatus): number {
  return status === 'not-applicable' ? 0 : 1;
}

type MarkRef = {
  registrationId: string;
  markId: string;
  slotIndex: number;
  part: string;
  modality: string;
  correctsMarkId?: string | null;
};

/**
 * Splits items, in order, into runs in which no two share a key: each run can be written set-based with the result of
 * writing its items one by one; runs go in order.
 */
export function distinctRuns<T>(items: readonly T[], keysOf: (item: T) => string[]): T[][] {
  const runs: T[][] = [];
  let seen = new Set<string>();
  for (const item of items) {
    const keys = keysOf(item);
    if (!runs.length || keys.some((k) => seen.has(k))) {
      runs.push([]);
      seen = new Set();
    }
    runs[runs.length - 1].push(item);
    for (const k of keys) seen.add(k);
  }
  return runs;
}

/**
 * Splits a batch of marks, in order, into runs whose marks do not depend on each other: none of one participant for the
 * same slot part and modality as another of its run, none correcting another of its run, no two correcting the same
 * mark.
 */
export function independentRuns<M extends MarkRef>(marks: readonly M[]): M[][] {
  return distinctRuns(marks, (m) => [
    `slot/${m.registrationId}/${slotKey(m.slotIndex, m.part)}/${m.modality}`,
    `mark/${m.registrationId}/${m.markId}`,
    ...(m.correctsMarkId ? [`mark/${m.registrationId}/${m.correctsMarkId}`] : []),
  ]);
}
