import { describe, expect, it } from 'vitest';
import { bilanLevels, firstArea, ownCode, recentSchoolYears } from './bilan-levels';

const dafpen = { role: 'dafpen-admin', academy: 'nantes', level: 'academie', code: 'nantes' } as const;
const ienDistrict = { role: 'ien', academy: 'nantes', level: 'district', code: '044-nord' } as const;
const ienDepartment = { role: 'ien', academy: 'nantes', level: 'department', code: '044' } as const;
const head = { role: 'school-head', academy: 'nantes', level: 'school', code: '0440001A' } as const;
const canope = { role: 'canope-referent', academy: 'nantes', level: 'canope-dt', code: 'dt-ouest' } as const;

describe('the bilans a role is offered, as reporting’s policy allows them', () => {
  it('gives the DAFPEN every level of its académie, and nothing to the roles without bilans', () => {
    expect(bilanLevels(dafpen)).toEqual([
      'academie',
      'department',
      'district',
      'school',
      'canope-dt',
      'module',
      'dispositif',
    ]);
    for (const role of ['trainer', 'participant', 'bi-reader']) expect(bilanLevels({ ...dafpen, role })).toEqual([]);
  });

  it('gives an IEN their district or department and what lies in it, a school head their school', () => {
    expect(bilanLevels(ienDistrict)).toEqual(['district', 'school']);
    expect(bilanLevels(ienDepartment)).toEqual(['department', 'district', 'school']);
    expect(bilanLevels(head)).toEqual(['school']);
  });

  it('gives a Canopé referent their DT and the trainings, and the trainings alone without a DT', () => {
    expect(bilanLevels(canope)).toEqual(['canope-dt', 'module', 'dispositif']);
    expect(bilanLevels({ ...canope, level: 'academie', code: 'nantes' })).toEqual(['module', 'dispositif']);
  });

  it('opens on the broadest level, its code given when the scope names it and chosen otherwise', () => {
    expect(firstArea(dafpen)).toEqual({ level: 'academie', code: 'nantes' });
    expect(firstArea(ienDistrict)).toEqual({ level: 'district', code: '044-nord' });
    expect(firstArea(head)).toEqual({ level: 'school', code: '0440001A' });
    expect(firstArea({ ...canope, level: 'academie', code: 'nantes' })).toEqual({ level: 'module', code: '' });
    expect(ownCode(ienDepartment, 'district')).toBeUndefined();
    expect(firstArea({ ...dafpen, role: 'trainer' })).toBeUndefined();
  });
});

describe('the school years offered', () => {
  it('turns on 1 September', () => {
    expect(recentSchoolYears('2026-08-31')).toEqual(['2025-2026', '2024-2025', '2023-2024']);
    expect(recentSchoolYears('2026-09-01')).toEqual(['2026-2027', '2025-2026', '2024-2025']);
  });
});
