import { Bilan, Figure } from './bilan.rules';

/** A cell of an exported table: a number, a decimal string kept exact, text, or a withheld figure. */
export type SectionCell = number | string | null | { withheld: string };

export interface BilanSection {
  /** Sheet name (31 characters at most) and title. */
  name: string;
  title: string;
  header: string[];
  /** Per column: how a spreadsheet should show it. */
  kinds: ('text' | 'integer' | 'decimal' | 'rate' | 'date')[];
  rows: SectionCell[][];
}

const MODALITY = {
  'face-to-face': 'Présentiel',
  'virtual-class': 'Classe virtuelle',
  'follow-up': 'Suivi à distance',
} as Record<string, string>;
export const WITHHELD_LABEL = 'secret';

function cell<T extends number | string>(f: Figure<T>): SectionCell {
  return f.value === null ? { withheld: f.withheld ?? 'primary' } : f.value;
}

/**
 * The bilan as tables, in the order a reader meets them: the same sections make the CSV, the XLSX (one sheet each) and
 * the PDF, so the three never disagree. Withheld figures stay withheld in every format.
 */
export function bilanSections(b: Bilan): BilanSection[] {
  const sections: BilanSection[] = [
    {
      name: 'Sessions',
      title: 'Sessions',
      header: ['Indicateur', 'Valeur'],
      kinds: ['text', 'decimal'],
      rows: [
        ['Sessions prévues (à venir)', b.sessions.planned],
        ['Sessions réalisées', b.sessions.delivered],
        ['Sessions annulées', b.sessions.cancelled],
        ['Heures dispensées en présentiel (total des sessions réalisées)', b.sessions.plannedHoursDelivered.faceToFace],
        [
          'Heures dispensées en classe virtuelle (total des sessions réalisées)',
          b.sessions.plannedHoursDelivered.virtualClass,
        ],
      ],
    },
    {
      name: 'Heures par modalité',
      title: 'Heures de formation suivies, par modalité',
      header: ['Modalité', 'Personnes', 'Heures suivies', 'Assiduité'],
      kinds: ['text', 'integer', 'decimal', 'rate'],
      rows: b.modalities.rows.map((m) => [
        MODALITY[m.modality] ?? m.modality,
        cell(m.people),
        cell(m.attendedHours),
        cell(m.attendanceRate),
      ]),
    },
    {
      name: 'Participants par profil',
      title: 'Participants, assiduité, achèvement et attestations, par profil',
      header: ['Profil', 'Participants', 'Assiduité', 'Terminées', 'Achèvement', 'Attestations'],
      kinds: ['text', 'integer', 'rate', 'integer', 'rate', 'integer'],
      rows: [
        ...b.profiles.rows.map((p) => [
          p.profile,
          cell(p.participants),
          cell(p.attendanceRate),
          cell(p.completions),
          cell(p.completionRate),
          cell(p.attestations),
        ]),
        [
          'Total',
          cell(b.profiles.total.participants),
          cell(b.profiles.total.attendanceRate),
          cell(b.profiles.total.completions),
          cell(b.profiles.total.completionRate),
          cell(b.profiles.total.attestations),
        ],
      ],
    },
  ];
  if (b.schools.rows.length) {
    sections.push({
      name: 'Participants par école',
      title: 'Participants par établissement',
      header: ['UAI', 'Établissement', 'Participants'],
      kinds: ['text', 'text', 'integer'],
      rows: [...b.schools.rows.map((s) => [s.uai, s.name, cell(s.participants)]), ['', 'Total', cell(b.schools.total)]],
    });
  }
  sections.push(
    {
      name: 'Évaluation',
      title: 'Évaluation anonyme des sessions',
      header: ['Questionnaires', 'Réponses', 'Taux de réponse'],
      kinds: ['text', 'integer', 'rate'],
      rows: [['Évaluation anonyme des sessions', cell(b.evaluation.answers), cell(b.evaluation.responseRate)]],
    },
    {
      name: 'HSE',
      title: 'Conventions et HSE des formateurs accompagnateurs',
      header: ['Indicateur', 'Valeur'],
      kinds: ['text', 'decimal'],
      rows: [
        ['Conventions', b.hse.conventions],
        ['Conventions signées', b.hse.signed],
        ['Service fait certifié', b.hse.serviceFait],
        ['Conventions payées', b.hse.paid],
        ['Formateurs accompagnateurs rémunérés', cell(b.hse.trainers)],
        ['HSE attribuées', cell(b.hse.hseAllocated)],
        ['Plafond (HSE)', cell(b.hse.hseCap)],
        ['HSE payées', cell(b.hse.hsePaid)],
        ['Montant payé (€)', cell(b.hse.amountPaid)],
      ],
    },
  );
  if (b.plan.rows.length || b.plan.modules.length) {
    const waves = new Map(
      b.plan.rows.map((r) => [r.wave, [r.wave, r.waveLabel, r.startsOn, r.endsOn] as SectionCell[]]),
    );
    sections.push(
      {
        name: 'Vagues de déploiement',
        title: 'Plan de formation ENT : vagues de déploiement',
        header: ['Vague', 'Intitulé', 'Début', 'Fin'],
        kinds: ['text', 'text', 'date', 'date'],
        rows: [...waves.values()],
      },
      {
        name: 'Plan et réalisé (publics)',
        title: 'Plan de formation ENT : effectifs prévus et participants, par vague, module et public',
        header: ['Vague · module', 'Public', 'Effectif prévu', 'Participants', 'Réalisation'],
        kinds: ['text', 'text', 'integer', 'integer', 'rate'],
        rows: b.plan.rows.map((r) => [
          `${r.wave} · ${r.module}`,
          PLAN_PROFILE[r.profile] ?? r.profile,
          r.forecastHeadcount,
          cell(r.participants),
          cell(r.achievement),
        ]),
      },
      {
        name: 'Plan et réalisé (moyens)',
        title: 'Plan de formation ENT : sessions, heures et formateurs prévus, et réalisés',
        header: [
          'Vague · module',
          'Sessions prévues',
          'Sessions réalisées',
          'Heures prévues',
          'Heures réalisées',
          'Formateurs prévus',
        ],
        kinds: ['text', 'integer', 'integer', 'decimal', 'decimal', 'integer'],
        rows: b.plan.modules.map((m) => [
          `${m.wave} · ${m.module}`,
          m.forecastSessions,
          m.deliveredSessions,
          m.forecastHours,
          m.deliveredHours,
          m.forecastTrainers,
        ]),
      },
    );
  }
  return sections;
}

/** The plan's target profiles (seed 001), as users name them. */
export const PLAN_PROFILE: Record<string, string> = {
  ien: 'IEN',
  cpd: 'CPD',
  cpc: 'CPC',
  erun: 'E-RUN',
  'school-head': "Directeur d'école",
  teacher: 'Enseignant',
  parents: 'Parents',
  'dsi-collectivite': 'DSI collectivité',
  administrator: 'Administrateur',
};

/** A cell as text (CSV, PDF): decimals as written, rates as percentages, withheld figures as "secret". */
export function cellText(value: SectionCell, kind: BilanSection['kinds'][number]): string {
  if (value === null) return '';
  if (typeof value === 'object') return WITHHELD_LABEL;
  if (kind === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  if (kind === 'rate' && typeof value === 'number') return `${(value * 100).toFixed(1).replace('.', ',')} %`;
  return String(value).replace('.', ',');
}
