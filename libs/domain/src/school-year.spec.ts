import { schoolYearBounds, schoolYearOf } from './school-year';

describe('the school year (one definition: it begins on 1 September)', () => {
  it('places the last days of August in the year that ends, 1 September in the next', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
  });

  it('gives a year’s bounds, and none for a malformed year', () => {
    expect(schoolYearBounds('2026-2027')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(schoolYearBounds('2026-2028')).toBeNull();
    expect(schoolYearBounds('26-27')).toBeNull();
    for (const day of ['2026-09-01', '2027-08-31', '2027-02-28']) {
      const { from, to } = schoolYearBounds(schoolYearOf(day))!;
      expect(from <= day && day <= to).toBe(true);
    }
  });
});
