import { RuleViolation } from '@forma/domain';
import { RejectedLine } from './gaia-file';

/** The GAIA imports' refusals: one code, one message each. */
export const emptyGaiaFile = () => new RuleViolation('bad_request', 'empty_file', 'Le fichier GAIA est vide.');

export const notAGaiaFile = (fields: number, rejected: readonly RejectedLine[]) =>
  new RuleViolation(
    'invalid',
    'not_a_gaia_file',
    `Aucune ligne n'a les ${fields} champs séparés par « | » d'une extraction GAIA : le fichier est refusé en entier.`,
    rejected
      .slice(0, 20)
      .map((r) => ({ field: `ligne ${r.line}`, rule: 'gaia_format', message: `ligne ${r.line} : ${r.reason}` })),
  );
