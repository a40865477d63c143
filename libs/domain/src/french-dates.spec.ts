import { frenchDate, frenchDayDate, shortDate } from './french-dates';

describe('French dates (one definition)', () => {
  it('writes a day long, with its weekday, and short', () => {
    expect(frenchDate('2027-03-16')).toBe('16 mars 2027');
    expect(frenchDate('2026-09-01T08:00:00.000Z')).toBe('1er septembre 2026');
    expect(frenchDayDate('2027-03-16')).toBe('mardi 16 mars 2027');
    expect(frenchDayDate('2026-11-01')).toBe('dimanche 1er novembre 2026');
    expect(shortDate('2027-03-16')).toBe('16/03/2027');
  });
});
