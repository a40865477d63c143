import { bilanFileStem, parisWallClock, periodText } from './bilan-documents';

describe('what the bilan documents say of their time and period', () => {
  it('writes spreadsheet times as Paris reads them, summer and winter', () => {
    expect(parisWallClock('2027-01-31T23:30:00.000Z').toISOString()).toBe('2027-02-01T00:30:00.000Z'); // UTC+1: already 1 February
    expect(parisWallClock('2026-07-14T08:00:00.000Z').toISOString()).toBe('2026-07-14T10:00:00.000Z'); // UTC+2
  });

  it('names the period in French and in the file name', () => {
    const year = { from: '2025-09-01', to: '2026-08-31', schoolYear: '2025-2026' };
    const range = { from: '2026-10-01', to: '2026-10-31', schoolYear: null };
    expect([periodText({ period: year }), periodText({ period: range }), periodText({ period: null })]).toEqual([
      'année scolaire 2025-2026',
      'sessions commencées du 1er octobre 2026 au 31 octobre 2026',
      'toute l’activité enregistrée',
    ]);
    expect(bilanFileStem({ level: 'district', code: '2a-nord', period: year, asOf: '2026-06-30' })).toBe(
      'bilan-district-2a-nord-annee-2025-2026-au-2026-06-30',
    );
    expect(bilanFileStem({ level: 'school', code: '0730611B', period: range, asOf: null })).toBe(
      'bilan-school-0730611B-periode-2026-10-01_2026-10-31',
    );
  });
});
