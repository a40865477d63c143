import { Identity, Role, ScopeLevel } from '@forma/auth';
import { assertReachesPlan, ownerOf } from './plan-reach.rules';

const as = (role: Role, level: ScopeLevel, code: string, academy = 'guyane'): Identity => ({
  sub: role,
  roles: [role],
  scope: { level, code, academy },
});
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'reached';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('who reaches a workshop plan', () => {
  const bySchool = ownerOf(as('school-head', 'school', '9730411A'));

  it('its school head, and the organisers of its académie', () => {
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('school-head', 'school', '9730411A')))).toBe('reached');
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('dafpen-admin', 'academie', 'guyane')))).toBe('reached');
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('canope-referent', 'canope-dt', 'dt-1')))).toBe('reached');
  });

  it('not another school, an IEN elsewhere, a trainer, or another académie', () => {
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('school-head', 'school', '9730422B')))).toBe(
      'plan_not_found',
    );
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('ien', 'district', '973-nord')))).toBe('plan_not_found');
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('trainer', 'academie', 'guyane')))).toBe('plan_not_found');
    expect(codeOf(() => assertReachesPlan('p', bySchool, as('dafpen-admin', 'academie', 'toulouse', 'toulouse')))).toBe(
      'plan_not_found',
    );
  });

  it('an académie-level plan is its organisers’ only', () => {
    const byAdmin = ownerOf(as('dafpen-admin', 'academie', 'guyane'));
    expect(codeOf(() => assertReachesPlan('p', byAdmin, as('trainer', 'academie', 'guyane')))).toBe('plan_not_found');
    expect(codeOf(() => assertReachesPlan('p', byAdmin, as('canope-referent', 'canope-dt', 'dt-1')))).toBe('reached');
  });
});
