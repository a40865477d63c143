import {
  attended,
  counted,
  distinctRuns,
  independentRuns,
  plannedMinutes,
  profileOf,
  sessionSchoolYear,
  targetProfileOf,
} from './projection.rules';

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
    expect(sessionSchoolYear([{ date: '2027-01-12' }, { date: '2026-09-01' }])).toBe('2026-2027');
    expect(sessionSchoolYear([{ date: '2026-08-31' }])).toBe('2025-2026');
  });

  it('names a profile from the function, or says it is missing', () => {
    expect(profileOf(' ens ')).toBe('ENS');
    expect(profileOf(null)).toBe('NON RENSEIGNÉ');
  });

  it('counts attended and counted marks', () => {
    expect([attended('present'), attended('partial'), attended('absent'), attended('excused')]).toEqual([1, 1, 0, 0]);
    expect([counted('absent'), counted('not-applicable')]).toEqual([1, 0]);
  });

  it('cuts a batch of marks where a mark depends on an earlier one of its run, and nowhere else', () => {
    const m = (
      registrationId: string,
      markId: string,
      slotIndex: number,
      correctsMarkId: string | null = null,
      modality = 'face-to-face',
    ) => ({ registrationId, markId, slotIndex, part: 'whole', modality, correctsMarkId });
    const ids = (runs: { markId: string }[][]) => runs.map((r) => r.map((x) => x.markId));
    // a whole list, two slots each: independent
    expect(ids(independentRuns([m('a', '1', 0), m('b', '2', 0), m('a', '3', 1), m('b', '4', 1)]))).toEqual([
      ['1', '2', '3', '4'],
    ]);
    // the same slot again, and a correction of a mark of the run: cut before each
    expect(ids(independentRuns([m('a', '1', 0), m('b', '2', 0), m('a', '3', 0), m('b', '4', 1, '2')]))).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    // another modality of the same slot is another mark; two corrections of the same mark are cut
    expect(
      ids(
        independentRuns([
          m('a', '1', 0),
          m('a', '2', 0, null, 'virtual-class'),
          m('c', '5', 2, '9'),
          m('c', '6', 3, '9'),
        ]),
      ),
    ).toEqual([['1', '2', '5'], ['6']]);
    expect(independentRuns([])).toEqual([]);
  });

  it('cuts a run of confirmations before a registration it already holds', () => {
    const runs = distinctRuns(['r1', 'r2', 'r3', 'r2', 'r4', 'r1'], (id) => [id]);
    expect(runs).toEqual([
      ['r1', 'r2', 'r3'],
      ['r2', 'r4', 'r1'],
    ]);
    expect(distinctRuns(['r1', 'r1', 'r1'], (id) => [id])).toEqual([['r1'], ['r1'], ['r1']]);
  });

  it('maps a GAIA function to the training plan’s target profile, or to none', () => {
    expect([targetProfileOf(' ens '), targetProfileOf('DIR'), targetProfileOf('CPE'), targetProfileOf(null)]).toEqual([
      'teacher',
      'school-head',
      null,
      null,
    ]);
  });
});
