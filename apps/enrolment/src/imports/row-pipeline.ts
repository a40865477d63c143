import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { FileFacts } from './upload-storage';
import { Checked, checkRow, Rejection } from './import-rows';

const MAX_CELL = 500;

export interface RowBatch {
  rows: Checked[];
  /** Lines the parser could not read, as rejections. */
  skipped: Rejection[];
}

/**
 * Streams a stored file's rows (decoded, parsed by csv-parse, each checked as it is read) in batches of `batchRows`:
 * memory holds one batch, whatever the file's size.
 */
export async function* readBatches(path: string, facts: FileFacts, sessionId: string | null, batchRows: number): AsyncGenerator<RowBatch> {
  const parser = parse({
    delimiter: facts.delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    info: true,
    max_record_size: 64 * 1024,
  });
  const skipped: Rejection[] = [];
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({ row: error.lines ?? 0, code: 'malformed_row', field: null, message: `Ligne illisible : ${error.message}`, cells: [] });
  });
  const source = createReadStream(path).pipe(iconv.decodeStream(facts.encoding)).pipe(parser);
  let batch: Checked[] = [];
  let headerSeen = !facts.hasHeader;
  for await (const { record, info } of source as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    batch.push(checkRow(facts.layout, sessionId, { number: info.lines, cells: record.map((c) => c.slice(0, MAX_CELL)) }));
    if (batch.length >= batchRows) {
      yield { rows: batch, skipped: skipped.splice(0) };
      batch = [];
    }
  }
  yield { rows: batch, skipped: skipped.splice(0) };
}
