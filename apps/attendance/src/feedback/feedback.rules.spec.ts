import { assertMoment, normalisedConcerns } from './feedback.rules';

describe('hot and cold impressions, the facilitators’ concerns', () => {
  it('takes hot impressions from the last day, cold ones a week later', () => {
    expect(() => assertMoment('hot', '2027-03-16', '2027-03-15')).toThrow(
      expect.objectContaining({ code: 'feedback_too_early' }),
    );
    expect(() => assertMoment('hot', '2027-03-16', '2027-03-16')).not.toThrow();
    expect(() => assertMoment('cold', '2027-03-16', '2027-03-22')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('2027-03-23') }),
    );
    expect(() => assertMoment('cold', '2027-03-16', '2027-03-23')).not.toThrow();
  });

  it('keeps concerns trimmed and distinct, at least one', () => {
    expect(normalisedConcerns([' Oral ', 'oral', 'Différenciation'])).toEqual(['Oral', 'Différenciation']);
    expect(() => normalisedConcerns([' '])).toThrow(expect.objectContaining({ code: 'concerns_required' }));
  });
});
