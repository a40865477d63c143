import { RuleViolation } from '@forma/domain';

/** The presence capability's refusals: one code, one message each. */
export const sessionCancelled = () =>
  new RuleViolation('conflict', 'session_cancelled', 'La session est annulée : aucune présence ne s’y enregistre.');

export const alreadyClosed = () => new RuleViolation('conflict', 'already_closed', 'La session est déjà close.');

export const notClosed = () => new RuleViolation('conflict', 'not_closed', 'La session n’est pas close.');

export const unsupportedSheet = (type: string) =>
  new RuleViolation(
    'unsupported',
    'unsupported_sheet',
    `Feuille signée attendue en PDF, PNG ou JPEG (reçu : ${type || 'aucun type'}).`,
  );

export const emptySheet = () => new RuleViolation('invalid', 'empty_sheet', 'La feuille signée est vide.');
