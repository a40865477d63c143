/**
 * Splits a decoded CSV text into records without ever losing what follows a bad line. csv-parse, fed a whole file,
 * reads an unclosed quote to the end of the file (every later row lost, issue 13) and stops at an over-long row. The
 * files imported here (GAIA, Mailexport, spreadsheets of people) hold one person per line and no field spanning lines,
 * so a record is a line: each line is delimited first, checked for an unclosed quote, and parsed alone (by csv-parse,
 * see row-pipeline.ts). A bad line is rejected with its own number and reading goes on at the next one.
 */

export const MAX_LINE_CHARS = 64 * 1024;

export interface PhysicalLine {
  /** 1-based line number in the file. */
  number: number;
  /** The line without its end (`\n` or `\r\n`); undefined when it was too long to keep. */
  text?: string;
}

export type CsvRecord =
  | { kind: 'record'; line: number; text: string }
  | { kind: 'problem'; line: number; code: 'line_too_long' | 'unclosed_quote'; message: string; text: string };

/** The lines of a decoded stream, each at most `maxChars` (longer ones are reported, never held in memory). */
export async function* physicalLines(
  chunks: AsyncIterable<string>,
  maxChars = MAX_LINE_CHARS,
): AsyncGenerator<PhysicalLine> {
  let buffer = '';
  let number = 0;
  let dropping = false;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end < 0) {
        if (!dropping) {
          buffer += chunk.slice(start);
          if (buffer.length > maxChars) {
            dropping = true;
            buffer = '';
          }
        }
        break;
      }
      number += 1;
      const text = dropping ? undefined : buffer + chunk.slice(start, end);
      buffer = '';
      dropping = false;
      yield text === undefined || text.length > maxChars ? { number } : { number, text: text.replace(/\r$/, '') };
      start = end + 1;
    }
  }
  if (dropping) yield { number: number + 1 };
  else if (buffer !== '') yield { number: number + 1, text: buffer.replace(/\r$/, '') };
}

/** Whether a quoted field is still open at the end of `text` (quotes count only at a field's start; `""` escapes). */
export function endsInsideQuotes(text: string, delimiter: string): boolean {
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i += 1;
        else quoted = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      continue;
    }
    fieldStart = c === delimiter || c === '\n';
  }
  return quoted;
}

/** One record per line, or the line's problem, in file order: every line ends as a record or a problem of its own. */
export async function* csvRecords(lines: AsyncIterable<PhysicalLine>, delimiter: string): AsyncGenerator<CsvRecord> {
  for await (const line of lines) {
    if (line.text === undefined) {
      yield {
        kind: 'problem',
        line: line.number,
        code: 'line_too_long',
        message: `Ligne trop longue (plus de ${MAX_LINE_CHARS / 1024} Kio) : ignorée.`,
        text: '',
      };
    } else if (endsInsideQuotes(line.text, delimiter)) {
      yield {
        kind: 'problem',
        line: line.number,
        code: 'unclosed_quote',
        message:
          'Guillemet ouvert et jamais refermé sur cette ligne (un champ sur plusieurs lignes n’est pas accepté) : ligne ignorée, la lecture continue.',
        text: line.text,
      };
    } else {
      yield { kind: 'record', line: line.number, text: line.text };
    }
  }
}
