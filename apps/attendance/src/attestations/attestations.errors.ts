import { RuleViolation } from '@forma/domain';

/** The attestations capability's refusals: one code, one message each. */
export const attestationNotReady = () =>
  new RuleViolation(
    'conflict',
    'attestation_not_ready',
    'L’attestation est en cours de production : réessayez dans quelques secondes.',
  );

export const attestationNotFound = (id: string) =>
  new RuleViolation('not_found', 'attestation_not_found', `Aucune attestation ${id} dans votre périmètre.`);

export const alreadyRevoked = () =>
  new RuleViolation('conflict', 'already_revoked', 'Cette attestation est déjà révoquée.');

export const noAttestation = () =>
  new RuleViolation('conflict', 'no_attestation', 'Aucune attestation valide pour cette session (encore).');

export const invalidCode = () =>
  RuleViolation.onField(
    'invalid',
    'invalid_code',
    "Ce code n'est pas un code de vérification (caractère de contrôle faux : une faute de frappe ?).",
    'code',
  );

export const unknownCode = () =>
  RuleViolation.onField('not_found', 'unknown_code', "Aucune attestation n'a ce code de vérification.", 'code');
