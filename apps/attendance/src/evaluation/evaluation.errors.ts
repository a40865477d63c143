import { RuleViolation } from '@forma/domain';

/** The evaluation capability's refusals: one code, one message each. */
export const noEvaluation = () =>
  new RuleViolation('not_found', 'no_evaluation', 'Cette session n’a pas (encore) d’évaluation.');

export const noModuleEvaluation = () =>
  new RuleViolation('not_found', 'no_evaluation', 'Aucune évaluation pour ce module dans votre académie.');

export const evaluationClosed = () => new RuleViolation('conflict', 'evaluation_closed', 'L’évaluation est close.');

export const alreadyAnswered = () =>
  new RuleViolation('conflict', 'already_answered', 'Vous avez déjà répondu à cette évaluation.');

export const evaluationOpen = () =>
  new RuleViolation(
    'conflict',
    'evaluation_open',
    'Les résultats se lisent une fois l’évaluation close (deux lectures à une réponse d’écart la dévoileraient).',
  );

export const notOrganiser = () =>
  new RuleViolation(
    'forbidden',
    'not_organiser',
    'Les résultats d’un module se lisent par les organisateurs de l’académie.',
  );
