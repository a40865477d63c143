import { FieldViolation, frenchDate, RuleViolation } from '@forma/domain';
import type { Role } from '@forma/auth/rules';
import type { CalendarFinding } from '../calendar/calendar.rules';
import { isRealDate } from '../calendar/school-calendar';
import type { SessionSlot, TrainingSession } from '../catalog.entities';

/** Sessions' own rules (the calendar's are in calendar.rules.ts): pure, unit-tested, violations with stable codes. */

export const sessionNotFound = (id: string) =>
  RuleViolation.onField(
    'not_found',
    'session_not_found',
    `Aucune session ${id}.`,
    'sessionId',
    `sessionId : session ${id} inconnue`,
  );

export function assertOwnSession(session: { academy: string }, callerAcademy: string): void {
  if (session.academy !== callerAcademy)
    throw new RuleViolation('forbidden', 'foreign_academy', `Cette session relève de l'académie ${session.academy}.`);
}

/** A cancelled or delivered session does not change any more. */
export function assertOpenForChanges(session: Pick<TrainingSession, 'status'>): void {
  if (session.status === 'cancelled' || session.status === 'delivered') {
    throw new RuleViolation(
      'conflict',
      'session_closed',
      `Cette session est ${session.status === 'cancelled' ? 'annulée' : 'terminée'} : elle ne change plus.`,
    );
  }
}

export function assertOpenable(session: Pick<TrainingSession, 'status'>): void {
  if (session.status !== 'planned') {
    throw new RuleViolation(
      'conflict',
      'session_not_planned',
      `Seule une session planifiée s'ouvre aux inscriptions (statut actuel : ${session.status}).`,
    );
  }
}

/** "Formation terminée" only once its last day is past. */
export function assertOver(session: Pick<TrainingSession, 'endsOn'>, today: string): void {
  if (session.endsOn > today) {
    throw new RuleViolation(
      'conflict',
      'session_not_over',
      `La session se termine le ${frenchDate(session.endsOn)} : elle ne peut pas encore être déclarée terminée.`,
    );
  }
}

/** Real dates, capacity within the module's maximum, a known place: every problem named, all at once. */
export function sessionProblems(
  session: Pick<TrainingSession, 'slots' | 'capacity' | 'placeUai'>,
  module: { maxParticipantsPerSession: number | null },
  placeKnown: boolean,
): RuleViolation | undefined {
  const problems: FieldViolation[] = [];
  session.slots.forEach((slot: SessionSlot, index: number) => {
    if (!isRealDate(slot.date))
      problems.push({
        field: `slots[${index}].date`,
        rule: 'date',
        message: `slots[${index}].date : ${slot.date} n'existe pas`,
      });
  });
  if (module.maxParticipantsPerSession && session.capacity > module.maxParticipantsPerSession) {
    problems.push({
      field: 'capacity',
      rule: 'capacity_above_module_maximum',
      message: `capacity : ${session.capacity} places dépassent le maximum du module (${module.maxParticipantsPerSession} par session)`,
    });
  }
  if (session.placeUai && !placeKnown) {
    problems.push({
      field: 'placeUai',
      rule: 'unknown_uai',
      message: `placeUai : ${session.placeUai} inconnu du référentiel des établissements`,
    });
  }
  if (!problems.length) return undefined;
  return new RuleViolation('invalid', problems[0].rule, problems.map((p) => p.message).join(' ; '), problems);
}

export function calendarRuleBroken(errors: CalendarFinding[]): RuleViolation {
  return new RuleViolation(
    'invalid',
    errors[0].code,
    errors.map((e) => e.message).join(' '),
    errors.map((e) => ({ field: e.field, rule: e.code, message: `${e.field} : ${e.message}` })),
  );
}

/**
 * A refusal of one session of a plan accepted whole: its fields named under `sessions[index]`, its message saying
 * which session (the first is session 1), so that the screen puts it next to that session's field.
 */
export function inPlannedSession(violation: RuleViolation, index: number): RuleViolation {
  const prefix = `sessions[${index}]`;
  return new RuleViolation(
    violation.kind,
    violation.code,
    `Session ${index + 1} du plan : ${violation.message}`,
    violation.errors.map((e) => ({
      ...e,
      field: e.field ? `${prefix}.${e.field}` : prefix,
      message: `${prefix}.${e.message}`,
    })),
  );
}

const PLANNERS: readonly Role[] = ['dafpen-admin', 'canope-referent', 'ien'];

/** "Formation terminée" is said by the organisers, or by a trainer named on the session: not by any trainer. */
export function assertMayDeliver(
  session: Pick<TrainingSession, 'trainers'>,
  caller: { roles: readonly Role[]; mail?: string },
): void {
  if (caller.roles.some((r) => PLANNERS.includes(r))) return;
  const named = !!caller.mail && session.trainers.some((t) => t.mail === caller.mail);
  if (!named)
    throw new RuleViolation(
      'forbidden',
      'not_session_trainer',
      'Seul un formateur nommé sur la session (ou l’organisateur) la déclare terminée.',
    );
}

const SEE_TRAINERS: readonly Role[] = ['dafpen-admin', 'canope-referent', 'ien', 'school-head', 'trainer'];

/**
 * Trainers' names and mails are staff data of the session's académie: participants, BI readers and other académies see
 * a session without them.
 */
export function forCaller<T extends { trainers: unknown[]; academy: string }>(
  session: T,
  caller: { roles: readonly Role[]; scope: { academy: string } },
): T {
  const staffOfItsAcademy =
    caller.scope.academy === session.academy && caller.roles.some((r) => SEE_TRAINERS.includes(r));
  return staffOfItsAcademy ? session : { ...session, trainers: [] };
}
