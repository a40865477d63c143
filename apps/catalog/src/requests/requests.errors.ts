import { RuleViolation } from '@forma/domain';

/** The requests capability's refusals: one code, one message each. */
export const unknownModule = (moduleId: string) =>
  RuleViolation.onField(
    'invalid',
    'unknown_module',
    `Module inconnu : ${moduleId}.`,
    'moduleId',
    `moduleId : ${moduleId} inconnu`,
  );
