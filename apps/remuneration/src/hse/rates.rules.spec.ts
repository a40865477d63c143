import Decimal from 'decimal.js';
import { hseUnitRate, lineAmount, proposedHse, validRates } from './rates.rules';

const rates = [
  { grade: 'certifie', from: '2025-09-01', to: '2026-08-31', annualHsaRate: '1500.00' },
  { grade: 'certifie', from: '2026-09-01', to: null, annualHsaRate: '1530.00' },
  { grade: 'agrege', from: '2025-09-01', to: null, annualHsaRate: '2100.00' },
];

describe('HSE rates', () => {
  it('pays 1/36 of the annual HSA rate plus 25 %, to the cent, at the rate of the day', () => {
    expect(hseUnitRate(rates, 'certifie', '2026-06-30').toString()).toBe('52.08'); // 1500 / 36 x 1.25 = 52.0833…
    expect(hseUnitRate(rates, 'certifie', '2026-09-01').toString()).toBe('53.13'); // 53.125 rounds half up
    expect(hseUnitRate(rates, 'agrege', '2027-01-01').toString()).toBe('72.92');
    expect(() => hseUnitRate(rates, 'plp', '2027-01-01')).toThrow(expect.objectContaining({ code: 'no_rate' }));
  });

  it('computes amounts exactly (no float): 12.5 HSE at 53.13 is 664.13', () => {
    expect(lineAmount('12.5', new Decimal('53.13')).toString()).toBe('664.13');
    expect(lineAmount('0.1', new Decimal('0.2')).toString()).toBe('0.02');
  });

  it('refuses a table with a gap or an overlap in a grade’s dates', () => {
    expect(validRates(rates)).toHaveLength(3);
    expect(() => validRates([rates[0], { ...rates[1], from: '2026-08-31' }])).toThrow(
      expect.objectContaining({ code: 'rates_overlap' }),
    );
    expect(() => validRates([rates[0], { ...rates[1], from: '2026-09-02' }])).toThrow(
      expect.objectContaining({ code: 'rates_gap' }),
    );
    expect(() => validRates([{ ...rates[0], to: null }, rates[1]])).toThrow(
      expect.objectContaining({ code: 'rates_overlap' }),
    );
    expect(() => validRates([{ ...rates[0], annualHsaRate: '1,5' }])).toThrow(
      expect.objectContaining({ code: 'invalid_rate' }),
    );
  });

  it('takes HSE proposals as positive decimals of at most two places', () => {
    expect(proposedHse('2.5').toString()).toBe('2.5');
    for (const bad of ['0', '-1', '1.234', 'abc'])
      expect(() => proposedHse(bad)).toThrow(expect.objectContaining({ code: 'invalid_hse' }));
  });
});
