import { RuleViolation } from '@forma/domain';

/** A convention's life (seed 002), as pure rules: its states, who moves it, and what a signature covers. */
export const CONVENTION_STATES = [
  'draft',
  'submitted',
  'signed-by-head',
  'signed',
  'in-progress',
  'report-submitted',
  'service-fait',
  'paid',
  'closed',
] as const;
export type ConventionState = (typeof CONVENTION_STATES)[number];

const LABEL: Record<ConventionState, string> = {
  draft: 'en brouillon',
  submitted: 'soumise',
  'signed-by-head': 'signée par le chef d’établissement',
  signed: 'signée par la DAFPEN',
  'in-progress': 'en cours',
  'report-submitted': 'bilan remis',
  'service-fait': 'service fait',
  paid: 'payée',
  closed: 'close',
};

export function assertState(
  state: ConventionState,
  expected: readonly ConventionState[],
  action: string,
  code = 'wrong_state',
): void {
  if (!expected.includes(state)) {
    throw new RuleViolation(
      'conflict',
      code,
      `${action} : impossible, la convention est ${LABEL[state]} (attendu : ${expected.map((s) => LABEL[s]).join(' ou ')}).`,
    );
  }
}

/** The plan and its trainers can change until the report is in; a change after a signature voids the signatures. */
export function assertEditable(state: ConventionState): void {
  assertState(
    state,
    ['draft', 'submitted', 'signed-by-head', 'signed', 'in-progress'],
    'Modifier le plan',
    'convention_locked',
  );
}

/** Whether a change of content voids signatures (and sends the convention back to "submitted"). */
export const signedStates: readonly ConventionState[] = ['signed-by-head', 'signed', 'in-progress'];

/** Signatures in their order: the head of the school first, then the DAFPEN director. */
export function assertSignatureOrder(state: ConventionState, role: 'head' | 'director'): void {
  if (role === 'head') assertState(state, ['submitted'], 'Signature du chef d’établissement', 'signature_out_of_order');
  else assertState(state, ['signed-by-head'], 'Signature du directeur de la DAFPEN', 'signature_out_of_order');
}

export interface PlanLineContent {
  kind: 'face-to-face' | 'online';
  date: string;
  minutes: number;
  audience: string | null;
  modality: 'cv' | 'suivi' | null;
  headcount: number;
  trainerMail: string;
  sessionId: string | null;
}

export interface TrainerContent {
  name: string;
  mail: string;
  grade: string;
  engaged: boolean;
}

/**
 * What a signature covers, written the same way every time (sorted keys and lists): its SHA-256 is the digest signed.
 */
export function canonicalContent(c: {
  uai: string;
  schoolYear: string;
  lines: readonly PlanLineContent[];
  trainers: readonly TrainerContent[];
}): string {
  const sortKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sortKeys)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sortKeys(v)]),
          )
        : value;
  const lines = [...c.lines].sort((a, b) =>
    `${a.date}${a.kind}${a.trainerMail}`.localeCompare(`${b.date}${b.kind}${b.trainerMail}`),
  );
  const trainers = [...c.trainers].sort((a, b) => a.mail.localeCompare(b.mail));
  return JSON.stringify(sortKeys({ uai: c.uai, schoolYear: c.schoolYear, lines, trainers }));
}

/**
 * A plan line as the head types it: an online line says CV or suivi, a face-to-face one does not; its trainer is named.
 */
export function assertPlanLine(line: PlanLineContent, trainers: readonly string[], at: string): void {
  if (line.kind === 'online' && !line.modality)
    throw RuleViolation.onField(
      'invalid',
      'modality_required',
      `${at}.modality : CV ou suivi pour une formation en ligne.`,
      `${at}.modality`,
    );
  if (line.kind === 'face-to-face' && line.modality)
    throw RuleViolation.onField(
      'invalid',
      'modality_not_expected',
      `${at}.modality : pas de modalité pour le présentiel.`,
      `${at}.modality`,
    );
  if (!trainers.includes(line.trainerMail))
    throw RuleViolation.onField(
      'invalid',
      'trainer_not_on_convention',
      `${at}.trainerMail : ${line.trainerMail} n'est pas un formateur accompagnateur de la convention.`,
      `${at}.trainerMail`,
    );
}

/** The end-of-plan report: the head's and the trainers' analysis, and seed 002's four criteria. */
export const CRITERIA = [
  'device-reliability',
  'pedagogical-feasibility',
  'accompaniment-quality',
  'school-effects',
] as const;
export const CRITERIA_LABELS: Record<(typeof CRITERIA)[number], string> = {
  'device-reliability': 'Fiabilité du dispositif (technique, engagements de chacun)',
  'pedagogical-feasibility': 'Faisabilité pédagogique (rythmes, séquençage, accompagnement)',
  'accompaniment-quality': 'Accompagnement (nature et qualité des échanges)',
  'school-effects': 'Effets de la formation dans l’établissement',
};

/** Service fait: the report is in and every plan line's attendance sheet is signed (uploaded). */
export function assertServiceFait(
  state: ConventionState,
  lines: readonly { position: number; sheetSha256: string | null }[],
): void {
  assertState(state, ['report-submitted'], 'Certifier le service fait');
  const unsigned = lines.filter((l) => !l.sheetSha256);
  if (unsigned.length) {
    throw new RuleViolation(
      'conflict',
      'sheets_not_signed',
      `Service fait impossible : ${unsigned.length} ligne(s) du plan sans feuille d’émargement signée (lignes ${unsigned.map((l) => l.position + 1).join(', ')}).`,
    );
  }
}
