import { attended, counted, plannedMinutes, profileOf, schoolYearOf } from './projection.rules';

describe('projection rules', () => {
  it('counts planned face-to-face and virtual-class minutes apart', () => {
    expect(
      plannedMinutes([
        { start: '09:00', end: '12:00', kind: 'face-to-face' },
        { start: '13:30', end: '16:45', kind: 'face-to-face' },
        { start: '17:00', end: '18:30', kind: 'virtual-class' },
      ]),
    ).toEqual({ faceToFace: 375, virtualClass: 90 });
  });

  it('places a session in the school year of its first slot (from 1 September)', () => {
    expect(schoolYearOf([{ date: '2027-01-12' }, { date: '2026-09-01' }])).toBe('2026-2027');
    expect(schoolYearOf([{ date: '2026-08-31' }])).toBe('2025-2026');
  });

  it('names a profile from the function, or says it is missing', () => {
    expect(profileOf(' ens ')).toBe('ENS');
    expect(profileOf(null)).toBe('NON RENSEIGNÉ');
  });

  it('counts attended and counted marks', () => {
    expect([attended('present'), attended('partial'), attended('absent'), attended('excused')]).toEqual([1, 1, 0, 0]);
    expect([counted('absent'), counted('not-applicable')]).toEqual([1, 0]);
  });
});
