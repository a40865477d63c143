import { RuleViolation } from '@forma/domain';

/** The modules capability's refusals: one code, one message each. */
export const duplicateGaiaIdentifier = () =>
  new RuleViolation(
    'conflict',
    'duplicate_gaia_identifier',
    'Cet identifiant GAIA (dispositif et module) est déjà utilisé.',
    [{ field: 'gaia', rule: 'unique', message: 'gaia : dispositif et module déjà présents dans l’offre' }],
  );
