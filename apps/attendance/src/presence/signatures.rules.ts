import { SlotPart } from '@forma/contracts';
import { parisClock } from '@forma/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  codeExpired,
  codeInvalid,
  drawingInvalid,
  followUpNotSigned,
  slotNotOpen,
  unknownSlotPart,
} from './presence.errors';
import { minutesOf, SessionPart } from './presence.rules';

/**
 * Electronic émargement's rules (issue 27), pure. The trainer's screen shows a code that changes every 30 seconds; a
 * participant's phone sends it back. The code is a keyed digest of the session, the half-day and the 30-second window:
 * nothing is stored to check it, a replica computes the same, and a code read off a screen is worth nothing for
 * another half-day, another session or, a window later, at all. The code shown during a window is accepted until the
 * end of the next one (a code scanned in the last second of its window still counts; at most 60 s in all).
 */

export const CODE_WINDOW_MS = 30_000;
/** A participant may sign from this many minutes before the half-day starts until it ends. */
export const SIGNING_OPENS_BEFORE_MINUTES = 15;
/** A drawn signature, as a PNG data URL, is at most this large (a phone's canvas: ~5–40 kB). */
export const DRAWING_MAX_BYTES = 300_000;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const windowOf = (at: Date): number => Math.floor(at.getTime() / CODE_WINDOW_MS);

/** The code of a half-day for one window: 8 characters a person can also type (digits and capitals, no 0/O or 1/I). */
export function signingCode(secret: string, sessionId: string, slotIndex: number, part: SlotPart, window: number) {
  const digest = createHmac('sha256', secret).update(`${sessionId}:${slotIndex}:${part}:${window}`).digest();
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(digest.subarray(0, 8), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** The window a code was shown in (the current one or the one before), or the refusal: expired, or not a code. */
export function acceptedWindow(
  secret: string,
  sessionId: string,
  slotIndex: number,
  part: SlotPart,
  code: string,
  now: Date,
): number {
  const given = Buffer.from(code.trim().toUpperCase());
  const matches = (window: number) => {
    const expected = Buffer.from(signingCode(secret, sessionId, slotIndex, part, window));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  const current = windowOf(now);
  for (const window of [current, current - 1]) if (matches(window)) return window;
  // an older code of the same half-day is recognised, so that the refusal says what happened (up to an hour back)
  for (let window = current - 2; window > current - 120; window -= 1) if (matches(window)) throw codeExpired();
  throw codeInvalid();
}

/** The time in France (the slots' hours are French hours): its date and its minute of the day. */
export function frenchTime(at: Date): { date: string; minute: number } {
  const c = parisClock(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${c.year}-${two(c.month)}-${two(c.day)}`, minute: c.hour * 60 + c.minute };
}

/** The half-day to sign: one of the session's parts held in a place or a virtual class, and open at this time. */
export function signablePart(parts: readonly SessionPart[], slotIndex: number, part: SlotPart, now: Date): SessionPart {
  const target = parts.find((p) => p.slotIndex === slotIndex && p.part === part);
  if (!target) throw unknownSlotPart(slotIndex, part);
  if (target.modality === 'follow-up' || !target.start || !target.end) throw followUpNotSigned();
  const { date, minute } = frenchTime(now);
  const opens = minutesOf(target.start) - SIGNING_OPENS_BEFORE_MINUTES;
  if (date !== target.date || minute < opens || minute > minutesOf(target.end)) throw slotNotOpen(target);
  return target;
}

/** A drawn signature: a PNG data URL, not empty, not too large; its bytes (kept, with their SHA-256, as proof). */
export function drawingBytes(dataUrl: string): Buffer {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl.trim());
  if (!match) throw drawingInvalid('une image PNG est attendue (data:image/png;base64,…)');
  const bytes = Buffer.from(match[1], 'base64');
  if (bytes.length > DRAWING_MAX_BYTES) throw drawingInvalid(`l’image dépasse ${DRAWING_MAX_BYTES / 1000} ko`);
  if (bytes.length < 67 || !bytes.subarray(0, 8).equals(PNG)) throw drawingInvalid('ce n’est pas une image PNG');
  return bytes;
}
