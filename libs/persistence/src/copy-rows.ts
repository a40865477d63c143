import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format: \N for null, backslash escapes for the four characters the format reserves. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

const CHUNK_ROWS = 1000;

/**
 * Bulk insert with COPY FROM STDIN on the connection of the transaction `manager` runs (TypeORM's query runner), so
 * the rows commit or roll back with the rest of the unit of work. Rows are streamed in chunks of text; a bulk flow
 * pays neither the array literals of `unnest` nor one round trip per row.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly CopyValue[][],
): Promise<void> {
  if (!rows.length) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`copyRows(${table}) must run inside a transaction`);
  const client = (await runner.connect()) as PoolClient;
  function* chunks(): Generator<string> {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      let text = '';
      for (const row of rows.slice(start, start + CHUNK_ROWS)) text += `${row.map(copyField).join('\t')}\n`;
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
