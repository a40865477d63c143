import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The BI feed's cursor: the position after the last change a reader received, in commit order (the committing
 * transaction's id, then the change's sequence number), for one fact and one académie. It is opaque to the reader and
 * signed, so a cursor that was never issued, or was edited, or belongs to another fact or académie, is refused.
 */
export interface FeedPosition {
  fact: string;
  academy: string;
  tx: string;
  seq: string;
}

export type CursorProblem = 'cursor_malformed' | 'cursor_not_issued' | 'cursor_other_feed';

const VERSION = 'c1';

function signature(key: string, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

export function encodeCursor(key: string, position: FeedPosition): string {
  const body = Buffer.from(JSON.stringify([position.fact, position.academy, position.tx, position.seq])).toString(
    'base64url',
  );
  return `${VERSION}.${body}.${signature(key, body).toString('base64url')}`;
}

export function decodeCursor(
  key: string,
  cursor: string,
  expected: { fact: string; academy: string },
): FeedPosition | CursorProblem {
  const parts = cursor.split('.');
  if (
    parts.length !== 3 ||
    parts[0] !== VERSION ||
    !/^[A-Za-z0-9_-]+$/.test(parts[1]) ||
    !/^[A-Za-z0-9_-]+$/.test(parts[2])
  )
    return 'cursor_malformed';
  const given = Buffer.from(parts[2], 'base64url');
  const wanted = signature(key, parts[1]);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'cursor_not_issued';
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return 'cursor_malformed';
  }
  if (!Array.isArray(fields) || fields.length !== 4 || !fields.every((f) => typeof f === 'string'))
    return 'cursor_malformed';
  const [fact, academy, tx, seq] = fields as string[];
  if (!/^\d+$/.test(tx) || !/^\d+$/.test(seq)) return 'cursor_malformed';
  if (fact !== expected.fact || academy !== expected.academy) return 'cursor_other_feed';
  return { fact, academy, tx, seq };
}
