import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from './problem';

/**
 * What every app refuses before any handler runs (issue 28), so that no request can produce a 5xx: a compressed body
 * (the API takes none: `Content-Encoding` other than `identity` is 415), a character PostgreSQL cannot store (NUL) in
 * the path, a query value or any string or key of a JSON body (400 `invalid_character`, naming the field), and a JSON
 * body nested deeper than `MAX_JSON_DEPTH` (checked on the raw bytes, before parsing: `jsonDepthCheck`).
 */
export const MAX_JSON_DEPTH = 64;

/** express.json's `verify`: counts the nesting of the raw body outside strings, and stops at MAX_JSON_DEPTH. */
export function jsonDepthCheck(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw Object.assign(new Error('too deep'), { type: 'entity.too.deep', status: 400 });
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}

/** Where a string of this value holds a NUL (or a key does), as the field path; undefined when none. */
export function unstorableField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(valeur)' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableField(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return field;
      const found = unstorableField(item, field);
      if (found) return found;
    }
  }
  return undefined;
}

const invalidCharacter = (field: string) =>
  new ProblemError(400, 'invalid_character', `La requête contient un caractère interdit (NUL) : ${field}.`, [
    { field, rule: 'storable', message: `${field} : caractère NUL interdit` },
  ]);

/** Before the body is read: a compressed body is refused (the API documents `identity` only). */
export function refuseContentEncoding(request: Request, _response: Response, next: NextFunction): void {
  const encoding = (request.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return next(
      new ProblemError(
        415,
        'unsupported_encoding',
        'Les corps compressés ne sont pas acceptés : envoyez-le sans Content-Encoding.',
        [{ field: 'Content-Encoding', rule: 'identity', message: 'Content-Encoding : seul « identity » est accepté' }],
      ),
    );
  }
  next();
}

/** After the JSON body is parsed: NUL anywhere in the path, the query or the body is refused, naming where. */
export function refuseUnstorableCharacters(request: Request, _response: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    return next(new ProblemError(400, 'invalid_path', 'Le chemin de la requête est mal encodé.'));
  }
  if (path.includes('\u0000')) return next(invalidCharacter('(chemin)'));
  const field =
    unstorableField(request.query) ??
    (request.body && typeof request.body === 'object' ? unstorableField(request.body) : undefined);
  if (field) return next(invalidCharacter(field));
  next();
}
