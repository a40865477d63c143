import { RuleViolation } from '@forma/domain';
import { CurrentMark, SessionPart } from '../presence/presence.rules';

/**
 * What "formation terminée" needs, as a versioned rule: the version is kept with each completion, so a completion is
 * always read under the rule that decided it. A new rule is a new entry here, never an edit of an old one.
 */
export interface CompletionRule {
  version: number;
  /** Every part of the session is marked (nothing left blank on the sheet). */
  allPartsMarked: boolean;
  /** Attended minutes over planned minutes, parts excused or not applicable set aside. */
  minimumAttendance: number;
  /** Required activities must be done when the session says progress is required. */
  requiredActivities: boolean;
}

export const COMPLETION_RULES: readonly CompletionRule[] = [
  { version: 1, allPartsMarked: true, minimumAttendance: 0.75, requiredActivities: true },
];
export const CURRENT_COMPLETION_RULE = COMPLETION_RULES[COMPLETION_RULES.length - 1];

export interface CompletionFacts {
  parts: readonly SessionPart[];
  marks: readonly CurrentMark[];
  progressRequired: boolean;
  requiredActivities: readonly { title: string; done: boolean }[];
}

export interface CompletionEvidence {
  ruleVersion: number;
  plannedMinutes: number;
  attendedMinutes: number;
  attendance: number;
  activitiesDone: number;
  activitiesRequired: number;
}

/** The reasons a participant does not (yet) complete, in French; none means they complete. */
export function completionShortfall(
  facts: CompletionFacts,
  rule: CompletionRule = CURRENT_COMPLETION_RULE,
): { evidence: CompletionEvidence; missing: { code: string; message: string }[] } {
  const missing: { code: string; message: string }[] = [];
  const markOf = (p: SessionPart) => facts.marks.find((m) => m.slotIndex === p.slotIndex && m.part === p.part);
  const present = facts.marks.filter((m) => m.status === 'present' || m.status === 'partial');
  if (!present.length)
    missing.push({ code: 'never_present', message: 'jamais présent(e) : ni formation terminée ni attestation' });
  const unmarked = facts.parts.filter((p) => !markOf(p));
  if (rule.allPartsMarked && unmarked.length)
    missing.push({ code: 'presence_unmarked', message: `${unmarked.length} partie(s) de la session sans émargement` });
  const counted = facts.parts.filter((p) => !['excused', 'not-applicable'].includes(markOf(p)?.status ?? ''));
  const plannedMinutes = counted.reduce((sum, p) => sum + p.plannedMinutes, 0);
  const attendedMinutes = counted.reduce((sum, p) => sum + (markOf(p)?.minutes ?? 0), 0);
  const attendance = plannedMinutes ? attendedMinutes / plannedMinutes : 1;
  if (present.length && attendance < rule.minimumAttendance) {
    missing.push({
      code: 'attendance_too_low',
      message: `présence ${Math.round(attendance * 100)} % < ${Math.round(rule.minimumAttendance * 100)} % requis`,
    });
  }
  const undone = facts.requiredActivities.filter((a) => !a.done);
  if (rule.requiredActivities && facts.progressRequired && undone.length) {
    missing.push({
      code: 'activities_not_done',
      message: `activité(s) obligatoire(s) non faite(s) : ${undone.map((a) => a.title).join(', ')}`,
    });
  }
  return {
    evidence: {
      ruleVersion: rule.version,
      plannedMinutes,
      attendedMinutes,
      attendance: Math.round(attendance * 10000) / 10000,
      activitiesDone: facts.requiredActivities.length - undone.length,
      activitiesRequired: facts.requiredActivities.length,
    },
    missing,
  };
}

export function assertNotArchived(archived: boolean): void {
  if (archived)
    throw new RuleViolation(
      'conflict',
      'session_archived',
      'Le module de cette session est archivé : plus aucune formation terminée ne peut y être déclarée.',
    );
}

export function assertRevocable(active: boolean, reason: string | undefined): string {
  if (!active)
    throw new RuleViolation('conflict', 'not_completed', "Cette inscription n'a pas de formation terminée active.");
  const text = reason?.trim();
  if (!text) throw RuleViolation.onField('invalid', 'reason_required', 'Une révocation demande un motif.', 'reason');
  return text;
}
