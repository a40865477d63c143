import { RuleViolation } from '@forma/domain';

/** The HSE capability's refusals: one code, one message each. */
export const trainerNotOnConvention = (trainerId: string) =>
  RuleViolation.onField(
    'invalid',
    'trainer_not_on_convention',
    `Le formateur ${trainerId} n'est pas nommé par cette convention.`,
    'trainerId',
  );

export const capExceeded = (name: string, allocated: string, hse: string, cap: string) =>
  RuleViolation.onField(
    'conflict',
    'cap_exceeded',
    `${name} : ${allocated} + ${hse} HSE dépasseraient le plafond de ${cap} HSE par convention ; rien n'est attribué.`,
    'hse',
  );

export const aboveDeliveredHours = (name: string, allocated: string, hse: string) =>
  RuleViolation.onField(
    'invalid',
    'above_delivered_hours',
    `${name} : ${allocated} + ${hse} HSE dépasseraient les heures effectuées sur les sessions de la convention ; rien n'est attribué.`,
    'hse',
  );
