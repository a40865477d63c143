import { frenchDate, RuleViolation } from '@forma/domain';

/** The presence capability's refusals: one code, one message each. */
export const sessionCancelled = () =>
  new RuleViolation('conflict', 'session_cancelled', 'La session est annulée : aucune présence ne s’y enregistre.');

export const alreadyClosed = () => new RuleViolation('conflict', 'already_closed', 'La session est déjà close.');

export const notClosed = () => new RuleViolation('conflict', 'not_closed', 'La session n’est pas close.');

export const unsupportedSheet = (type: string) =>
  new RuleViolation(
    'unsupported',
    'unsupported_sheet',
    `Feuille signée attendue en PDF, PNG ou JPEG (reçu : ${type || 'aucun type'}).`,
  );

export const emptySheet = () => new RuleViolation('invalid', 'empty_sheet', 'La feuille signée est vide.');

/** Electronic émargement (issue 27). */
export const codeExpired = () =>
  new RuleViolation(
    'invalid',
    'signing_code_expired',
    'Ce code a expiré : scannez le code affiché maintenant sur l’écran du formateur.',
    [{ field: 'code', rule: 'signing_code_expired', message: 'code : ce code a expiré' }],
  );

export const codeInvalid = () =>
  new RuleViolation(
    'invalid',
    'signing_code_invalid',
    'Ce code ne correspond pas à cette demi-journée de la session : scannez le code affiché par le formateur.',
    [{ field: 'code', rule: 'signing_code_invalid', message: 'code : code inconnu pour cette demi-journée' }],
  );

export const unknownSlotPart = (slotIndex: number, part: string) =>
  new RuleViolation('invalid', 'unknown_part', `La session n’a pas de demi-journée ${slotIndex} (${part}).`, [
    { field: 'slotIndex', rule: 'unknown_part', message: `slotIndex : pas de demi-journée ${slotIndex} (${part})` },
  ]);

export const followUpNotSigned = () =>
  new RuleViolation(
    'invalid',
    'follow_up_not_signed',
    'Le suivi à distance ne se signe pas : le formateur le déclare.',
    [{ field: 'slotIndex', rule: 'follow_up_not_signed', message: 'slotIndex : le suivi à distance ne se signe pas' }],
  );

export const slotNotOpen = (part: { date: string; start: string | null; end: string | null }) =>
  new RuleViolation(
    'conflict',
    'slot_not_open',
    `La signature n’est ouverte que pendant la demi-journée : le ${frenchDate(part.date)}, de ${part.start} à ${part.end} (et 15 minutes avant).`,
  );

export const drawingInvalid = (why: string) =>
  new RuleViolation('invalid', 'drawing_invalid', `Signature tracée illisible : ${why}.`, [
    { field: 'drawing', rule: 'drawing_invalid', message: `drawing : ${why}` },
  ]);

export const alreadySigned = () =>
  new RuleViolation(
    'conflict',
    'already_signed',
    'Cette présence est déjà signée pour cette demi-journée : une signature par personne et par demi-journée.',
  );

export const signerNotOnRoster = () =>
  new RuleViolation('invalid', 'not_enrolled', 'Cette inscription n’est pas confirmée sur cette session.', [
    { field: 'registrationId', rule: 'not_enrolled', message: 'registrationId : pas inscrit à cette session' },
  ]);

export const wrongSigningMethod = (method: string) =>
  new RuleViolation(
    'forbidden',
    'signing_method_not_allowed',
    method === 'code'
      ? 'Le code se scanne par le participant lui-même, avec son propre compte.'
      : 'Une signature tracée se fait sur l’appareil du formateur de la session.',
  );
