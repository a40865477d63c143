import { buildMessage, IS_EMAIL, isEmail, ValidateBy, ValidationOptions } from 'class-validator';

/** How many verdicts `isMail` keeps: a few import batches' worth, a few hundred kilobytes. */
const REMEMBERED = 4096;
const verdicts = new Map<string, boolean>();

/**
 * A plain ASCII mail that validator.js's `isEmail` (default options) accepts, whatever else it checks: a local part of
 * its characters in dot-separated runs, at most 64 long; a host of at least two labels of letters, digits and inner
 * hyphens, at most 63 long each, the last of letters only; at most 254 in all. Anything else goes to `isEmail`.
 */
const PLAIN_MAIL =
  /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,63}$/i;

/** Exported for its spec, which holds it to `isEmail`. */
export const isPlainMail = (value: string) => value.length <= 254 && value.indexOf('@') <= 64 && PLAIN_MAIL.test(value);

/**
 * class-validator's `isEmail` (validator.js, default options), which remembers its last verdicts. A mail is checked
 * where it enters (an import's line, a form) and again in every event that carries it (`@IsMail()`): for the 100,000
 * lines of an import, the second check was half a second of the service's thread and a tenth of its allocations. The
 * verdict is the function's own; only its cost is saved (oldest verdict forgotten first). A plain mail (`PLAIN_MAIL`,
 * nearly every mail of a GAIA file) is accepted by one regular expression: `isEmail` split it, merged its options and
 * ran eight expressions on its parts, ~4 µs and a dozen strings a line (`mail.spec.ts` holds the two to the same
 * verdicts).
 */
export function isMail(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (isPlainMail(value)) return true;
  const known = verdicts.get(value);
  if (known !== undefined) return known;
  const verdict = isEmail(value);
  if (verdicts.size >= REMEMBERED) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(value, verdict);
  return verdict;
}

/**
 * `@IsEmail()` with `isMail`: the same constraint name (`isEmail`: the AsyncAPI's `format: email`, the French
 * message of an HTTP refusal) and the same English message.
 */
export function IsMail(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_EMAIL,
      validator: {
        validate: (value: unknown) => isMail(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be an email`, validationOptions),
      },
    },
    validationOptions,
  );
}
