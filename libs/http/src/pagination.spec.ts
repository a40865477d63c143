import { decodeCursor, encodeCursor } from './pagination';
import { ProblemError } from './problem';

describe('a page cursor', () => {
  const forged = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('gives back the position it was made of', () => {
    const position = { after: '2026-12-05 15:23:01.123456+00', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    expect(decodeCursor(encodeCursor(position), { after: 'timestamp', id: 'uuid' })).toEqual(position);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('refuses with a 400 naming the field what SQL could not cast, or what is not a cursor', () => {
    for (const cursor of [
      forged({ after: 'pas une date', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
      forged({ after: '2026-12-05T15:23:01Z', id: 'pas-un-uuid' }),
      forged({ after: 1, id: 'x' }),
      'pas-du-base64-json',
    ]) {
      let refusal: unknown;
      try {
        decodeCursor(cursor, { after: 'timestamp', id: 'uuid' });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ProblemError);
      expect((refusal as ProblemError).getStatus()).toBe(400);
      expect(JSON.stringify((refusal as ProblemError).getResponse())).toContain('cursor');
    }
    // text parts are taken as they are
    expect(decodeCursor(forged({ after: 'pas une date', id: 'x' }))).toEqual({ after: 'pas une date', id: 'x' });
  });
});
