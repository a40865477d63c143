// Renders the attendance sheet, an attestation, a convention and its fiche Formation ENT, a bilan académique, of
// made-up people, to PDF, then their first page to PNG with poppler
// (`pdftoppm`, Debian's poppler-utils), into docs/documents/; the attestation's QR code is read back with zbarimg when
// it is installed (zbar-tools). Run: npm run docs:documents. The pages kept in docs/ are what users see.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attendanceSheetPdf } from '../../apps/attendance/src/presence/attendance-sheet.pdf';
import { ATTESTATION_TEMPLATE_VERSION, attestationPdf } from '../../apps/attendance/src/attestations/attestation.pdf';
import { sessionParts } from '../../apps/attendance/src/presence/presence.rules';
import { conventionPdf, ficheFormationPdf } from '../../apps/remuneration/src/conventions/convention.pdf';
import type { ConventionView } from '../../apps/remuneration/src/conventions/conventions.service';
import { bilanPdf } from '../../apps/reporting/src/bilans/bilan-documents';
import { publishBilan } from '../../apps/reporting/src/bilans/bilan.rules';

const out = resolve(__dirname, '../../docs/documents');
mkdirSync(out, { recursive: true });

const NAMES: [string, string][] = [
  ['FICTIF', 'Camille'],
  ["D'ÉMARGEMENT", 'Zoé-Éloïse'],
  ['EXEMPLE-DU-NOM-TRÈS-LONG-POUR-VOIR-LA-COUPE', 'Jean-Baptiste'],
  ['BEN YOUSSEF', 'يوسف'],
  ['לוי', 'נועה'],
  ['« GUILLEMETS »', 'Anaïs "Nana"'],
];

async function main(): Promise<void> {
  const slots = [
    { date: '2027-03-16', start: '09:00', end: '17:00', kind: 'face-to-face' as const },
    { date: '2027-03-30', start: '14:00', end: '15:30', kind: 'virtual-class' as const },
    { date: '2027-04-13', start: '09:00', end: '12:00', kind: 'face-to-face' as const },
  ];
  const people = Array.from({ length: 29 }, (_, i) => {
    const [lastName, firstName] = NAMES[i % NAMES.length];
    return {
      lastName: i < NAMES.length ? lastName : `${lastName} ${i + 1}`,
      firstName,
      school: `École élémentaire fictive n° ${i + 1} (973${String(i).padStart(4, '0')}X)`,
    };
  });
  const sheet = await attendanceSheetPdf({
    title: 'Canoprof — module M1 « starter »',
    groupNumber: '01',
    academy: 'guyane',
    place: 'Atelier Canopé fictif de Cayenne',
    trainers: [
      { name: 'Alice Formatrice', role: 'trainer' },
      { name: 'Bruno Tuteur', role: 'tutor' },
    ],
    parts: sessionParts(slots, 180, '2027-04-30'),
    people,
    generatedAt: new Date('2027-03-10T08:00:00Z'),
    sessionId: '0196a0c4-0000-7000-8000-000000000001',
  });
  writeFileSync(resolve(out, 'attendance-sheet.pdf'), sheet);
  const url = 'https://forma.ac-exemple.fr/verification/7Q2M-XK4D-9RBT-1HWS-M';
  const attestation = await attestationPdf(
    {
      attestationId: '0196a0c4-0000-7000-8000-0000000000aa',
      code: '7Q2M-XK4D-9RBT-1HWS-M',
      person: { lastName: "D'ÉMARGEMENT", firstName: 'Zoé-Éloïse', school: 'École élémentaire fictive des Palmiers' },
      training: {
        title: 'Canoprof — module M1 « starter »',
        moduleId: 'm',
        sessionId: 's',
        groupNumber: '01',
        academy: 'guyane',
      },
      dates: { from: '2027-03-16', to: '2027-04-13' },
      planned: { faceToFaceMinutes: 600, distanceMinutes: 270 },
      issuedAt: '2027-04-14T09:00:00Z',
      templateVersion: ATTESTATION_TEMPLATE_VERSION,
    },
    url,
  );
  writeFileSync(resolve(out, 'attestation.pdf'), attestation);
  const trainer = (
    id: string,
    name: string,
    mail: string,
    grade: string,
    allocatedHse: string,
    deliveredMinutes: number,
  ) => ({ id, name, mail, grade, engaged: true, capHse: '18.00', allocatedHse, deliveredMinutes });
  const line = (
    i: number,
    kind: 'face-to-face' | 'online',
    date: string,
    minutes: number,
    trainerId: string,
    extra: object = {},
  ) => ({
    id: `l${i}`,
    position: i,
    kind,
    date,
    minutes,
    audience: kind === 'face-to-face' ? 'Professeurs du collège' : null,
    modality: null,
    headcount: 12,
    trainerId,
    trainerMail: '',
    sessionId: null,
    sheetSha256: null,
    deliveredMinutes: minutes,
    ...extra,
  });
  const convention = {
    id: 'c',
    academy: 'guyane',
    uai: '9730611B',
    schoolName: 'Collège fictif des Palmiers',
    district: '973-est',
    schoolYear: '2026-2027',
    state: 'report-submitted',
    capHse: '18.00',
    contentSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    paperCopySha256: null,
    reportSubmittedAt: null,
    serviceFaitAt: null,
    validatedAt: null,
    paidAt: null,
    closedAt: null,
    createdBy: 'x',
    report: {
      headAnalysis:
        'Les équipes utilisent désormais le cahier de textes et la messagerie de l’ENT ; les familles consultent les devoirs en ligne.',
      trainersAnalysis:
        'Un accompagnement individualisé, au rythme de chacun ; les classes virtuelles ont permis de suivre les collègues à temps partiel.',
      criteria: {
        'device-reliability': { rating: 3 },
        'pedagogical-feasibility': { rating: 3, comment: 'Rythme tenable hors période de conseils de classe' },
        'accompaniment-quality': { rating: 4, comment: 'Très disponibles' },
        'school-effects': { rating: 3 },
      },
    },
    trainers: [
      trainer('t1', 'Alice Accompagnatrice', 'alice@ac-exemple.fr', 'certifie', '12.00', 720),
      trainer('t2', "Bruno D'Accompagnement", 'bruno@ac-exemple.fr', 'agrege', '6.50', 390),
    ],
    lines: [
      line(0, 'face-to-face', '2026-11-17', 180, 't1'),
      line(1, 'face-to-face', '2026-11-24', 360, 't1'),
      line(2, 'face-to-face', '2026-11-17', 180, 't2'),
      line(3, 'online', '2026-12-01', 90, 't2', { modality: 'cv' }),
      line(4, 'online', '2026-12-08', 60, 't1', { modality: 'suivi' }),
      line(5, 'online', '2026-12-15', 120, 't2', { modality: 'suivi' }),
    ],
    signatures: [
      {
        id: 's1',
        role: 'head',
        signer: 'principale@ac-exemple.fr',
        onBehalfOf: null,
        how: 'tool',
        contentSha256: 'x',
        signedAt: new Date('2026-10-05T10:00:00Z'),
        voidedAt: null,
        voidReason: null,
      },
    ],
  } as unknown as ConventionView;
  writeFileSync(resolve(out, 'convention.pdf'), await conventionPdf(convention, new Date('2026-10-05T10:00:00Z')));
  writeFileSync(
    resolve(out, 'fiche-formation-ent.pdf'),
    await ficheFormationPdf(convention, new Date('2027-01-15T10:00:00Z')),
  );
  // a bilan académique of made-up figures, secrecy applied as the service applies it (CPE and DOC withheld)
  const plan =
    (wave: string, label: string, from: string, to: string) =>
    (moduleTitle: string, profile: string, headcount: number, participants: number) => ({
      waveCode: wave,
      waveLabel: label,
      startsOn: from,
      endsOn: to,
      moduleId: moduleTitle,
      moduleTitle,
      profile,
      headcount,
      participants,
    });
  const v1 = plan('V1', 'Formation de formateurs', '2026-09-14', '2026-10-16');
  const v2 = plan('V2', 'Écoles et collèges', '2026-11-02', '2027-02-05');
  const bilan = publishBilan(
    {
      plan: {
        lines: [
          v1("Présentation de l'ENT", 'ien', 8, 7),
          v1("Présentation de l'ENT", 'cpc', 20, 18),
          v1('Usage administratif', 'erun', 6, 3),
          v2("Présentation de l'ENT", 'school-head', 70, 61),
          v2('Usage pédagogique niveau 1', 'teacher', 400, 352),
          v2('Usage communication', 'teacher', 150, 96),
        ],
        modules: [
          {
            waveCode: 'V1',
            moduleId: 'p',
            moduleTitle: "Présentation de l'ENT",
            forecastSessions: 2,
            forecastTrainers: 2,
            forecastHours: '6.00',
            deliveredSessions: 2,
            deliveredHours: '6.00',
          },
          {
            waveCode: 'V1',
            moduleId: 'a',
            moduleTitle: 'Usage administratif',
            forecastSessions: 1,
            forecastTrainers: 1,
            forecastHours: '6.00',
            deliveredSessions: 1,
            deliveredHours: '6.00',
          },
          {
            waveCode: 'V2',
            moduleId: 'p',
            moduleTitle: "Présentation de l'ENT",
            forecastSessions: 4,
            forecastTrainers: 2,
            forecastHours: '12.00',
            deliveredSessions: 3,
            deliveredHours: '9.00',
          },
          {
            waveCode: 'V2',
            moduleId: 'u',
            moduleTitle: 'Usage pédagogique niveau 1',
            forecastSessions: 20,
            forecastTrainers: 8,
            forecastHours: '120.00',
            deliveredSessions: 17,
            deliveredHours: '102.00',
          },
          {
            waveCode: 'V2',
            moduleId: 'c',
            moduleTitle: 'Usage communication',
            forecastSessions: 8,
            forecastTrainers: 4,
            forecastHours: '24.00',
            deliveredSessions: 5,
            deliveredHours: '15.00',
          },
        ],
      },
      sessions: { planned: 14, delivered: 37, cancelled: 3 },
      plannedHoursDelivered: { faceToFace: '222.00', virtualClass: '37.00' },
      modalities: [
        { modality: 'face-to-face', people: 612, minutes: 214560, attendedMarks: 1190, countedMarks: 1224 },
        { modality: 'virtual-class', people: 540, minutes: 29400, attendedMarks: 490, countedMarks: 540 },
        { modality: 'follow-up', people: 3, minutes: 240, attendedMarks: 3, countedMarks: 3 },
      ],
      profiles: [
        {
          profile: 'ENS',
          participants: 498,
          attendedMarks: 1420,
          countedMarks: 1494,
          completions: 431,
          attestations: 425,
        },
        { profile: 'DIR', participants: 61, attendedMarks: 170, countedMarks: 183, completions: 55, attestations: 55 },
        { profile: 'CPE', participants: 3, attendedMarks: 9, countedMarks: 9, completions: 3, attestations: 3 },
        { profile: 'DOC', participants: 7, attendedMarks: 19, countedMarks: 21, completions: 6, attestations: 6 },
        {
          profile: 'NON RENSEIGNÉ',
          participants: 43,
          attendedMarks: 102,
          countedMarks: 129,
          completions: 30,
          attestations: 28,
        },
      ],
      schools: [
        { uai: '9730611B', name: 'Collège fictif des Palmiers', participants: 41 },
        { uai: '9730622M', name: 'École fictive du Fleuve', participants: 2 },
        { uai: '9730633Z', name: 'Lycée fictif de la Savane', participants: 57 },
        { uai: '9730644L', name: 'École fictive des Pirogues', participants: 9 },
      ],
      evaluationAnswers: 311,
      conventions: {
        conventions: 12,
        signed: 11,
        serviceFait: 6,
        paid: 4,
        trainers: 23,
        hseAllocated: '312.50',
        hsePaid: '144.00',
        amountPaid: '5012.64',
      },
    },
    {
      level: 'academie',
      code: 'guyane',
      label: 'Académie de Guyane (fictive)',
      academy: 'guyane',
      asOf: '2027-01-31',
      period: { from: '2026-09-01', to: '2027-08-31', schoolYear: '2026-2027' },
      generatedAt: '2027-02-01T08:00:00.000Z',
    },
    '18',
  );
  writeFileSync(resolve(out, 'bilan-academique.pdf'), await bilanPdf(bilan));
  for (const name of ['attendance-sheet', 'attestation', 'convention', 'fiche-formation-ent', 'bilan-academique']) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      resolve(out, `${name}.pdf`),
      resolve(out, name),
    ]);
    console.log(`[documents] docs/documents/${name}.png`);
  }
  try {
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', resolve(out, 'attestation.png')])
      .toString()
      .trim();
    console.log(
      `[documents] the attestation's QR code reads: ${scanned} (${scanned === url ? 'the verification link' : 'NOT the link'})`,
    );
  } catch {
    console.log('[documents] zbarimg not installed: QR code not read back');
  }
}

void main();
