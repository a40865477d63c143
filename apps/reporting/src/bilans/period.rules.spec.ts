import { RuleViolation } from '@forma/domain';
import { periodOf, schoolYearsOf } from './period.rules';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return [(error as RuleViolation).code, (error as RuleViolation).errors[0].field];
  }
  return null;
};

describe('the period a bilan covers', () => {
  it('is a school year, from 1 September to 31 August, or two dates in order, or none', () => {
    expect(periodOf({ schoolYear: '2025-2026' })).toEqual({
      from: '2025-09-01',
      to: '2026-08-31',
      schoolYear: '2025-2026',
    });
    expect(periodOf({ from: '2026-09-01', to: '2026-10-31' })).toEqual({
      from: '2026-09-01',
      to: '2026-10-31',
      schoolYear: null,
    });
    expect(periodOf({ from: '2026-09-01', to: '2027-08-31' })).toEqual({
      from: '2026-09-01',
      to: '2027-08-31',
      schoolYear: '2026-2027',
    });
    expect(periodOf({})).toBeNull();
  });

  it('refuses what is not a period, naming the field', () => {
    expect(codeOf(() => periodOf({ schoolYear: '2025-2027' }))).toEqual(['school_year_invalid', 'schoolYear']);
    expect(codeOf(() => periodOf({ schoolYear: '2025-2026', from: '2025-09-01' }))).toEqual([
      'period_ambiguous',
      'schoolYear',
    ]);
    expect(codeOf(() => periodOf({ from: '2026-09-01' }))).toEqual(['period_incomplete', 'to']);
    expect(codeOf(() => periodOf({ to: '2026-09-01' }))).toEqual(['period_incomplete', 'from']);
    expect(codeOf(() => periodOf({ from: '2026-02-30', to: '2026-03-01' }))).toEqual(['period_invalid', 'from']);
    expect(codeOf(() => periodOf({ from: '2026-10-01', to: '2026-09-30' }))).toEqual(['period_reversed', 'to']);
  });

  it('names the school years it touches', () => {
    expect(schoolYearsOf({ from: '2026-06-01', to: '2027-10-31', schoolYear: null })).toEqual([
      '2025-2026',
      '2026-2027',
      '2027-2028',
    ]);
    expect(schoolYearsOf(periodOf({ schoolYear: '2025-2026' })!)).toEqual(['2025-2026']);
  });
});
