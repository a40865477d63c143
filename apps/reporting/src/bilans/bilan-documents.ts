import { BOLD, bytesOf, frenchDate, newDocument, REGULAR, textLine } from '@forma/documents';
import { parisClock } from '@forma/domain';
import ExcelJS from 'exceljs';
import { Bilan } from './bilan.rules';
import { BilanSection, bilanSections, cellText, PLAN_PROFILE, SectionCell, WITHHELD_LABEL } from './bilan-sections';

const LEVEL = {
  academie: 'Académie',
  department: 'Département',
  district: 'Circonscription',
  school: 'Établissement',
  'canope-dt': 'Canopé',
  module: 'Formation',
  dispositif: 'Dispositif',
} as Record<string, string>;

/** An instant as a date whose UTC fields are Paris's wall clock then (what a spreadsheet cell shows). */
export function parisWallClock(iso: string): Date {
  const c = parisClock(new Date(iso));
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}

/** The activity a bilan covers, in French: its school year, its dates, or everything. */
export function periodText(b: Pick<Bilan, 'period'>): string {
  if (!b.period) return 'toute l’activité enregistrée';
  if (b.period.schoolYear) return `année scolaire ${b.period.schoolYear}`;
  return `sessions commencées du ${frenchDate(b.period.from)} au ${frenchDate(b.period.to)}`;
}

/** The day a bilan stands at, in French. */
function situationText(b: Pick<Bilan, 'asOf' | 'generatedAt'>): string {
  return b.asOf ? `au ${frenchDate(b.asOf)}` : `au ${frenchDate(b.generatedAt)} (en temps réel)`;
}

/** A file name that says what the bilan is: its level, code, period and day. */
export function bilanFileStem(b: Pick<Bilan, 'level' | 'code' | 'period' | 'asOf'>): string {
  const period = !b.period
    ? ''
    : b.period.schoolYear
      ? `-annee-${b.period.schoolYear}`
      : `-periode-${b.period.from}_${b.period.to}`;
  return `bilan-${b.level}-${b.code.replace(/[^A-Za-z0-9-]/g, '_')}${period}${b.asOf ? `-au-${b.asOf}` : ''}`;
}

/**
 * The rows of the CSV export: one line per figure (section, indicator, column, value), French decimals, "secret" kept.
 */
export function* bilanCsvRows(b: Bilan): Iterable<string[]> {
  yield ['Bilan', b.label, 'Période', periodText(b)];
  yield ['Bilan', b.label, 'Situation', situationText(b)];
  for (const section of bilanSections(b)) {
    for (const row of section.rows) {
      for (let col = 1; col < section.header.length; col++) {
        yield [section.title, String(row[0] ?? ''), section.header[col], cellText(row[col], section.kinds[col])];
      }
    }
  }
}

export const BILAN_CSV_HEADER = ['Section', 'Ligne', 'Indicateur', 'Valeur'];

/**
 * The XLSX export: a first sheet saying what the bilan is (with real date cells), then one sheet per section, numbers
 * as number cells (rates as percentages), a withheld figure as the text "secret".
 */
export async function bilanXlsx(b: Bilan): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Forma';
  book.created = new Date(b.generatedAt);
  const about = book.addWorksheet('Bilan');
  about.columns = [{ width: 34 }, { width: 50 }];
  about.addRow(['Bilan', b.label]);
  about.addRow(['Niveau', LEVEL[b.level] ?? b.level]);
  about.addRow(['Code', b.code]);
  about.addRow(['Académie', b.academy]);
  about.addRow(['Période', periodText(b)]);
  // spreadsheet dates have no time zone: they are written as Paris reads them (the bilans' days are Paris days)
  const asOf = about.addRow(['Situation au', b.asOf ? new Date(`${b.asOf}T00:00:00Z`) : parisWallClock(b.generatedAt)]);
  asOf.getCell(2).numFmt = 'dd/mm/yyyy';
  const generated = about.addRow(['Produit le (heure de Paris)', parisWallClock(b.generatedAt)]);
  generated.getCell(2).numFmt = 'dd/mm/yyyy hh:mm';
  about.addRow([
    'Secret statistique',
    `moins de ${b.secrecy.threshold} personnes : « ${WITHHELD_LABEL} » (${b.secrecy.withheld} valeurs)`,
  ]);
  about.getColumn(1).font = { bold: true };
  for (const section of bilanSections(b)) {
    const sheet = book.addWorksheet(section.name.slice(0, 31));
    sheet.addRow([section.title]).font = { bold: true, size: 13 };
    const header = sheet.addRow(section.header);
    header.font = { bold: true };
    for (const row of section.rows) {
      const added = sheet.addRow(row.map((value, col) => xlsxValue(value, section.kinds[col])));
      row.forEach((value, col) => {
        const kind = section.kinds[col];
        if (typeof value === 'object' && value !== null) return;
        if (kind === 'rate') added.getCell(col + 1).numFmt = '0.0%';
        else if (kind === 'decimal' && typeof value === 'string') added.getCell(col + 1).numFmt = '0.00';
        else if (kind === 'date') added.getCell(col + 1).numFmt = 'dd/mm/yyyy';
      });
    }
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 44 : 20));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function xlsxValue(value: SectionCell, kind: BilanSection['kinds'][number]): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'object') return WITHHELD_LABEL;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'string' && kind !== 'text' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/**
 * The PDF "bilan académique" (or of any level): key figures first, two bar charts (participants by profile, hours by
 * modality) where people would rather look than read, then every table. French, A4, DejaVu embedded.
 */
export async function bilanPdf(b: Bilan): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: `Bilan — ${b.label}` },
  });
  const width = doc.page.width - 100;
  doc.font(BOLD).fontSize(18).text(`Bilan de formation — ${b.label}`, 50, 50, { width });
  doc
    .font(REGULAR)
    .fontSize(10)
    .fillColor('#444')
    .text(
      `${LEVEL[b.level] ?? b.level} (${b.code}) · académie ${b.academy} · ${periodText(b)} · situation ${situationText(b)}`,
      { width },
    )
    .fillColor('black');
  doc.moveDown(0.8);

  // key figures
  const keys: [string, string][] = [
    ['Sessions réalisées', String(b.sessions.delivered)],
    ['Sessions prévues', String(b.sessions.planned)],
    ['Sessions annulées', String(b.sessions.cancelled)],
    [
      'Participants',
      b.profiles.total.participants.value === null ? WITHHELD_LABEL : String(b.profiles.total.participants.value),
    ],
    [
      'Formations terminées',
      b.profiles.total.completions.value === null ? WITHHELD_LABEL : String(b.profiles.total.completions.value),
    ],
    ['HSE attribuées', b.hse.hseAllocated.value ?? WITHHELD_LABEL],
  ];
  const boxW = width / 3;
  const top = doc.y;
  keys.forEach(([label, value], i) => {
    const x = 50 + (i % 3) * boxW;
    const y = top + Math.floor(i / 3) * 52;
    doc
      .roundedRect(x + 2, y, boxW - 4, 46, 4)
      .fillAndStroke('#eef3f8', '#c9d6e3')
      .fillColor('black');
    doc
      .font(BOLD)
      .fontSize(16)
      .text(value.replace('.', ','), x + 10, y + 6, { width: boxW - 20 });
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(label, x + 10, y + 28, { width: boxW - 20 });
  });
  doc.y = top + 112;

  barChart(
    doc,
    'Participants par profil',
    b.profiles.rows.map((p) => ({ label: p.profile, value: p.participants.value })),
    width,
  );
  barChart(
    doc,
    'Heures suivies par modalité',
    b.modalities.rows.map((m) => ({
      label:
        (
          { 'face-to-face': 'Présentiel', 'virtual-class': 'Classe virtuelle', 'follow-up': 'Suivi' } as Record<
            string,
            string
          >
        )[m.modality] ?? m.modality,
      value: m.attendedHours.value === null ? null : Number(m.attendedHours.value),
    })),
    width,
  );

  if (b.plan.rows.length) {
    const rows = b.plan.rows.slice(0, 14).map((r) => ({
      label: `${r.wave} · ${r.module} · ${PLAN_PROFILE[r.profile] ?? r.profile}`,
      value: r.achievement.value === null ? null : Math.round(r.achievement.value * 1000) / 10,
    }));
    barChart(doc, 'Plan de formation ENT : réalisation (participants / effectif prévu)', rows, width, 270, ' %');
  }

  for (const section of bilanSections(b)) table(doc, section, width);
  doc.moveDown(1);
  doc
    .font(REGULAR)
    .fontSize(8)
    .fillColor('#555')
    .text(
      `Secret statistique : une valeur construite sur moins de ${b.secrecy.threshold} personnes est remplacée par « ${WITHHELD_LABEL} », ` +
        'ainsi que les valeurs qui permettraient de la retrouver par différence, dans ce bilan ou avec ceux des autres niveaux. Les heures suivies sont celles des participants ; les heures dispensées, celles des sessions.',
      50,
      doc.y,
      { width },
    );
  // the footer sits in the bottom margin: PDFKit adds a page for text written below it, unless the margin is lifted
  // while it is written (a trailing blank page per footer, and none on the pages before, otherwise)
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor('#777')
      .text(`Forma — ${b.label} — page ${i + 1} / ${pages.count}`, 50, doc.page.height - 35, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  return bytesOf(doc);
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - 60) doc.addPage();
}

function barChart(
  doc: PDFKit.PDFDocument,
  title: string,
  bars: { label: string; value: number | null }[],
  width: number,
  labelW = 150,
  unit = '',
): void {
  if (!bars.length) return;
  ensureRoom(doc, 30 + bars.length * 18);
  doc.font(BOLD).fontSize(11).fillColor('black').text(title, 50, doc.y, { width });
  doc.moveDown(0.3);
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const barW = width - labelW - 60;
  for (const bar of bars) {
    const y = doc.y;
    doc.font(REGULAR).fontSize(9).fillColor('black');
    textLine(doc, bar.label, 50, y + 2, labelW - 8);
    if (bar.value === null) {
      doc.fillColor('#888').text(WITHHELD_LABEL, 50 + labelW, y + 2, { lineBreak: false });
    } else {
      doc.rect(50 + labelW, y, Math.max(1, (bar.value / max) * barW), 12).fill('#3f6e9c');
      doc
        .fillColor('black')
        .text(`${String(bar.value).replace('.', ',')}${unit}`, 50 + labelW + (bar.value / max) * barW + 6, y + 2, {
          lineBreak: false,
        });
    }
    doc.y = y + 18;
  }
  doc.moveDown(0.6);
}

function table(doc: PDFKit.PDFDocument, section: BilanSection, width: number): void {
  const rowH = 16;
  ensureRoom(doc, 40 + Math.min(section.rows.length, 4) * rowH);
  doc.font(BOLD).fontSize(11).fillColor('black').text(section.title, 50, doc.y, { width });
  doc.moveDown(0.3);
  // columns share the width by what they hold: the first (labels) most, other text columns more than figures
  const weights = section.kinds.map((kind, col) => (col === 0 ? 2.5 : kind === 'text' ? 2 : 1));
  const unit = width / weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w, col) => (section.header.length === 2 ? (col === 0 ? width - 90 : 90) : w * unit));
  const x = (col: number) => 50 + widths.slice(0, col).reduce((a, b) => a + b, 0);
  const align = (col: number): 'left' | 'right' => (col === 0 || section.kinds[col] === 'text' ? 'left' : 'right');
  const headH = section.header.some((h, col) => doc.font(BOLD).fontSize(8).widthOfString(h) > widths[col] - 6)
    ? rowH + 14
    : rowH + 4;
  const header = () => {
    const y = doc.y;
    doc.rect(50, y, width, headH).fill('#dde6ef').fillColor('black').font(BOLD).fontSize(8);
    section.header.forEach((h, col) =>
      doc.text(h, x(col) + 3, y + 4, { width: widths[col] - 6, align: align(col), height: headH - 4 }),
    );
    doc.y = y + headH;
  };
  header();
  for (const row of section.rows) {
    if (doc.y + rowH > doc.page.height - 60) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    doc
      .font(row[0] === 'Total' || row[1] === 'Total' ? BOLD : REGULAR)
      .fontSize(8.5)
      .fillColor('black');
    row.forEach((value, col) => {
      const text = cellText(value, section.kinds[col]);
      doc.fillColor(text === WITHHELD_LABEL ? '#888' : 'black');
      textLine(doc, text, x(col) + 3, y + 4, widths[col] - 6, { align: align(col) });
    });
    doc
      .moveTo(50, y + rowH)
      .lineTo(50 + width, y + rowH)
      .lineWidth(0.3)
      .strokeColor('#c9d6e3')
      .stroke();
    doc.y = y + rowH;
  }
  doc.moveDown(0.8);
}
