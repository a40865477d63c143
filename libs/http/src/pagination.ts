import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ProblemError } from './problem';

/** A page's size in a query: 1 to 200, 50 when absent. */
export const PageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(200),
  );

/** Cursor pagination for every list: `?limit=50&cursor=...`; the response's `nextCursor` fetches the next page. */
export class PageQuery {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor).' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Position after the last item of a page, for keyset pagination on (sortValue, id). */
export interface CursorPosition {
  after: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** What a cursor's parts must look like when SQL casts them (a timestamp, a uuid); text is taken as it is. */
const CURSOR_PARTS = {
  timestamp: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  text: /^/,
} as const;

/**
 * The position a cursor holds, or undefined without one. A cursor that is not one of ours (altered, or its parts not
 * of the kinds its query casts them to) is a 400 naming the field, never a failed cast in SQL.
 */
export function decodeCursor(
  cursor: string | undefined,
  kinds: { after?: keyof typeof CURSOR_PARTS; id?: keyof typeof CURSOR_PARTS } = {},
): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Partial<CursorPosition>;
    if (
      typeof value.after === 'string' &&
      typeof value.id === 'string' &&
      CURSOR_PARTS[kinds.after ?? 'text'].test(value.after) &&
      CURSOR_PARTS[kinds.id ?? 'text'].test(value.id)
    )
      return { after: value.after, id: value.id };
  } catch {
    /* reported below */
  }
  throw new ProblemError(400, 'invalid_cursor', 'Le curseur de pagination est invalide.', [
    { field: 'cursor', rule: 'cursor', message: 'cursor : curseur inconnu ou altéré' },
  ]);
}

/** Builds a page from `limit + 1` rows: the extra row only says that there is a next page. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  position: (row: R) => CursorPosition,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}

/**
 * A whole number from a query value, bounded before it reaches SQL (issue 28): absent is `fallback`, anything else
 * than digits or beyond `max` (PostgreSQL's integer by default) is refused naming the field.
 */
export function boundedInteger(value: string | undefined, field: string, fallback = 0, max = 2_147_483_647): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,10}$/.test(value) || Number(value) > max) {
    throw new ProblemError(400, 'validation_failed', `La requête est invalide : ${field}.`, [
      { field, rule: 'max', message: `${field} : nombre entier de 0 à ${max} attendu` },
    ]);
  }
  return Number(value);
}
