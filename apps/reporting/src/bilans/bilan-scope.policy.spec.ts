import { Identity, Role } from '@forma/auth';
import { bilanRefusal } from './bilan-scope.policy';

const who = (role: Role, level: Identity['scope']['level'], code: string, academy = 'guyane'): Identity =>
  ({ sub: role, roles: [role], scope: { level, code, academy } }) as Identity;
const school = { academy: 'guyane', department: '973', district: 'CAY-1' };

describe('who reads which bilan', () => {
  it('lets the DAFPEN read its académie at every level, and never another académie', () => {
    const dafpen = who('dafpen-admin', 'academie', 'guyane');
    expect(bilanRefusal(dafpen, 'academie', 'guyane', { academy: 'guyane' })).toBeNull();
    expect(bilanRefusal(dafpen, 'school', '9730001A', school)).toBeNull();
    expect(bilanRefusal(dafpen, 'academie', 'martinique', { academy: 'martinique' })).toBe('foreign_academy');
  });

  it('lets an IEN read its district and its schools, not a neighbour district nor the académie', () => {
    const ien = who('ien', 'district', 'CAY-1');
    expect(bilanRefusal(ien, 'district', 'CAY-1', school)).toBeNull();
    expect(bilanRefusal(ien, 'school', '9730001A', school)).toBeNull();
    expect(bilanRefusal(ien, 'school', '9730002B', { ...school, district: 'CAY-2' })).toBe('out_of_scope');
    expect(bilanRefusal(ien, 'academie', 'guyane', { academy: 'guyane' })).toBe('out_of_scope');
    expect(
      bilanRefusal(who('ien', 'department', '973'), 'district', 'CAY-2', { ...school, district: 'CAY-2' }),
    ).toBeNull();
  });

  it('lets a school head read its school only', () => {
    const head = who('school-head', 'school', '9730001A');
    expect(bilanRefusal(head, 'school', '9730001A', school)).toBeNull();
    expect(bilanRefusal(head, 'school', '9730002B', school)).toBe('out_of_scope');
    expect(bilanRefusal(head, 'district', 'CAY-1', school)).toBe('out_of_scope');
  });

  it('lets a Canopé referent read its DT and trainings; sends bi-reader to the BI API', () => {
    const canope = who('canope-referent', 'canope-dt', 'DT-973');
    expect(bilanRefusal(canope, 'canope-dt', 'DT-973', { academy: 'guyane' })).toBeNull();
    expect(bilanRefusal(canope, 'canope-dt', 'DT-972', { academy: 'guyane' })).toBe('out_of_scope');
    expect(bilanRefusal(canope, 'module', 'm1', { academy: 'guyane' })).toBeNull();
    expect(bilanRefusal(who('bi-reader', 'academie', 'guyane'), 'academie', 'guyane', { academy: 'guyane' })).toBe(
      'bi_only',
    );
  });
});
