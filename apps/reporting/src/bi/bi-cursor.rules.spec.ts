import { decodeCursor, encodeCursor } from './bi-cursor.rules';

const key = 'k'.repeat(32);
const feed = { fact: 'sessions', academy: 'guyane' };

describe('BI cursor', () => {
  it('gives back the position it was issued for', () => {
    const cursor = encodeCursor(key, { ...feed, tx: '1234', seq: '56' });
    expect(decodeCursor(key, cursor, feed)).toEqual({ ...feed, tx: '1234', seq: '56' });
  });

  it('refuses a cursor that was never issued, or edited, or signed with another key', () => {
    const cursor = encodeCursor(key, { ...feed, tx: '1234', seq: '56' });
    const [v, body, sig] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify(['sessions', 'guyane', '1', '1'])).toString('base64url');
    expect(decodeCursor(key, `${v}.${edited}.${sig}`, feed)).toBe('cursor_not_issued');
    expect(decodeCursor('x'.repeat(32), cursor, feed)).toBe('cursor_not_issued');
    expect(decodeCursor(key, `${v}.${body}.${sig.slice(0, -2)}AA`, feed)).toBe('cursor_not_issued');
  });

  it('refuses what is not a cursor at all', () => {
    for (const bad of ['', 'abc', 'c1..', 'c2.a.b', 'c1.a b.c', '1:2'])
      expect(decodeCursor(key, bad, feed)).toBe('cursor_malformed');
  });

  it("refuses another feed's cursor (another fact or académie)", () => {
    const cursor = encodeCursor(key, { fact: 'conventions', academy: 'guyane', tx: '1', seq: '1' });
    expect(decodeCursor(key, cursor, feed)).toBe('cursor_other_feed');
  });
});
