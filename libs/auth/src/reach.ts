import { Identity, Role } from './identity';

/**
 * Who reaches what (docs/scopes.md): one rule per role, a caller reaching what any of their roles reaches, and never
 * across académies. Pure: services check each read and each write with these, whatever the gateway did.
 */

/** A person as a registration, an import row or a presence names them: their académie, school, district, mail. */
export interface PersonPlace {
  /** Null only for a person no académie holds yet (no known school, no registration): the one being described. */
  academy: string | null;
  uai: string | null;
  district: string | null;
  department: string | null;
  mail: string | null;
}

/** A session as the caller would reach it: its académie and the mails of the trainers named on it. */
export interface SessionPlace {
  academy: string;
  trainerMails: readonly string[];
}

const ACADEMY_WIDE: readonly Role[] = ['dafpen-admin', 'canope-referent'];

export function sameAcademy(caller: Identity, academy: string): boolean {
  return caller.scope.academy === academy;
}

/** Académie-wide roles (DAFPEN administrators, Canopé referents) reach everything of their académie. */
export function isAcademyWide(caller: Identity): boolean {
  return caller.roles.some((r) => ACADEMY_WIDE.includes(r));
}

/** Whether the caller is named on the session as a trainer or tutor. */
export function runsSession(caller: Identity, session: SessionPlace): boolean {
  return !!caller.mail && session.trainerMails.includes(caller.mail) && caller.roles.includes('trainer');
}

/**
 * Whether the caller may see (or act on) this person's data in this session: académie-wide roles in their académie;
 * an IEN for the schools of their district; a school head for their school; a trainer for the sessions they run;
 * a participant for themself. `bi-reader` never reaches a person.
 */
export function reachesPersonInSession(caller: Identity, person: PersonPlace, session: SessionPlace): boolean {
  if (!sameAcademy(caller, session.academy)) return false;
  // a person of another académie is out of reach even in one's own session: nothing crosses académies
  if (person.academy !== null && !sameAcademy(caller, person.academy)) return false;
  if (isAcademyWide(caller)) return true;
  if (runsSession(caller, session)) return true;
  return reachesPersonOwnData(caller, person);
}

/** The person-level rules alone (a person's file, outside any session). */
export function reachesPerson(caller: Identity, person: PersonPlace): boolean {
  if (person.academy === null || !sameAcademy(caller, person.academy)) return false;
  if (isAcademyWide(caller)) return true;
  return reachesPersonOwnData(caller, person);
}

function reachesPersonOwnData(caller: Identity, person: PersonPlace): boolean {
  const { level, code } = caller.scope;
  if (caller.roles.includes('ien') && level === 'district' && person.district === code) return true;
  if (caller.roles.includes('ien') && level === 'department' && person.department === code) return true;
  if (caller.roles.includes('school-head') && level === 'school' && person.uai === code) return true;
  if (caller.roles.includes('participant') && !!caller.mail && person.mail === caller.mail) return true;
  return false;
}

/** Whether the caller organises trainings in the académie (reads a session's whole list, accepts requests). */
export function organises(caller: Identity, academy: string): boolean {
  return sameAcademy(caller, academy) && (isAcademyWide(caller) || caller.roles.includes('ien'));
}
