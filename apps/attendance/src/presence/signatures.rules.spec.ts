import { fictitiousSignature } from '@forma/testing';
import { RuleViolation } from '@forma/domain';
import { sessionParts } from './presence.rules';
import { acceptedWindow, drawingBytes, frenchTime, signablePart, signingCode, windowOf } from './signatures.rules';

const KEY = 'clé de test des codes d’émargement';
const SESSION = '0190f0aa-0000-7000-8000-000000000001';
const code = (at: Date, part: 'whole' | 'morning' | 'afternoon' = 'morning') =>
  signingCode(KEY, SESSION, 0, part, windowOf(at));
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as RuleViolation).code;
  }
  return 'accepted';
};

describe('electronic émargement rules', () => {
  // Tuesday 12 January 2027, a day-long slot: morning 09:00–12:00 and afternoon 13:00–17:00 (Paris, UTC+1)
  const parts = sessionParts([{ date: '2027-01-12', start: '09:00', end: '17:00', kind: 'face-to-face' }], 0, null);
  const at = (iso: string) => new Date(iso);

  it('accepts the code of the current window and of the one before, says an older one expired, refuses a forgery', () => {
    const shown = at('2027-01-12T08:30:29.999Z');
    expect(code(shown)).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(acceptedWindow(KEY, SESSION, 0, 'morning', code(shown), shown)).toBe(windowOf(shown));
    // scanned in the next window (one second later): still accepted, at its own window
    const next = at('2027-01-12T08:30:30.000Z');
    expect(acceptedWindow(KEY, SESSION, 0, 'morning', code(shown).toLowerCase(), next)).toBe(windowOf(shown));
    // two windows later: expired
    expect(refusal(() => acceptedWindow(KEY, SESSION, 0, 'morning', code(shown), at('2027-01-12T08:31:00.000Z')))).toBe(
      'signing_code_expired',
    );
    // another half-day's, another session's, or a made-up code: not a code of this half-day
    expect(refusal(() => acceptedWindow(KEY, SESSION, 0, 'morning', code(shown, 'afternoon'), shown))).toBe(
      'signing_code_invalid',
    );
    expect(
      refusal(() =>
        acceptedWindow(
          KEY,
          SESSION,
          0,
          'morning',
          signingCode(KEY, `${SESSION.slice(0, -1)}2`, 0, 'morning', windowOf(shown)),
          shown,
        ),
      ),
    ).toBe('signing_code_invalid');
    expect(refusal(() => acceptedWindow(KEY, SESSION, 0, 'morning', 'AAAAAAAA', shown))).toBe('signing_code_invalid');
    expect(refusal(() => acceptedWindow('une autre clé', SESSION, 0, 'morning', code(shown), shown))).toBe(
      'signing_code_invalid',
    );
  });

  it('opens a half-day 15 minutes before it starts and closes it at its end, in French time', () => {
    expect(frenchTime(at('2027-01-12T07:45:00Z'))).toEqual({ date: '2027-01-12', minute: 8 * 60 + 45 });
    // summer time: 07:45 UTC is 09:45 in Paris
    expect(frenchTime(at('2027-06-15T07:45:00Z'))).toEqual({ date: '2027-06-15', minute: 9 * 60 + 45 });
    expect(refusal(() => signablePart(parts, 0, 'morning', at('2027-01-12T07:44:00Z')))).toBe('slot_not_open');
    expect(signablePart(parts, 0, 'morning', at('2027-01-12T07:45:00Z')).part).toBe('morning');
    expect(signablePart(parts, 0, 'morning', at('2027-01-12T11:00:00Z')).end).toBe('12:00');
    expect(refusal(() => signablePart(parts, 0, 'morning', at('2027-01-12T11:01:00Z')))).toBe('slot_not_open');
    expect(signablePart(parts, 0, 'afternoon', at('2027-01-12T12:00:00Z')).part).toBe('afternoon');
    // the same hour another day
    expect(refusal(() => signablePart(parts, 0, 'morning', at('2027-01-13T08:30:00Z')))).toBe('slot_not_open');
    expect(refusal(() => signablePart(parts, 0, 'whole', at('2027-01-12T08:30:00Z')))).toBe('unknown_part');
    expect(refusal(() => signablePart(parts, 3, 'morning', at('2027-01-12T08:30:00Z')))).toBe('unknown_part');
  });

  it('never lets the follow-up at a distance be signed', () => {
    const withFollowUp = sessionParts(
      [{ date: '2027-01-12', start: '09:00', end: '12:00', kind: 'face-to-face' }],
      120,
      '2027-02-12',
    );
    expect(refusal(() => signablePart(withFollowUp, 1, 'whole', at('2027-01-12T08:30:00Z')))).toBe(
      'follow_up_not_signed',
    );
  });

  it('reads a drawn signature as PNG bytes, and refuses anything else', () => {
    const drawn = fictitiousSignature();
    expect(drawingBytes(drawn).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(refusal(() => drawingBytes('data:image/jpeg;base64,AAAA'))).toBe('drawing_invalid');
    expect(
      refusal(() => drawingBytes(`data:image/png;base64,${Buffer.from('pas une image').toString('base64')}`)),
    ).toBe('drawing_invalid');
    expect(refusal(() => drawingBytes(`data:image/png;base64,${Buffer.alloc(400_000).toString('base64')}`))).toBe(
      'drawing_invalid',
    );
  });
});
