import iconv from 'iconv-lite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EnrolmentSettings } from '../enrolment.config';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { parseRecord, readBatches } from './row-pipeline';
import { UploadStorage } from './upload-storage';

// The real upload storage and row pipeline on real files (no database): what a file becomes, line by line.
describe('an import file, line by line', () => {
  let directory: string;
  let storage: UploadStorage;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'forma-pipeline-'));
    storage = new UploadStorage({
      imports: { batchRows: 4, maxBytes: 64 * 1024 * 1024, directory },
    } as EnrolmentSettings);
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  async function read(bytes: Buffer, batchRows = 4) {
    const upload = await storage.store(Readable.from([bytes]), join(directory, `${Math.random()}.csv`));
    const facts = await storage.sniff(upload, undefined);
    const rows: { line: number; cells?: string[]; code?: string }[] = [];
    for await (const batch of readBatches(upload.path, facts, 'session', batchRows)) {
      for (const r of batch.rows)
        rows.push(
          'problem' in r ? { line: r.row.number, code: r.problem.code } : { line: r.row.number, cells: r.row.cells },
        );
      for (const s of batch.skipped) rows.push({ line: s.row, code: s.code });
    }
    return { facts, rows: rows.sort((a, b) => a.line - b.line) };
  }

  it('reads every row after a malformed one: unclosed quote, misplaced quotes, an over-long line', async () => {
    const lines = [
      'Nom;Mail',
      'UN Anne;anne@ac-exemple.fr',
      '"NON-FERMÉ Jean;jean@ac-exemple.fr',
      'DEUX Bea;bea@ac-exemple.fr',
      'MAL;"guillemet""" ouvert',
      `LONG;${'x'.repeat(70 * 1024)}`,
      'TROIS Cléo;cleo@ac-exemple.fr',
      '',
      'QUATRE Dan;dan@ac-exemple.fr',
    ];
    const { rows } = await read(Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(rows).toEqual([
      { line: 2, cells: ['UN Anne', 'anne@ac-exemple.fr'] },
      { line: 3, code: 'unclosed_quote' },
      { line: 4, cells: ['DEUX Bea', 'bea@ac-exemple.fr'] },
      { line: 5, code: 'invalid_mail' }, // misplaced quotes are read as they are, then the row is checked
      { line: 6, code: 'line_too_long' },
      { line: 7, cells: ['TROIS Cléo', 'cleo@ac-exemple.fr'] },
      { line: 9, cells: ['QUATRE Dan', 'dan@ac-exemple.fr'] },
    ]);
  });

  it('decides the encoding on the whole file: a Windows-1252 file whose first accent is past 64 KiB is read right', async () => {
    const plain = Array.from({ length: 2000 }, (_, i) => `FICTIF${i} Jean;jean${i}@ac-exemple.fr`);
    const text = ['Nom;Mail', ...plain, 'ÉLÈVE Zoé;zoe@ac-exemple.fr'].join('\r\n');
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.indexOf(0xc9)).toBeGreaterThan(64 * 1024); // É comes after the first 64 KiB
    const { facts, rows } = await read(bytes, 500);
    expect(facts.encoding).toBe('windows-1252');
    expect(rows).toHaveLength(2001);
    expect(rows.at(-1)).toEqual({ line: 2002, cells: ['ÉLÈVE Zoé', 'zoe@ac-exemple.fr'] });
  });

  it('keeps UTF-8 for a UTF-8 file with accents anywhere', async () => {
    const { facts, rows } = await read(Buffer.from('Nom;Mail\nÉTÉ Zoé;zoe@ac-exemple.fr\n', 'utf8'));
    expect(facts.encoding).toBe('utf-8');
    expect(rows).toEqual([{ line: 2, cells: ['ÉTÉ Zoé', 'zoe@ac-exemple.fr'] }]);
  });
});

describe('a line without quotes', () => {
  it('is split into the cells csv-parse would read', () => {
    const cell = fc.stringMatching(/^[^"\n\r]{0,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('|', ';', ',', '\t'),
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        (delimiter, cells) => {
          const text = cells.join(delimiter);
          const [expected] = parse(text, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
          expect(parseRecord(text, delimiter)).toEqual(expected ?? ['']);
        },
      ),
      { numRuns: 500 },
    );
  });
});
