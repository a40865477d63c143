import { RuleViolation } from '@forma/domain';

export function badParam(field: string, rule: string): RuleViolation {
  return new RuleViolation('bad_request', 'validation_failed', `Paramètre invalide : ${field}.`, [
    { field, rule: 'format', message: `${field} : ${rule}` },
  ]);
}

export function unknownReference(field: string, value: string, what: string): RuleViolation {
  return new RuleViolation('invalid', `unknown_${field}`, `${what} inconnu(e) : ${value}.`, [
    { field, rule: 'exists', message: `${field} : ${value} inconnu(e)` },
  ]);
}

/** Reference data belongs to an académie: another académie's is refused, and nothing is stored. */
export function foreignReference(what: string, academy: string): RuleViolation {
  return new RuleViolation(
    'forbidden',
    'foreign_academy',
    `${what} relève de l'académie ${academy} : seule elle peut le modifier.`,
  );
}

/** A place (a school by its UAI) of another académie named in a request: what is refused, never whose it is. */
export function placeOutOfScope(field: string): RuleViolation {
  return RuleViolation.onField(
    'forbidden',
    'place_out_of_scope',
    'Ce lieu est un établissement d’une autre académie : hors de votre périmètre.',
    field,
  );
}

export const districtOutOfScope = (code: string) =>
  new RuleViolation(
    'forbidden',
    'out_of_scope',
    `Hors de votre périmètre : la circonscription ${code} n'est pas la vôtre.`,
  );

export const canopeDtForeign = (code: string) =>
  new RuleViolation(
    'forbidden',
    'foreign_academy',
    `La direction territoriale ${code} ne relève pas de votre périmètre.`,
  );
