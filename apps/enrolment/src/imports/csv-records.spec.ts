import { csvRecords, endsInsideQuotes, MAX_LINE_CHARS, physicalLines } from './csv-records';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}
const records = (text: string, chunkSize = 7) =>
  all(csvRecords(physicalLines(from(text.match(new RegExp(`[\\s\\S]{1,${chunkSize}}`, 'g')) ?? [])), ';'));

describe('CSV records that lose nothing', () => {
  it('numbers lines across chunks, CRLF or LF, the last one without an end', async () => {
    expect(await all(physicalLines(from(['Nom;Ma', 'il\r\nA;a@', 'x.fr\nB;b@x.fr'])))).toEqual([
      { number: 1, text: 'Nom;Mail' },
      { number: 2, text: 'A;a@x.fr' },
      { number: 3, text: 'B;b@x.fr' },
    ]);
  });

  it('reports an over-long line alone, without keeping it, and reads on', async () => {
    const long = 'x'.repeat(MAX_LINE_CHARS + 10);
    const out = await all(
      csvRecords(physicalLines(from(['A;1\n', long.slice(0, 40000), long.slice(40000), '\nB;2\n'])), ';'),
    );
    expect(out).toEqual([
      { kind: 'record', line: 1, text: 'A;1' },
      expect.objectContaining({ kind: 'problem', line: 2, code: 'line_too_long' }),
      { kind: 'record', line: 3, text: 'B;2' },
    ]);
  });

  it('a quote left open rejects its own line only: every row after it is still read', async () => {
    const lines = [
      'Nom;Mail',
      'A;a@x.fr',
      'B;"b@x.fr',
      'C;"une',
      'adresse";1',
      ...Array.from({ length: 30 }, (_, i) => `D${i};d${i}@x.fr`),
    ];
    const out = await records(lines.join('\n'));
    expect(out.filter((r) => r.kind === 'problem').map((r) => [r.line, r.kind === 'problem' && r.code])).toEqual([
      [3, 'unclosed_quote'],
      [4, 'unclosed_quote'],
    ]);
    expect(out.filter((r) => r.kind === 'record').map((r) => r.line)).toEqual([
      1,
      2,
      5,
      ...Array.from({ length: 30 }, (_, i) => i + 6),
    ]);
    expect(out).toHaveLength(lines.length);
  });

  it('counts quotes only at a field’s start, and "" as an escaped quote', () => {
    expect(endsInsideQuotes('O"Neil;a@x.fr', ';')).toBe(false);
    expect(endsInsideQuotes('"dit ""bonjour""";a', ';')).toBe(false);
    expect(endsInsideQuotes('a;"ouvert', ';')).toBe(true);
  });
});
