import { RuleViolation } from '@forma/domain';
import { BilanLevel, BilanRefusal } from './bilan-scope.policy';

/** The bilans' refusals: one code, one message each. */
const REFUSALS: Record<BilanRefusal, string> = {
  bi_only: 'Le rôle bi-reader lit les agrégats par l’API décisionnelle (/api/v1/bi), pas les bilans.',
  out_of_scope: 'Ce bilan est hors de votre périmètre.',
  foreign_academy: 'Ce bilan concerne une autre académie.',
};

/** What an unknown area is called, in French, by level (`unknown_area`). */
const UNKNOWN_AREA: Record<BilanLevel, (code: string) => string> = {
  academie: (code) => `Aucune académie « ${code} » connue.`,
  department: (code) => `Aucun département « ${code} » dans votre académie.`,
  district: (code) => `Aucune circonscription « ${code} » dans votre académie.`,
  school: (code) => `Aucun établissement « ${code} » connu.`,
  'canope-dt': (code) => `Aucune direction territoriale Canopé « ${code} » ne sert votre académie.`,
  module: (code) => `Aucune formation « ${code} » connue.`,
  dispositif: (code) => `Aucun dispositif « ${code} » dans votre académie.`,
};

export const asOfInvalid = (asOf: string) =>
  RuleViolation.onField('invalid', 'as_of_invalid', `La date ${asOf} n'existe pas.`, 'asOf');

export const asOfInFuture = (asOf: string) =>
  RuleViolation.onField(
    'invalid',
    'as_of_in_future',
    `La date ${asOf} est dans le futur : un bilan se lit au passé ou au présent.`,
    'asOf',
  );

export const unknownArea = (level: BilanLevel, code: string) =>
  RuleViolation.onField('not_found', 'unknown_area', UNKNOWN_AREA[level](code), 'code');

export const bilanRefused = (refusal: BilanRefusal) => new RuleViolation('forbidden', refusal, REFUSALS[refusal]);
