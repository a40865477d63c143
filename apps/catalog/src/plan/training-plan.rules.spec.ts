import { schoolYearBounds } from '@forma/domain';
import { PlannedModule, waveViolations } from './training-plan.rules';

const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
const modules = new Map<string, PlannedModule>([
  [M1, { id: M1, academy: 'corse', status: 'published', targetProfiles: ['teacher', 'school-head'] }],
  [M2, { id: M2, academy: 'guyane', status: 'published', targetProfiles: [] }],
]);
const line = (over: object = {}) => ({
  moduleId: M1,
  profile: 'teacher' as const,
  headcount: 40,
  sessions: 2,
  trainers: 2,
  hours: '6',
  ...over,
});
const wave = (over: object = {}) => ({
  schoolYear: '2026-2027',
  startsOn: '2026-09-14',
  endsOn: '2026-12-18',
  lines: [line()],
  ...over,
});

describe('training plan rules (seed 001)', () => {
  it('accepts a wave inside its school year whose lines name modules of the académie for a profile they target', () => {
    expect(
      waveViolations(wave({ lines: [line(), line({ profile: 'school-head', hours: '12.5' })] }), modules, 'corse'),
    ).toEqual([]);
  });

  it('bounds a school year from 1 September to 31 August, and refuses non-consecutive years', () => {
    expect(schoolYearBounds('2026-2027')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(schoolYearBounds('2026-2028')).toBeNull();
  });

  it('names every faulty field, line by line', () => {
    const faults = waveViolations(
      wave({
        startsOn: '2026-08-20',
        lines: [
          line(),
          line(),
          line({ moduleId: M2 }),
          line({ profile: 'parents' }),
          line({ profile: 'school-head', hours: '-1', sessions: 1, trainers: 0 }),
        ],
      }),
      modules,
      'corse',
    );
    expect(faults.map((f) => `${f.field} ${f.rule}`)).toEqual([
      'startsOn wave_outside_school_year',
      'lines[1] duplicate_plan_line',
      'lines[2].moduleId unknown_module',
      'lines[3].profile profile_not_targeted',
      'lines[4].hours hours_format',
      'lines[4].trainers trainers_missing',
    ]);
    expect(faults[2].message).toContain('Ligne 3');
  });

  it('refuses a wave that ends before it starts and an archived module', () => {
    const archived = new Map(modules);
    archived.set(M1, { ...modules.get(M1)!, status: 'archived' });
    expect(waveViolations(wave({ endsOn: '2026-09-01' }), archived, 'corse').map((f) => f.rule)).toEqual([
      'wave_dates',
      'module_archived',
    ]);
  });
});
