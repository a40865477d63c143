import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Response } from 'express';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will not run: text starting with = + - @ or a tab/CR (OWASP "CSV injection") gets a leading
 * apostrophe, so `=cmd|' /C calc'!A0` is shown as text, never evaluated.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The French CSV options (`;`, UTF-8 with BOM so Excel reads accents, CRLF), for a download and a stored file alike.
 */
const CSV_OPTIONS = { delimiter: ';', bom: true, record_delimiter: 'windows' } as const;

/** A whole CSV file in memory, written as `sendCsv` streams it (a stored export). */
export function csvBytes(header: string[], rows: Iterable<unknown[]>): Buffer {
  return Buffer.from(stringifySync([header, ...[...rows].map((row) => row.map(neutraliseCell))], CSV_OPTIONS), 'utf8');
}

/**
 * Streams rows as a CSV download the French way (`;`, UTF-8 with BOM so Excel reads accents), every cell
 * neutralised. `rows` may be an async iterable: nothing is held in memory beyond one row.
 */
export async function sendCsv(
  response: Response,
  fileName: string,
  header: string[],
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>,
): Promise<void> {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  const csv = stringify(CSV_OPTIONS);
  csv.pipe(response);
  const write = (row: unknown[]) =>
    new Promise<void>((resolve) =>
      csv.write(row.map(neutraliseCell)) ? resolve() : csv.once('drain', () => resolve()),
    );
  await write(header);
  for await (const row of rows) await write(row);
  await new Promise<void>((resolve) => {
    response.once('finish', () => resolve());
    csv.end();
  });
}

/**
 * Sends a finished document (PDF, XLSX, ZIP) as a download, or shown in the browser (`inline`), under its file name.
 */
export function sendFile(
  response: Response,
  file: { type: string; name: string; inline?: boolean },
  bytes: Buffer,
): void {
  response.setHeader('content-type', file.type);
  response.setHeader('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.name}"`);
  response.end(bytes);
}
