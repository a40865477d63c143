import { RuleViolation } from '@forma/domain';

/** The convocations' rule violations: stable codes, French messages. */

export const convocationNotFound = (registrationId: string) =>
  new RuleViolation(
    'not_found',
    'convocation_not_found',
    `Convocation introuvable : aucune de vos inscriptions n’a la référence ${registrationId}.`,
  );

const STATE_LABELS: Record<string, string> = {
  requested: 'demandée et attend la décision des organisateurs',
  waitlisted: 'en liste d’attente',
  cancelled: 'annulée',
};

export const convocationNotIssued = (registrationState: string) =>
  new RuleViolation(
    'conflict',
    'convocation_not_issued',
    `Pas de convocation pour cette inscription : elle est ${STATE_LABELS[registrationState] ?? registrationState}. ` +
      'La convocation part quand l’inscription est confirmée.',
  );
