import { RuleViolation } from '@forma/domain';

/** The workshops capability's refusals: one code, one message each. */
export const invalidPlan = (field: string, message: string) =>
  RuleViolation.onField('invalid', 'invalid_plan', message, field, `${field} : ${message}`);
