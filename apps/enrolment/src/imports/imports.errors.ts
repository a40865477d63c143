import { RuleViolation } from '@forma/domain';

/** The imports capability's refusals: one code, one message each. */
export const importNotFound = (id: string) =>
  new RuleViolation('not_found', 'import_not_found', `Import introuvable : ${id}.`);
