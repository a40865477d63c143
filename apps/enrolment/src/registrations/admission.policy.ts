import { RegistrationKind, RegistrationState } from '@forma/contracts';
import { RuleViolation } from '@forma/domain';
import { SeatCount, SessionReplica, ModuleReplica, LockedSession } from './session-replica';
import {
  alreadyRegistered,
  moduleArchived,
  moduleNotReplicated,
  notInState,
  prerequisiteMissing,
  sessionCancelled,
  sessionClosed,
} from './registration.errors';

/**
 * Enrolment's admission policy, in one place: who may be registered to a session, and where each registration lands
 * (a seat, the waitlist, or a request for the organiser). Pure: no database, no Nest, no HTTP. Individual registration,
 * designation, acceptance, promotion and imports all call it. Seat arithmetic takes a `LockedSession`, which only the
 * locking read of `RegistrationRepository` returns: it cannot run on counts read without the session's row lock.
 */

/** Cancelled or delivered sessions and archived (or not yet replicated) modules take no registration. */
export function sessionRefusal(session: SessionReplica, module: ModuleReplica | undefined): RuleViolation | undefined {
  if (session.status === 'cancelled') return sessionCancelled();
  if (session.status === 'delivered') return sessionClosed();
  // the session's facts arrived before its module's (two topics): without the module, prerequisites are unknown
  if (!module) return moduleNotReplicated();
  if (module.archived) return moduleArchived(module.title);
  return undefined;
}

export interface PrerequisiteGap {
  moduleId: string;
  title: string;
}

/** The module's prerequisites this person has not completed, with their titles (`modules` holds the known ones). */
export function missingPrerequisites(
  module: ModuleReplica,
  completedModuleIds: ReadonlySet<string>,
  modules: ReadonlyMap<string, ModuleReplica>,
): PrerequisiteGap[] {
  return module.prerequisiteModuleIds
    .filter((id) => !completedModuleIds.has(id))
    .map((id) => ({ moduleId: id, title: modules.get(id)?.title ?? id }));
}

/** One person asking for (or put forward for) a seat, with what the database knows of them. */
export interface Candidate {
  mail: string;
  completedModuleIds: ReadonlySet<string>;
  /** Their live (not cancelled) registration to this session, if any. */
  liveRegistrationId?: string;
}

export type Admission =
  | { verdict: 'admit' }
  | { verdict: 'already_registered'; registrationId: string; violation: RuleViolation }
  | { verdict: 'refused'; violation: RuleViolation };

/**
 * Whether a person may take a place in this session's module: prerequisites first, then an existing registration.
 * (`sessionRefusal` is asked once per session, before the candidates.)
 */
export function admit(
  module: ModuleReplica,
  candidate: Candidate,
  modules: ReadonlyMap<string, ModuleReplica>,
): Admission {
  const lacking = missingPrerequisites(module, candidate.completedModuleIds, modules);
  if (lacking.length) return { verdict: 'refused', violation: prerequisiteMissing(module.title, lacking) };
  if (candidate.liveRegistrationId) {
    return {
      verdict: 'already_registered',
      registrationId: candidate.liveRegistrationId,
      violation: alreadyRegistered(candidate.liveRegistrationId),
    };
  }
  return { verdict: 'admit' };
}

/** Where one new registration lands. `position` is its rank on the waitlist. */
export interface SeatDecision {
  state: Extract<RegistrationState, 'requested' | 'confirmed' | 'waitlisted'>;
  position?: number;
}

export function freeSeats(session: LockedSession): number {
  return Math.max(0, session.capacity - session.seats.confirmed);
}

/**
 * Places new registrations in order: individual requests wait for the organiser; the others take the free seats, then
 * the waitlist. Returns one decision per kind given, and the seats as they will be once the decisions are written.
 */
export function placeAll(
  session: LockedSession,
  kinds: readonly RegistrationKind[],
): { decisions: SeatDecision[]; seats: SeatCount } {
  let free = freeSeats(session);
  let { confirmed, waitlisted } = session.seats;
  const decisions = kinds.map((kind): SeatDecision => {
    if (kind === 'individual') return { state: 'requested' };
    if (free > 0) {
      free -= 1;
      confirmed += 1;
      return { state: 'confirmed' };
    }
    waitlisted += 1;
    return { state: 'waitlisted', position: waitlisted };
  });
  return { decisions, seats: { confirmed, waitlisted } };
}

/** The organiser accepts an individual request: a seat if one is free, else the end of the waitlist. */
export function acceptance(
  session: LockedSession,
  registration: { id: string; state: RegistrationState },
): SeatDecision {
  if (registration.state !== 'requested') throw notInState(registration, 'requested');
  if (freeSeats(session) > 0) return { state: 'confirmed' };
  return { state: 'waitlisted', position: session.seats.waitlisted + 1 };
}

/** A registration may be cancelled unless it already is; cancelling a confirmed one frees a seat. */
export function cancellation(registration: { id: string; state: RegistrationState }): { freesSeat: boolean } {
  if (registration.state === 'cancelled') throw notInState(registration, 'confirmed, waitlisted ou requested');
  return { freesSeat: registration.state === 'confirmed' };
}

/** How many of the waitlist's first take a seat now: none in a closed session, else the free seats. */
export function promotions(session: LockedSession): number {
  if (session.status === 'cancelled' || session.status === 'delivered') return 0;
  return Math.min(freeSeats(session), session.seats.waitlisted);
}
