import { parse } from 'csv-parse/sync';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { csvRecords, physicalLines } from './csv-records';
import { Checked, checkRow, Rejection } from './import-rows';
import { FileFacts } from './upload-storage';

const MAX_CELL = 500;

export interface RowBatch {
  rows: Checked[];
  /** Lines that could not be read as a record (unclosed quote, over-long line, misplaced quotes), as rejections. */
  skipped: Rejection[];
}

/**
 * Streams a stored file's rows in batches of `batchRows`, each row checked as it is read: memory holds one batch,
 * whatever the file's size. Every line ends as a row or a rejection naming its line (csv-records.ts): a bad line
 * never hides the ones after it. Lines with nothing in them are not rows.
 */
export async function* readBatches(
  path: string,
  facts: FileFacts,
  sessionId: string | null,
  batchRows: number,
): AsyncGenerator<RowBatch> {
  const decoded = createReadStream(path).pipe(iconv.decodeStream(facts.encoding)) as AsyncIterable<string>;
  let batch: RowBatch = { rows: [], skipped: [] };
  let headerSeen = !facts.hasHeader;
  for await (const record of csvRecords(physicalLines(decoded), facts.delimiter)) {
    if (record.kind === 'problem') {
      batch.skipped.push({
        row: record.line,
        code: record.code,
        field: null,
        message: record.message,
        cells: record.text ? [record.text.slice(0, MAX_CELL)] : [],
      });
    } else {
      const cells = parseRecord(record.text, facts.delimiter);
      if (!cells) {
        batch.skipped.push({
          row: record.line,
          code: 'malformed_row',
          field: null,
          message: 'Ligne illisible : guillemets mal placés.',
          cells: [record.text.slice(0, MAX_CELL)],
        });
      } else if (cells.some((c) => c.trim() !== '')) {
        if (!headerSeen) headerSeen = true;
        else
          batch.rows.push(
            checkRow(facts.layout, sessionId, { number: record.line, cells: cells.map((c) => c.slice(0, MAX_CELL)) }),
          );
      }
    }
    if (batch.rows.length + batch.skipped.length >= batchRows) {
      yield batch;
      batch = { rows: [], skipped: [] };
    }
  }
  yield batch;
}

/** One record's cells, or undefined when csv-parse cannot read it even with relaxed quotes. */
export function parseRecord(text: string, delimiter: string): string[] | undefined {
  // a record with no quote is its cells split on the delimiter, which is what csv-parse would answer: GAIA's and
  // Mailexport's lines have none, and a parser per line was a tenth of an import's CPU (bench:import's profile)
  if (!text.includes('"')) return text.split(delimiter);
  try {
    const [cells] = parse(text, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return cells ?? [];
  } catch {
    return undefined;
  }
}
