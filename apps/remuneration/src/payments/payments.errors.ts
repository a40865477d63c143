import { RuleViolation } from '@forma/domain';

/** The payments capability's refusals: one code, one message each. */
export const notDafpenProduces = () =>
  new RuleViolation('forbidden', 'not_dafpen', 'Les lots de paie sont produits par la DAFPEN.');

export const nothingToPay = () =>
  new RuleViolation(
    'conflict',
    'nothing_to_pay',
    'Aucune ligne à payer : pas de service fait validé qui ne soit déjà payé.',
  );

export const notDafpenReads = () =>
  new RuleViolation('forbidden', 'not_dafpen', 'Les lots de paie se lisent par la DAFPEN.');

export const batchNotFound = (id: string) =>
  new RuleViolation('not_found', 'batch_not_found', `Aucun lot de paie ${id} dans votre académie.`);
