import QRCode from 'qrcode';
import { formatDuration } from '../presence/presence.rules';
import { BOLD, bytesOf, frenchDate, newDocument, REGULAR } from '@forma/documents';

/** What an attestation states: kept as its snapshot at issue, printed as is, returned by the verification. */
export interface AttestationSnapshot {
  attestationId: string;
  code: string;
  person: { lastName: string; firstName: string; school: string | null };
  training: { title: string; moduleId: string; sessionId: string; groupNumber: string; academy: string };
  dates: { from: string; to: string };
  planned: { faceToFaceMinutes: number; distanceMinutes: number };
  issuedAt: string;
  templateVersion: number;
}

export const ATTESTATION_TEMPLATE_VERSION = 1;

const A4 = { width: 595.28, height: 841.89, margin: 56 };

/**
 * The "attestation de présence" (seed 003): the person, the parcours, its dates and its duration as planned
 * (face-to-face + distance), not the time spent; its verification code and a QR code of the verification link.
 */
export async function attestationPdf(a: AttestationSnapshot, verificationUrl: string): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    margin: A4.margin,
    info: {
      Title: `Attestation de présence — ${a.person.firstName} ${a.person.lastName}`,
      Author: 'Forma',
      CreationDate: new Date(a.issuedAt),
    },
  });
  const width = A4.width - 2 * A4.margin;
  const total = a.planned.faceToFaceMinutes + a.planned.distanceMinutes;
  doc
    .font(BOLD)
    .fontSize(11)
    .text(`Académie de ${a.training.academy.charAt(0).toUpperCase()}${a.training.academy.slice(1)}`, { width });
  doc.font(REGULAR).fontSize(9).text('Délégation académique à la formation des personnels (DAFPEN)', { width });
  doc.moveDown(4);
  doc.font(BOLD).fontSize(20).text('Attestation de présence', { width, align: 'center' });
  doc.moveDown(2.5);
  doc.font(REGULAR).fontSize(11.5);
  doc.text('La délégation académique à la formation des personnels atteste que', { width, align: 'left' });
  doc.moveDown(0.8);
  doc.font(BOLD).fontSize(14).text(`${a.person.firstName} ${a.person.lastName}`, { width, align: 'center' });
  if (a.person.school) doc.font(REGULAR).fontSize(10.5).text(a.person.school, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font(REGULAR).fontSize(11.5);
  const period =
    a.dates.from === a.dates.to
      ? `le ${frenchDate(a.dates.from)}`
      : `du ${frenchDate(a.dates.from)} au ${frenchDate(a.dates.to)}`;
  doc.text(`a suivi la formation « ${a.training.title} » (groupe ${a.training.groupNumber}), ${period}.`, {
    width,
    align: 'justify',
  });
  doc.moveDown(1);
  doc.text('Durée de la formation, telle que prévue :', { width });
  doc.moveDown(0.4);
  const line = (label: string, minutes: number) =>
    doc.text(`•  ${label} : ${formatDuration(minutes)}`, { width, indent: 18 });
  line('en présentiel', a.planned.faceToFaceMinutes);
  line('à distance (classes virtuelles et suivi)', a.planned.distanceMinutes);
  doc.font(BOLD).text(`•  soit au total : ${formatDuration(total)}`, { width, indent: 18 });
  doc.font(REGULAR).moveDown(2);
  doc.text(`Fait le ${frenchDate(a.issuedAt)}, pour servir et valoir ce que de droit.`, { width });
  doc.moveDown(1.5);
  doc.text('Pour la rectrice ou le recteur et par délégation,\nla déléguée ou le délégué académique à la formation', {
    width,
    align: 'right',
  });

  const qr = await QRCode.toBuffer(verificationUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  const qrSize = 110;
  const qrTop = A4.height - A4.margin - qrSize - 20;
  doc.image(qr, A4.margin, qrTop, { width: qrSize, height: qrSize });
  const textX = A4.margin + qrSize + 16;
  doc
    .font(BOLD)
    .fontSize(10)
    .text('Vérifier cette attestation', textX, qrTop + 8, { width: width - qrSize - 16 });
  doc
    .font(REGULAR)
    .fontSize(9)
    .text('Scannez le code ou saisissez ce code de vérification :', { width: width - qrSize - 16 });
  doc
    .font(BOLD)
    .fontSize(12)
    .text(a.code, { width: width - qrSize - 16, characterSpacing: 0.5 });
  doc
    .font(REGULAR)
    .fontSize(8)
    .fillColor('#333')
    .text(verificationUrl, { width: width - qrSize - 16, link: verificationUrl });
  doc
    .fontSize(7)
    .text(
      `Attestation ${a.attestationId} — modèle ${a.templateVersion} — la vérification donne l’empreinte SHA-256 du PDF émis.`,
      A4.margin,
      A4.height - A4.margin - 12,
      {
        width,
        lineBreak: false,
      },
    )
    .fillColor('black');
  return bytesOf(doc);
}
