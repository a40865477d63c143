import { Identity, sameAcademy } from '@forma/auth/rules';
import { RuleViolation } from '@forma/domain';

/**
 * Who reaches a convention (docs/scopes.md): the DAFPEN of its académie; the head of its school; the IEN of its
 * school's district (reading); a formateur accompagnateur it names (reading). To anyone else it does not exist.
 */
export interface ConventionPlace {
  id: string;
  academy: string;
  uai: string;
  district: string | null;
  trainerMails: readonly string[];
}

export const conventionNotFound = (id: string) =>
  new RuleViolation('not_found', 'convention_not_found', `Aucune convention ${id} dans votre périmètre.`);

export function isDafpen(caller: Identity, c: Pick<ConventionPlace, 'academy'>): boolean {
  return sameAcademy(caller, c.academy) && caller.roles.includes('dafpen-admin');
}

export function isHead(caller: Identity, c: Pick<ConventionPlace, 'academy' | 'uai'>): boolean {
  return (
    sameAcademy(caller, c.academy) &&
    caller.roles.includes('school-head') &&
    caller.scope.level === 'school' &&
    caller.scope.code === c.uai
  );
}

export function assertReads(caller: Identity, c: ConventionPlace): void {
  if (isDafpen(caller, c) || isHead(caller, c)) return;
  if (
    sameAcademy(caller, c.academy) &&
    caller.roles.includes('ien') &&
    caller.scope.level === 'district' &&
    c.district === caller.scope.code
  )
    return;
  if (
    sameAcademy(caller, c.academy) &&
    caller.roles.includes('trainer') &&
    !!caller.mail &&
    c.trainerMails.includes(caller.mail.trim().toLowerCase())
  )
    return;
  throw conventionNotFound(c.id);
}

/**
 * The head's acts (plan, submission, report, sheets, allocations, service fait): the head of the school (the DAFPEN may
 * fill the plan too).
 */
export function assertHeadActs(caller: Identity, c: ConventionPlace, dafpenToo = false): void {
  assertReads(caller, c);
  if (isHead(caller, c) || (dafpenToo && isDafpen(caller, c))) return;
  throw new RuleViolation(
    'forbidden',
    'not_school_head',
    'Cette action revient au chef d’établissement de l’école de la convention.',
  );
}

/** The DAFPEN's acts (director's signature, paper copy, validation, payment, closing). */
export function assertDafpenActs(caller: Identity, c: ConventionPlace): void {
  assertReads(caller, c);
  if (!isDafpen(caller, c))
    throw new RuleViolation('forbidden', 'not_dafpen', 'Cette action revient à la DAFPEN de l’académie.');
}
