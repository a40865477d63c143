import { RuleViolation } from '@forma/domain';

/** The planner's refusals: one code, one message each. */
export const moduleArchived = () =>
  new RuleViolation('conflict', 'module_archived', 'Ce module est archivé : il ne se planifie plus.');
