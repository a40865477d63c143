import { ValidationError } from 'class-validator';
import { FieldProblem } from './problem';

// French messages for class-validator's rules, keyed by the rule's name. The rule name is kept as the stable code.
const MESSAGES: Record<string, (args: string[]) => string> = {
  whitelistValidation: () => 'champ inconnu',
  isDefined: () => 'champ obligatoire',
  isNotEmpty: () => 'ne doit pas être vide',
  isString: () => 'doit être une chaîne de caractères',
  isInt: () => 'doit être un nombre entier',
  isNumber: () => 'doit être un nombre',
  isBoolean: () => 'doit être un booléen',
  isArray: () => 'doit être une liste',
  isIn: () => "n'est pas une valeur autorisée",
  isEnum: () => "n'est pas une valeur autorisée",
  isUuid: () => 'doit être un identifiant UUID',
  isEmail: () => 'doit être une adresse électronique valide',
  isIso8601: () => 'doit être une date ISO 8601',
  isDateString: () => 'doit être une date ISO 8601',
  isUai: () => 'doit être un UAI : 7 chiffres et une lettre de contrôle correcte',
  min: () => 'est trop petit',
  max: () => 'est trop grand',
  minLength: () => 'est trop court',
  maxLength: () => 'est trop long',
  matches: () => "n'a pas le format attendu",
  arrayUnique: () => 'contient des doublons',
  arrayNotEmpty: () => 'ne doit pas être vide',
  nestedValidation: () => 'doit être un objet',
};

/** Flattens class-validator errors into one problem per broken rule, with the full path of the field. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, english]) => ({
      field,
      rule,
      message: MESSAGES[rule] ? `${field} : ${MESSAGES[rule]([])}` : `${field} : ${english}`,
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}
