import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';

/**
 * The text of a PDF, as a reader would copy it (pdf-parse, Mozilla's pdf.js). It runs in a child Node process: pdf.js
 * loads its worker with a dynamic import, which Jest's module sandbox refuses.
 */
export function pdfText(pdf: Buffer): string {
  return parsed(pdf).text;
}

/** The text of each page of a PDF, in order (to count pages and read each one's footer). */
export function pdfPages(pdf: Buffer): string[] {
  return parsed(pdf).pages;
}

function parsed(pdf: Buffer): { text: string; pages: string[] } {
  const script = `
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
      const parser = new PDFParse({ data: Buffer.concat(chunks) });
      const result = await parser.getText();
      process.stdout.write(JSON.stringify({ text: result.text, pages: result.pages.map((p) => p.text) }));
      await parser.destroy();
    });`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8'),
  ) as { text: string; pages: string[] };
}

/** A small but well-formed PDF (header, one object, trailer, startxref, %%EOF) standing for a signed scan in tests. */
export function fictitiousPdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${text.replace(/[\r\n]/g, ' ')}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n`,
  );
}

/** A drawn signature as a phone's canvas sends it, for tests: a PNG data URL (a dark stroke across a white band). */
export function fictitiousSignature(): string {
  const png = new PNG({ width: 48, height: 16 });
  png.data.fill(0xff);
  for (let x = 0; x < 48; x += 1) {
    const y = Math.round(8 + 6 * Math.sin(x / 5));
    const at = (y * 48 + x) * 4;
    png.data[at] = png.data[at + 1] = png.data[at + 2] = 0x10;
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}
