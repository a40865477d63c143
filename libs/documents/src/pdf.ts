import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * What every PDF of attendance shares: DejaVu Sans embedded (accents, quotes, Greek, Cyrillic, Hebrew and Arabic
 * letters print as typed; no font of the machine is used), French dates and the bytes of the finished document.
 */
const FONTS = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const REGULAR = 'forma-regular';
export const BOLD = 'forma-bold';

export function newDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ bufferPages: true, ...options });
  doc.registerFont(REGULAR, join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont(BOLD, join(FONTS, 'DejaVuSans-Bold.ttf'));
  doc.font(REGULAR);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// French dates: one definition in @forma/domain (issue 24), re-exported for the documents
export { frenchDate, shortDate } from '@forma/domain';

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/**
 * One line of text cut to `width` with an ellipsis. A line written only in a right-to-left script (a Hebrew or Arabic
 * name) is laid out as one run, so its words keep their order (without it PDFKit swaps the words and drops the space).
 * Mixed lines keep the word wrapper: each right-to-left word is shaped and ordered right.
 */
export function textLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  if (RTL.test(text) && !LATIN.test(text)) {
    // with an explicit feature list PDFKit hands the whole run to fontkit (checked: `pdftotext` reads it back as typed)
    doc.text(text, x, y, { ...options, features: ['rtla'], lineBreak: false });
    return;
  }
  doc.text(text, x, y, {
    ...options,
    width,
    height: options.height ?? doc.currentLineHeight(true),
    ellipsis: true,
    lineBreak: false,
  });
}
