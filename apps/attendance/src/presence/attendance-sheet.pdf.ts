import { formatDuration, SessionPart } from './presence.rules';
import { BOLD, bytesOf, newDocument, REGULAR, shortDate, textLine } from '@forma/documents';

/** An electronic signature in its cell: the drawn image (when kept), how and when, and its proof's digest. */
export interface SheetSignature {
  slotIndex: number;
  part: SessionPart['part'];
  method: 'drawn' | 'code';
  signedAt: Date;
  drawing: Buffer | null;
  /** The drawn image's SHA-256, or the code's window, shortened on the sheet. */
  proof: string;
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

export interface SheetDocument {
  title: string;
  groupNumber: string;
  academy: string;
  place: string | null;
  trainers: { name: string; role: 'trainer' | 'tutor' }[];
  parts: SessionPart[];
  people: { lastName: string; firstName: string; school: string | null; signatures?: SheetSignature[] }[];
  generatedAt: Date;
  sessionId: string;
}

// A4 landscape, in points (1 mm = 2.835 pt): signature cells of 30 x 13 mm at least.
const PAGE = { width: 841.89, height: 595.28, margin: 34 };
const NAME_WIDTH = 200;
const CELL_WIDTH = 86;
const ROW_HEIGHT = 38;
const HEAD_HEIGHT = 50;
const FOOTER = 26;
const PART_LABEL = { whole: '', morning: 'matin', afternoon: 'après-midi' } as const;
const MODALITY_LABEL = {
  'face-to-face': 'présentiel',
  'virtual-class': 'classe virtuelle',
  'follow-up': 'suivi à distance',
} as const;

/**
 * The "feuille d'émargement" of a session: every slot (each half-day of a day-long slot) as a column of signature cells
 * (30 x 13 mm), every participant as a row, a row for the trainers' visa; rows never split across pages (a page holds
 * whole rows and repeats the header), and slots beyond the page's width go on further pages with the names repeated.
 */
export function attendanceSheetPdf(sheet: SheetDocument): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE.margin,
    info: { Title: `Feuille d'émargement — ${sheet.title}`, Author: 'Forma', CreationDate: sheet.generatedAt },
  });
  const columns = sheet.parts.filter((p) => p.modality !== 'follow-up');
  const perPage = Math.max(1, Math.floor((PAGE.width - 2 * PAGE.margin - NAME_WIDTH) / CELL_WIDTH));
  const columnGroups: SessionPart[][] = [];
  for (let i = 0; i < Math.max(columns.length, 1); i += perPage) columnGroups.push(columns.slice(i, i + perPage));
  const trainerLine = sheet.trainers.map((t) => `${t.name}${t.role === 'tutor' ? ' (tuteur)' : ''}`).join(', ');
  let first = true;

  const header = (group: SessionPart[]): number => {
    if (!first) doc.addPage();
    first = false;
    doc.font(BOLD).fontSize(15).text("Feuille d'émargement", PAGE.margin, PAGE.margin);
    doc.font(REGULAR).fontSize(9.5);
    doc.text(`${sheet.title} — groupe ${sheet.groupNumber} — académie ${sheet.academy}`, {
      width: PAGE.width - 2 * PAGE.margin,
    });
    if (sheet.place) doc.text(`Lieu : ${sheet.place}`);
    if (trainerLine) doc.text(`Formateurs : ${trainerLine}`);
    const top = doc.y + 8;
    doc.font(BOLD).fontSize(8.5);
    doc.rect(PAGE.margin, top, NAME_WIDTH, HEAD_HEIGHT).stroke();
    doc.text('Participant(e)', PAGE.margin + 4, top + 19, { width: NAME_WIDTH - 8 });
    group.forEach((part, i) => {
      const x = PAGE.margin + NAME_WIDTH + i * CELL_WIDTH;
      doc.rect(x, top, CELL_WIDTH, HEAD_HEIGHT).stroke();
      const hours = part.start && part.end ? `${part.start}–${part.end}` : formatDuration(part.plannedMinutes);
      doc
        .font(BOLD)
        .text(shortDate(part.date), x + 3, top + 4, { width: CELL_WIDTH - 6, align: 'center', lineBreak: false });
      doc.text(PART_LABEL[part.part], x + 3, top + 15, { width: CELL_WIDTH - 6, align: 'center', lineBreak: false });
      doc.font(REGULAR).text(hours, x + 3, top + 26, { width: CELL_WIDTH - 6, align: 'center', lineBreak: false });
      doc.text(MODALITY_LABEL[part.modality], x + 3, top + 37, {
        width: CELL_WIDTH - 6,
        align: 'center',
        lineBreak: false,
      });
    });
    return top + HEAD_HEIGHT;
  };

  const row = (
    y: number,
    group: SessionPart[],
    label: string,
    sub: string | null,
    bold = false,
    signatures: readonly SheetSignature[] = [],
  ) => {
    doc.rect(PAGE.margin, y, NAME_WIDTH, ROW_HEIGHT).stroke();
    doc.font(bold ? BOLD : REGULAR).fontSize(9.5);
    textLine(doc, label, PAGE.margin + 4, y + 5, NAME_WIDTH - 8);
    if (sub) {
      doc.font(REGULAR).fontSize(7.5).fillColor('#444');
      textLine(doc, sub, PAGE.margin + 4, y + 20, NAME_WIDTH - 8);
      doc.fillColor('black');
    }
    group.forEach((part, i) => {
      const x = PAGE.margin + NAME_WIDTH + i * CELL_WIDTH;
      doc.rect(x, y, CELL_WIDTH, ROW_HEIGHT).stroke();
      const signed = signatures.find((s) => s.slotIndex === part.slotIndex && s.part === part.part);
      if (signed) signatureCell(x, y, signed);
    });
  };

  // an electronic signature in its cell: the drawn image above, and below how, when and the proof's digest
  const signatureCell = (x: number, y: number, signed: SheetSignature) => {
    if (signed.drawing)
      doc.image(signed.drawing, x + 4, y + 2, { fit: [CELL_WIDTH - 8, ROW_HEIGHT - 20], align: 'center' });
    else if (signed.method === 'code') {
      doc
        .font(BOLD)
        .fontSize(8)
        .text('Signé', x + 3, y + 6, { width: CELL_WIDTH - 6, align: 'center', lineBreak: false });
    }
    doc.font(REGULAR).fontSize(6).fillColor('#444');
    const how = signed.method === 'code' ? 'code scanné' : 'signature tracée';
    for (const [line, text] of [`${how} ${TIME.format(signed.signedAt)}`, signed.proof].entries())
      doc.text(text, x + 2, y + ROW_HEIGHT - 16 + line * 7, {
        width: CELL_WIDTH - 4,
        align: 'center',
        lineBreak: false,
      });
    doc.fillColor('black');
  };

  for (const group of columnGroups) {
    let y = header(group);
    const bottom = PAGE.height - PAGE.margin - FOOTER;
    // the trainers' visa row closes every page: a page takes whole participant rows and keeps room for it
    for (const person of sheet.people) {
      if (y + 2 * ROW_HEIGHT > bottom) {
        row(y, group, 'Visa des formateurs', null, true);
        y = header(group);
      }
      row(y, group, `${person.lastName} ${person.firstName}`.trim(), person.school, false, person.signatures);
      y += ROW_HEIGHT;
    }
    row(y, group, 'Visa des formateurs', null, true);
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    doc.font(REGULAR).fontSize(7.5).fillColor('#444');
    doc.text(
      `Session ${sheet.sessionId} — éditée le ${shortDate(sheet.generatedAt.toISOString())} — page ${i + 1} / ${range.count}`,
      PAGE.margin,
      PAGE.height - PAGE.margin - 10,
      { width: PAGE.width - 2 * PAGE.margin, align: 'right', lineBreak: false },
    );
    doc.fillColor('black');
  }
  return bytesOf(doc);
}
