import { describe, expect, it } from 'vitest';
import { frenchMoment } from './dates';
import { feedAddress } from './BiFeed';
import { sourceLabel } from './labels';

describe('what the people screen says of a field’s source and date', () => {
  it('names an import by the start of its job, a form or API call as such', () => {
    expect(sourceLabel('import:0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('Import 0193a1b2');
    expect(sourceLabel('api')).toBe('Saisie (formulaire ou API)');
    expect(sourceLabel('mailexport')).toBe('mailexport');
  });

  it('dates an instant as Paris reads it, summer and winter', () => {
    expect(frenchMoment('2027-01-12T08:14:00.000Z')).toBe('12 janvier 2027 à 09:14');
    expect(frenchMoment('2027-06-30T21:30:00.000Z')).toBe('30 juin 2027 à 23:30');
  });
});

describe('the BI feed’s address', () => {
  it('names the fact, the format and the cursor to resume from, escaped', () => {
    expect(feedAddress('https://forma.example', 'sessions')).toBe(
      'https://forma.example/api/v1/bi/v1/facts/sessions?format=json',
    );
    expect(feedAddress('https://forma.example', 'modules', 'a+b/c=', 'csv')).toBe(
      'https://forma.example/api/v1/bi/v1/facts/modules?format=csv&cursor=a%2Bb%2Fc%3D',
    );
  });
});
