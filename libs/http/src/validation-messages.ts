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
  isHundredths: () => 'doit être un nombre avec au plus deux décimales',
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
  arrayMinSize: () => 'contient trop peu d’éléments',
  arrayMaxSize: () => 'contient trop d’éléments',
  isUrl: () => 'doit être une adresse web (URL) valide',
  isObject: () => 'doit être un objet',
  isNotEmptyObject: () => 'ne doit pas être vide',
  isPositive: () => 'doit être positif',
  isDate: () => 'doit être une date',
  isDecimal: () => 'doit être un nombre décimal',
  isNumberString: () => 'doit être un nombre',
  isLength: () => 'n’a pas la longueur attendue',
  equals: () => "n'est pas la valeur attendue",
  unknownValue: () => 'valeur inattendue',
  nestedValidation: () => 'doit être un objet',
};

/** A rule without a French text of its own still gets one: class-validator's English default is never shown. */
const fallback = (rule: string) => `valeur refusée (règle ${rule})`;

/**
 * A message a DTO wrote itself (in French, by convention): kept when it is not one of class-validator's English
 * defaults.
 */
function customMessage(text: string): string | undefined {
  return /\b(must|should|each value|is not|not exist)\b/.test(text) ? undefined : text;
}

/** The words of a message a DTO wrote (`'$property : au moins 1 place'`), without the name it starts with. */
function ownWords(text: string): string | undefined {
  const written = /^[\w.[\]]+ : (.+)$/s.exec(text);
  return written ? customMessage(written[1]) : undefined;
}

/** Flattens class-validator errors into one problem per broken rule, with the full path of the field. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    // class-validator leaves `property` undefined on an array's item that is not an object: the array names it
    const property = error.property ?? '';
    const field = prefix && property !== '' ? `${prefix}.${property}` : prefix || property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, english]) => ({
      field,
      rule,
      // the DTO's own words first (« au moins 1 place » says more than « est trop petit »): a message a DTO wrote
      // starts with its property's name (`'$property : …'`), which class-validator's defaults never do; the full path
      // replaces that name
      message: `${field} : ${ownWords(english) ?? MESSAGES[rule]?.([]) ?? customMessage(english) ?? fallback(rule)}`,
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}
