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

export function decodeCursor(cursor: string | undefined): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Partial<CursorPosition>;
    if (typeof value.after === 'string' && typeof value.id === 'string') return { after: value.after, id: value.id };
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
