import { RuleViolation } from '@forma/domain';
import { Moment } from './feedback.rules';

/** The feedback capability's refusals (impressions, referents, the facilitators' pool): one code, one message each. */
export const feedbackAlreadyGiven = (moment: Moment) =>
  new RuleViolation(
    'conflict',
    'feedback_already_given',
    moment === 'hot' ? 'Vos impressions à chaud sont déjà données.' : 'Vos impressions à froid sont déjà données.',
  );

export const notEnrolled = (registrationId: string) =>
  RuleViolation.onField(
    'invalid',
    'not_enrolled',
    `${registrationId} n'est pas inscrit à cette session.`,
    'registrationId',
  );

export const poolKeptByOrganisers = () =>
  new RuleViolation(
    'forbidden',
    'not_organiser',
    'Le vivier des enseignants facilitateurs est tenu par les organisateurs de l’académie.',
  );

export const poolReadByOrganisers = () =>
  new RuleViolation(
    'forbidden',
    'not_organiser',
    'Le vivier se consulte par les organisateurs, les IEN et les formateurs de l’académie.',
  );
