import { RuleViolation } from '@forma/domain';

/** The conventions capability's refusals: one code, one message each. */
export const unknownSchool = (uai: string) =>
  RuleViolation.onField('invalid', 'unknown_school', `Établissement inconnu du référentiel : ${uai}.`, 'uai');

export const conventionOutOfScope = (uai: string) =>
  new RuleViolation(
    'forbidden',
    'out_of_scope',
    `La convention de ${uai} revient à sa DAFPEN ou à son chef d’établissement.`,
  );

export const listOutOfScope = () =>
  new RuleViolation(
    'forbidden',
    'out_of_scope',
    'Les conventions se listent par la DAFPEN ou par le chef d’établissement.',
  );

export const trainerHasHse = (name: string) =>
  RuleViolation.onField(
    'conflict',
    'trainer_has_hse',
    `${name} a déjà des HSE attribuées : il reste sur la convention.`,
    'trainers',
  );

export const noPaperCopy = () =>
  new RuleViolation('not_found', 'no_paper_copy', 'Cette convention n’a pas de copie signée sur papier.');

export const unknownLine = (lineId: string) =>
  RuleViolation.onField('not_found', 'unknown_line', `Ligne ${lineId} inconnue dans cette convention.`, 'lineId');

export const criteriaMissing = (missing: readonly string[]) =>
  new RuleViolation(
    'invalid',
    'criteria_missing',
    `Bilan incomplet : critère(s) ${missing.join(', ')}.`,
    missing.map((c) => ({ field: `criteria.${c}`, rule: 'required', message: `criteria.${c} : requis` })),
  );

export const alreadyValidated = () =>
  new RuleViolation('conflict', 'already_validated', 'Le service fait est déjà validé.');

export const sessionOutOfScope = (position: number) =>
  RuleViolation.onField(
    'forbidden',
    'session_out_of_scope',
    'Une ligne du plan nomme une session d’une autre académie : hors de votre périmètre.',
    `lines[${position}].sessionId`,
  );

export const duplicateTrainer = () =>
  RuleViolation.onField('invalid', 'duplicate_trainer', 'Un formateur accompagnateur est nommé deux fois.', 'trainers');
