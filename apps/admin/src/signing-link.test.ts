import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome';
import { signingLinkOf } from './signing-link';

describe('the QR code’s signing link', () => {
  it('reads the session, the half-day and the code of the address’s fragment', () => {
    expect(signingLinkOf('#signer/0190f0aa-0000-7000-8000-000000000001/0/morning/QMM74A56')).toEqual({
      sessionId: '0190f0aa-0000-7000-8000-000000000001',
      slotIndex: 0,
      part: 'morning',
      code: 'QMM74A56',
    });
  });

  it('is nothing for any other fragment: a page, a half-day that does not exist, a code with other signs', () => {
    expect(signingLinkOf('#offer')).toBeUndefined();
    expect(signingLinkOf('#signer/0190f0aa-0000-7000-8000-000000000001/0/evening/QMM74A56')).toBeUndefined();
    expect(signingLinkOf('#signer/0190f0aa-0000-7000-8000-000000000001/0/whole/<script>')).toBeUndefined();
    expect(signingLinkOf('#signer/pas-une-session/0/whole/QMM74A56')).toBeUndefined();
  });
});

describe('a step’s outcome', () => {
  it('says what was done, or the API’s refusal in French', () => {
    expect(outcomeOf({ response: new Response(null, { status: 200 }) }, 'Enregistré.')).toEqual({
      ok: true,
      text: 'Enregistré.',
    });
    expect(
      outcomeOf(
        {
          error: { code: 'already_signed', detail: 'Cette présence est déjà signée.' },
          response: new Response(null, { status: 409 }),
        },
        'Enregistré.',
      ),
    ).toEqual({ ok: false, text: 'Cette présence est déjà signée.' });
    expect(outcomeOf({ error: {}, response: new Response(null, { status: 403 }) }, 'x').text).toMatch(
      /^Votre rôle ne permet pas cette action/,
    );
  });
});
