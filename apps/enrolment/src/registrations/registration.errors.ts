import { RuleViolation } from '@forma/domain';

/** Enrolment's rule violations: stable codes, French messages, the fields they name. */

export const sessionCancelled = () =>
  RuleViolation.onField(
    'conflict',
    'session_cancelled',
    'La session est annulée : elle ne prend plus d’inscription.',
    'sessionId',
  );

export const sessionClosed = () =>
  RuleViolation.onField(
    'conflict',
    'session_closed',
    'La session a eu lieu : elle ne prend plus d’inscription.',
    'sessionId',
  );

export const moduleNotReplicated = () =>
  RuleViolation.onField(
    'unavailable',
    'module_not_replicated',
    'Le module de cette session n’est pas encore connu du service des inscriptions (réplication du catalogue en cours) : réessayez dans quelques secondes.',
    'sessionId',
  );

export const moduleArchived = (title: string) =>
  RuleViolation.onField(
    'conflict',
    'module_archived',
    `Le module « ${title} » est archivé : il ne prend plus d’inscription.`,
    'sessionId',
  );

export function prerequisiteMissing(
  moduleTitle: string,
  lacking: { moduleId: string; title: string }[],
): RuleViolation {
  const names = lacking.map((m) => `« ${m.title} »`).join(', ');
  return new RuleViolation(
    'invalid',
    'prerequisite_missing',
    `Prérequis non terminé : ${names} doit être terminé avant « ${moduleTitle} ».`,
    lacking.map((m) => ({
      field: 'sessionId',
      rule: 'prerequisite_missing',
      message: `module prérequis non terminé : ${m.title} (${m.moduleId})`,
    })),
  );
}

export const alreadyRegistered = (registrationId: string) =>
  RuleViolation.onField(
    'conflict',
    'already_registered',
    `Cette personne est déjà inscrite à cette session (inscription ${registrationId}).`,
    'sessionId',
    `inscription existante ${registrationId}`,
  );

export const unknownSession = (id: string) =>
  RuleViolation.onField(
    'not_found',
    'unknown_session',
    `Session inconnue : ${id} (ou pas encore reçue du catalogue).`,
    'sessionId',
    `sessionId : session inconnue ${id}`,
  );

export const registrationNotFound = (id: string) =>
  new RuleViolation('not_found', 'registration_not_found', `Inscription introuvable : ${id}.`);

export const notInState = (row: { id: string; state: string }, expected: string) =>
  new RuleViolation(
    'conflict',
    'registration_state',
    `L’inscription ${row.id} est « ${row.state} » ; attendu : ${expected}.`,
  );

/** A person unknown or out of reach, alike (their existence is not told, nor the identifier repeated). */
export const unknownParticipant = () =>
  RuleViolation.onField(
    'not_found',
    'unknown_participant',
    'Personne inconnue ou hors de votre périmètre.',
    'participantId',
    'participantId : personne inconnue ou hors de votre périmètre',
  );

export function unknownSchools(uais: string[], field: string): RuleViolation {
  return new RuleViolation(
    'invalid',
    'unknown_uai',
    `Établissement inconnu du référentiel : ${uais.join(', ')}.`,
    uais.map((u) => ({ field, rule: 'unknown_uai', message: `${field} : établissement inconnu ${u}` })),
  );
}

export const designationForbidden = () =>
  new RuleViolation(
    'forbidden',
    'forbidden',
    'Seuls un chef d’établissement, un IEN ou l’organisateur peuvent désigner.',
  );

/** The caller's reach (docs/scopes.md) does not include this: another académie, another school, another person. */
export const outOfScope = (what: string) =>
  new RuleViolation('forbidden', 'out_of_scope', `Hors de votre périmètre : ${what}.`);

export const foreignAcademy = (academy: string) =>
  new RuleViolation(
    'forbidden',
    'foreign_academy',
    `Cette session relève de l'académie ${academy} : elle n'est pas de votre périmètre.`,
  );

/** A person of a registration request refused by `checkPerson` (people/person.ts): its own code and message. */
export const personRefused = (problem: { code: string; message: string; field: string }) =>
  RuleViolation.onField('invalid', problem.code, problem.message, `person.${problem.field}`);
