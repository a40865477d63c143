import {
  Identity,
  isAcademyWide,
  PersonPlace,
  reachesPersonInSession,
  runsSession,
  sameAcademy,
  SessionPlace,
} from '@forma/auth/rules';
import { RuleViolation } from '@forma/domain';

/**
 * Who reaches a session's space (seed 003's circle of trust, docs/scopes.md): its trainers and the académie's
 * organisers run it (marks, closing, progress, completion, attestations); each participant sees their own line; a
 * school head and an IEN the lines of their people; anyone else does not learn it exists.
 */
/** The roles that run a session's space (the route's first check; `runsSession` narrows to the session's trainers). */
export const RUNNERS = ['dafpen-admin', 'canope-referent', 'trainer'] as const;
/** The roles that may read a session's space (each narrowed to what it reaches). */
export const SPACE_READERS = [...RUNNERS, 'ien', 'school-head', 'participant'] as const;

export const sessionNotFound = (id: string) =>
  new RuleViolation('not_found', 'session_not_found', `Aucune session ${id} dans votre périmètre.`);

/**
 * Marks, closing, progress, completion, attestations: the trainers named on the session and the académie's DAFPEN and
 * Canopé.
 */
export function assertRunsSession(caller: Identity, id: string, session: SessionPlace): void {
  if (!sameAcademy(caller, session.academy)) throw sessionNotFound(id);
  if (isAcademyWide(caller) || runsSession(caller, session)) return;
  throw new RuleViolation(
    'forbidden',
    'not_session_trainer',
    'Seuls les formateurs nommés sur la session et les organisateurs de l’académie émargent et déclarent.',
  );
}

/** Reopening a closed session: the académie's DAFPEN and Canopé only, with a reason. */
export function assertMayReopen(caller: Identity, id: string, session: SessionPlace): void {
  if (!sameAcademy(caller, session.academy)) throw sessionNotFound(id);
  if (!isAcademyWide(caller))
    throw new RuleViolation(
      'forbidden',
      'not_organiser',
      'Seuls les organisateurs de l’académie rouvrent une session close.',
    );
}

/** The lines of the session this caller sees: all of them for those who run it, else the people they reach. */
export function visibleLines<T extends { place: PersonPlace }>(
  caller: Identity,
  session: SessionPlace,
  lines: readonly T[],
): T[] {
  if (sameAcademy(caller, session.academy) && (isAcademyWide(caller) || runsSession(caller, session)))
    return [...lines];
  return lines.filter((line) => reachesPersonInSession(caller, line.place, session));
}

/** The caller's own confirmed line on the roster, when they take part in the session as a participant. */
export function ownLine<T extends { state: string; mail: string; place: PersonPlace }>(
  caller: Identity,
  lines: readonly T[],
): T | undefined {
  if (!caller.mail || !caller.roles.includes('participant')) return undefined;
  const mail = caller.mail.trim().toLowerCase();
  return lines.find((l) => l.state === 'confirmed' && l.mail === mail && l.place.academy === caller.scope.academy);
}
