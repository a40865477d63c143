import { assertVersion } from './optimistic-lock';
import { isRuleViolation, RuleViolation } from './rule-violation';

describe('RuleViolation', () => {
  it('carries a kind, a stable code, a French message and the fields it names', () => {
    const v = RuleViolation.onField('conflict', 'session_closed', 'La session a eu lieu.', 'sessionId');
    expect(v).toBeInstanceOf(Error);
    expect(isRuleViolation(v)).toBe(true);
    expect(v).toMatchObject({ kind: 'conflict', code: 'session_closed', message: 'La session a eu lieu.' });
    expect(v.errors).toEqual([{ field: 'sessionId', rule: 'session_closed', message: 'La session a eu lieu.' }]);
    expect(isRuleViolation(new Error('x'))).toBe(false);
  });
});

describe('assertVersion', () => {
  it('accepts the version read and refuses another one with version_conflict', () => {
    expect(() => assertVersion(3, 3, 'Le module')).not.toThrow();
    expect(() => assertVersion(2, 3, 'Le module')).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'version_conflict' }),
    );
  });
});
