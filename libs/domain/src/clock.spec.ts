import { clockFrom, FixedClock, SystemClock } from './clock';

describe('the clock', () => {
  it('is the system’s unless FORMA_CLOCK names an instant; a fixed clock stays where it was set', () => {
    expect(clockFrom(undefined)).toBeInstanceOf(SystemClock);
    const fixed = clockFrom('2027-06-15T08:30:00Z');
    expect(fixed).toBeInstanceOf(FixedClock);
    expect(fixed.now().toISOString()).toBe('2027-06-15T08:30:00.000Z');
    expect(fixed.today()).toBe('2027-06-15');
    fixed.now().setFullYear(2000); // a caller changing its copy does not move the clock
    expect(fixed.today()).toBe('2027-06-15');
    expect(() => clockFrom('le 15 juin')).toThrow('not a date');
  });
});
