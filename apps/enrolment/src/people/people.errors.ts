import { RuleViolation } from '@forma/domain';

/** The people capability's refusals: one code, one message each. */
export const missingFilter = () =>
  new RuleViolation('bad_request', 'missing_filter', 'Précisez mail ou uai.', [
    { field: 'mail', rule: 'required', message: 'mail ou uai requis' },
  ]);

export const unknownParticipant = (id: string) =>
  new RuleViolation('not_found', 'unknown_participant', `Personne inconnue : ${id}.`);
