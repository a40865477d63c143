import { isValidUai, uaiCheckLetter } from './uai';

describe('UAI', () => {
  it('computes the check letter from the seven digits (mod 23, no I, O or Q)', () => {
    expect(uaiCheckLetter('9730298')).toBe('L');
    expect(uaiCheckLetter('0000000')).toBe('A');
    expect(uaiCheckLetter('0000022')).toBe('Z');
  });

  it('accepts a UAI whose letter matches and refuses the others', () => {
    expect(isValidUai('9730298L')).toBe(true);
    expect(isValidUai('9730298M')).toBe(false);
    expect(isValidUai('973029L')).toBe(false);
    expect(isValidUai('9730298l')).toBe(false);
    expect(isValidUai(9730298)).toBe(false);
  });
});
