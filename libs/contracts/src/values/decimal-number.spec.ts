import { IsHundredths, hasAtMostDecimals } from './decimal-number';
import { validateSync } from 'class-validator';

class Hours {
  @IsHundredths()
  hours!: unknown;
}

const errorsFor = (hours: unknown) => {
  const dto = Object.assign(new Hours(), { hours });
  return validateSync(dto).flatMap((error) => Object.keys(error.constraints ?? {}));
};

describe('IsHundredths', () => {
  it('accepts a number of at most two decimals, integers and negatives included', () => {
    for (const value of [0, 3, 1.5, 0.29, 0.1, 199.99, -2.25, 1e21]) expect(hasAtMostDecimals(value, 2)).toBe(true);
  });

  it('refuses more decimals, exponent notation included, without throwing', () => {
    for (const value of [1e-7, 0.001, 1.005, 2.125, 5e-324]) expect(hasAtMostDecimals(value, 2)).toBe(false);
  });

  it('refuses what is not a finite number', () => {
    for (const value of [NaN, Infinity, -Infinity, '1.5', null, undefined, {}]) {
      expect(hasAtMostDecimals(value, 2)).toBe(false);
    }
  });

  it('answers a validation error (not an exception) for 1e-7 and accepts 1e21', () => {
    expect(errorsFor(1e-7)).toEqual(['isHundredths']);
    expect(errorsFor(1e21)).toEqual([]);
    expect(errorsFor(12.5)).toEqual([]);
  });
});
