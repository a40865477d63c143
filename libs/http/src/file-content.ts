import type { IncomingMessage } from 'node:http';
import { isMultipart, readUpload } from './multipart';
import { ProblemError } from './problem';

/** The scanned documents the API keeps (signed sheets, a convention's paper copy): what each is and how it starts. */
export const SCAN_TYPES = {
  'application/pdf': { name: 'PDF', starts: Buffer.from('%PDF-') },
  'image/png': { name: 'PNG', starts: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'image/jpeg': { name: 'JPEG', starts: Buffer.from([0xff, 0xd8, 0xff]) },
} as const;
export type ScanType = keyof typeof SCAN_TYPES;

const names = (accepted: readonly ScanType[]) => accepted.map((t) => SCAN_TYPES[t].name).join(', ');

/** The type these bytes are, by their first bytes (magic numbers), among the accepted ones. */
export function sniffScan(bytes: Buffer, accepted: readonly ScanType[]): ScanType | undefined {
  return accepted.find((type) => bytes.subarray(0, SCAN_TYPES[type].starts.length).equals(SCAN_TYPES[type].starts));
}

/**
 * Whether a PDF is whole: its header, then a cross-reference pointer (`startxref`) and the end marker (`%%EOF`) in
 * its last kilobyte, as every PDF writer ends a file. A truncated upload or another file renamed .pdf has neither.
 */
export function pdfLooksWhole(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && tail.includes('startxref') && tail.includes('%%EOF');
}

/**
 * A scanned document from a request's raw body (or an HTML form's `file`), checked by what it contains (issue 28):
 * a declared type that is not accepted is refused before the body is read (415 `unsupported_file`); the bytes must be
 * what the declared type says (422 `file_content_mismatch`: ELF or PNG bytes sent as a PDF), and a PDF must be whole
 * (422 `invalid_pdf`). Returns the bytes and their type.
 */
export async function readScan(
  request: IncomingMessage,
  limit: number,
  accepted: readonly ScanType[],
): Promise<{ content: Buffer; type: ScanType }> {
  const declared = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const multipart = isMultipart(request);
  if (!multipart && !accepted.includes(declared as ScanType)) {
    throw new ProblemError(
      415,
      'unsupported_file',
      `Document attendu en ${names(accepted)} (type déclaré : ${declared || 'aucun'}).`,
      [{ field: 'Content-Type', rule: 'type', message: `Content-Type : ${accepted.join(', ')}` }],
    );
  }
  const content = await readUpload(request, limit);
  const found = sniffScan(content, accepted);
  if (!found || (!multipart && found !== declared)) {
    throw new ProblemError(
      422,
      'file_content_mismatch',
      `Le contenu du fichier n’est pas un document ${multipart ? names(accepted) : SCAN_TYPES[declared as ScanType].name}.`,
      [{ field: 'file', rule: 'content', message: 'file : le contenu ne correspond pas au type déclaré' }],
    );
  }
  if (found === 'application/pdf' && !pdfLooksWhole(content)) {
    throw new ProblemError(422, 'invalid_pdf', 'Le PDF est incomplet ou illisible (fin de fichier absente).', [
      { field: 'file', rule: 'pdf', message: 'file : PDF incomplet' },
    ]);
  }
  return { content, type: found };
}
