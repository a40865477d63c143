import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * True when `value` is a finite number written with at most `places` decimals. class-validator's own
 * `IsNumber({ maxDecimalPlaces })` splits the number's text on '.', and throws on a number printed in exponent
 * notation (1e-7): a 500 where a 400 is due. Here the number is compared with itself rounded to `places` decimals,
 * which holds for any finite double: the nearest double to n / 10^places is the number a text of `places` decimals
 * parses to.
 */
export function hasAtMostDecimals(value: unknown, places: number): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (Number.isInteger(value)) return true; // 1e21 * 100 would not come back to 1e21
  const scale = 10 ** places;
  return Math.round(value * scale) / scale === value;
}

/** A finite number with at most two decimals (hours given as JSON numbers); French text under `isHundredths`. */
export function IsHundredths(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isHundredths',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a number with at most 2 decimals', ...options },
      validator: { validate: (value: unknown) => hasAtMostDecimals(value, 2) },
    });
}
