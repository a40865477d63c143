import { registerDecorator, ValidationOptions } from 'class-validator';

// The UAI (formerly RNE) is 7 digits and a check letter: the letter at (number mod 23) in this alphabet, which has
// no I, O or Q. 9730298 mod 23 = 10 -> 'L', hence 9730298L.
const UAI_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const UAI_PATTERN = /^(\d{7})([A-Z])$/;

export function uaiCheckLetter(digits: string): string {
  return UAI_ALPHABET[Number(digits) % 23];
}

/** True when `value` is a well-formed UAI whose check letter matches its digits. */
export function isValidUai(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = UAI_PATTERN.exec(value);
  return match !== null && uaiCheckLetter(match[1]) === match[2];
}

export function IsUai(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUai',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a UAI: 7 digits and a matching check letter', ...options },
      validator: { validate: (value: unknown) => isValidUai(value) },
    });
}
