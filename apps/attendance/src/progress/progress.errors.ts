import { RuleViolation } from '@forma/domain';

/** The progress capability's refusals: one code, one message each (`field` names the line of the request). */
export const unknownActivity = (field: string) =>
  RuleViolation.onField('invalid', 'unknown_activity', `${field} : activité inconnue dans cette session.`, field);

export const notEnrolledOn = (field: string) =>
  RuleViolation.onField('invalid', 'not_enrolled', `${field} : pas inscrit à cette session.`, field);
