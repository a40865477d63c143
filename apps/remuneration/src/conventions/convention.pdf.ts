import { BOLD, bytesOf, frenchDate, newDocument, REGULAR, shortDate } from '@forma/documents';
import { CRITERIA, CRITERIA_LABELS } from './convention.rules';
import type { ConventionView } from './conventions.service';

const A4 = { width: 595.28, height: 841.89, margin: 48 };
const duration = (minutes: number) =>
  minutes % 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}` : `${minutes / 60} h`;

/**
 * A table drawn row by row, each row as tall as its longest cell (nothing is cut); a row never splits across pages: a
 * row that does not fit starts a new page, which repeats the header.
 */
function table(doc: PDFKit.PDFDocument, columns: { title: string; width: number }[], rows: string[][]): void {
  const pad = 4;
  const heightOf = (cells: string[]) =>
    Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: columns[i].width - 2 * pad }))) +
    2 * pad;
  const draw = (cells: string[], font: string) => {
    doc.font(font).fontSize(8.5);
    const height = heightOf(cells);
    if (doc.y + height > A4.height - A4.margin - 20) {
      doc.addPage();
      if (font !== BOLD)
        draw(
          columns.map((c) => c.title),
          BOLD,
        );
      doc.font(font).fontSize(8.5);
    }
    const y = doc.y;
    let x = A4.margin;
    cells.forEach((cell, i) => {
      doc.rect(x, y, columns[i].width, height).stroke();
      doc.text(cell, x + pad, y + pad, { width: columns[i].width - 2 * pad });
      x += columns[i].width;
    });
    doc.x = A4.margin;
    doc.y = y + height;
  };
  draw(
    columns.map((c) => c.title),
    BOLD,
  );
  for (const row of rows) draw(row, REGULAR);
  doc.moveDown(0.8);
}

const heading = (doc: PDFKit.PDFDocument, text: string) =>
  doc
    .font(BOLD)
    .fontSize(11)
    .text(text, A4.margin, doc.y, { width: A4.width - 2 * A4.margin })
    .moveDown(0.4)
    .font(REGULAR)
    .fontSize(9.5);

/**
 * The convention de formation (seed 002) with the school's plan, ready to sign: the parties, the face-to-face and
 * online
 * lines, the formateurs accompagnateurs and the head's proposed split (18 HSE at most each), the digest signed, and the
 * two signature blocks (with who signed, when and on whose delegation once signed).
 */
export function conventionPdf(c: ConventionView, generatedAt: Date): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    margin: A4.margin,
    info: {
      Title: `Convention de formation ENT — ${c.schoolName ?? c.uai} — ${c.schoolYear}`,
      Author: 'Forma',
      CreationDate: generatedAt,
    },
  });
  const width = A4.width - 2 * A4.margin;
  const trainerName = new Map(c.trainers.map((t) => [t.id, t.name]));
  doc
    .font(BOLD)
    .fontSize(9)
    .text(`Académie de ${c.academy.charAt(0).toUpperCase()}${c.academy.slice(1)} — DAFPEN`, { width });
  doc.moveDown(1.2);
  doc.font(BOLD).fontSize(16).text('Convention de formation', { width, align: 'center' });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text('Accompagnement des établissements dans le déploiement de l’ENT', { width, align: 'center' });
  doc.moveDown(1);
  doc
    .fontSize(9.5)
    .text(
      `Entre la délégation académique à la formation des personnels (DAFPEN), représentée par son directeur, et l’établissement ${c.schoolName ?? ''} (UAI ${c.uai}), représenté par son chef d’établissement, pour l’année scolaire ${c.schoolYear}.`,
      { width, align: 'justify' },
    );
  doc.moveDown(0.4);
  doc.text(
    'Le chef d’établissement facilite l’accès de la DAFPEN aux informations utiles à l’évaluation du dispositif et à la rémunération des « formateurs accompagnateurs » ; en fin de formation, un bilan est établi sur la fiche « Formation ENT ».',
    { width, align: 'justify' },
  );
  doc.moveDown(0.8);
  heading(doc, 'Plan de formation ENT de l’établissement — formations en présentiel');
  table(
    doc,
    [
      { title: 'Date', width: 70 },
      { title: 'Durée', width: 50 },
      { title: 'Public concerné', width: 150 },
      { title: 'Personnes', width: 60 },
      { title: 'Formateur accompagnateur', width: width - 330 },
    ],
    c.lines
      .filter((l) => l.kind === 'face-to-face')
      .map((l) => [
        shortDate(l.date),
        duration(l.minutes),
        l.audience ?? '',
        String(l.headcount),
        trainerName.get(l.trainerId) ?? '',
      ]),
  );
  heading(doc, 'Formations en ligne et suivi');
  table(
    doc,
    [
      { title: 'Date', width: 70 },
      { title: 'Durée', width: 50 },
      { title: 'Modalité (CV ou suivi)', width: 120 },
      { title: 'Personnes', width: 60 },
      { title: 'Formateur accompagnateur', width: width - 300 },
    ],
    c.lines
      .filter((l) => l.kind === 'online')
      .map((l) => [
        shortDate(l.date),
        duration(l.minutes),
        l.modality === 'cv' ? 'classe virtuelle (CV)' : 'suivi',
        String(l.headcount),
        trainerName.get(l.trainerId) ?? '',
      ]),
  );
  heading(
    doc,
    `Proposition de rémunération par le chef d’établissement (${c.capHse.replace(/\.00$/, '')} HSE au maximum par formateur accompagnateur)`,
  );
  table(
    doc,
    [
      { title: 'Formateur accompagnateur', width: 200 },
      { title: 'Grade', width: 100 },
      { title: 'Engagement', width: 80 },
      { title: 'Heures faites', width: 70 },
      { title: 'HSE', width: width - 450 },
    ],
    c.trainers.map((t) => [
      t.name,
      t.grade,
      t.engaged ? 'oui' : 'non',
      duration(t.deliveredMinutes),
      t.allocatedHse.replace('.', ','),
    ]),
  );
  if (doc.y > A4.height - A4.margin - 170) doc.addPage();
  doc
    .font(REGULAR)
    .fontSize(7.5)
    .fillColor('#444')
    .text(`Empreinte SHA-256 du contenu signé : ${c.contentSha256}`, A4.margin, doc.y, { width })
    .fillColor('black');
  doc.moveDown(0.8);
  const blocks = [
    { role: 'head' as const, title: 'Le chef d’établissement' },
    { role: 'director' as const, title: 'Le directeur de la DAFPEN' },
  ];
  const top = doc.y;
  blocks.forEach((b, i) => {
    const x = A4.margin + i * (width / 2 + 6);
    const w = width / 2 - 6;
    doc.rect(x, top, w, 110).stroke();
    doc
      .font(BOLD)
      .fontSize(9.5)
      .text(b.title, x + 8, top + 8, { width: w - 16 });
    const signed = c.signatures.find((s) => s.role === b.role && !s.voidedAt);
    doc
      .font(REGULAR)
      .fontSize(8.5)
      .text(
        signed
          ? `Signé par ${signed.signer}${signed.onBehalfOf ? `, pour ${signed.onBehalfOf}` : ''}, le ${frenchDate(new Date(signed.signedAt).toISOString())}${signed.how === 'paper' ? ' (sur papier)' : ''}.`
          : 'Fait à ………………………, le ………………\nSignature :',
        x + 8,
        top + 26,
        { width: w - 16 },
      );
  });
  doc.y = top + 120;
  return bytesOf(doc);
}

/** The "fiche Formation ENT": the end-of-plan report (trainings done from attendance, analyses, the four criteria). */
export function ficheFormationPdf(c: ConventionView, generatedAt: Date): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    margin: A4.margin,
    info: {
      Title: `Fiche Formation ENT — ${c.schoolName ?? c.uai} — ${c.schoolYear}`,
      Author: 'Forma',
      CreationDate: generatedAt,
    },
  });
  const width = A4.width - 2 * A4.margin;
  const report = (c.report ?? {}) as {
    headAnalysis?: string;
    trainersAnalysis?: string;
    criteria?: Record<string, { rating: number; comment?: string }>;
  };
  doc.font(BOLD).fontSize(16).text('Fiche « Formation ENT » — bilan de fin de plan', { width, align: 'center' });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(`${c.schoolName ?? ''} (UAI ${c.uai}) — année scolaire ${c.schoolYear}`, { width, align: 'center' });
  doc.moveDown(1);
  heading(doc, 'Formations effectuées (d’après l’émargement)');
  const trainerName = new Map(c.trainers.map((t) => [t.id, t.name]));
  table(
    doc,
    [
      { title: 'Date', width: 70 },
      { title: 'Type', width: 120 },
      { title: 'Prévu', width: 50 },
      { title: 'Effectué', width: 60 },
      { title: 'Personnes', width: 60 },
      { title: 'Formateur', width: width - 360 },
    ],
    c.lines.map((l) => [
      shortDate(l.date),
      l.kind === 'face-to-face' ? 'présentiel' : l.modality === 'cv' ? 'classe virtuelle' : 'suivi',
      duration(l.minutes),
      l.deliveredMinutes === null ? '—' : duration(l.deliveredMinutes),
      String(l.headcount),
      trainerName.get(l.trainerId) ?? '',
    ]),
  );
  heading(doc, 'Analyse qualitative de l’impact dans l’évolution des pratiques');
  doc
    .font(BOLD)
    .text('Point de vue du chef d’établissement :', { width })
    .font(REGULAR)
    .text(report.headAnalysis ?? '—', { width, align: 'justify' })
    .moveDown(0.5);
  doc
    .font(BOLD)
    .text('Point de vue des formateurs :', { width })
    .font(REGULAR)
    .text(report.trainersAnalysis ?? '—', { width, align: 'justify' })
    .moveDown(0.8);
  heading(doc, 'Évaluation (de 1 : insuffisant à 4 : très satisfaisant)');
  table(
    doc,
    [
      { title: 'Critère', width: 260 },
      { title: 'Note', width: 40 },
      { title: 'Commentaire', width: width - 300 },
    ],
    CRITERIA.map((k) => [
      CRITERIA_LABELS[k],
      report.criteria?.[k] ? `${report.criteria[k].rating} / 4` : '—',
      report.criteria?.[k]?.comment ?? '',
    ]),
  );
  return bytesOf(doc);
}
