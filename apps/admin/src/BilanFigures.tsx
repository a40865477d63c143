// A bilan's figures as the screen shows them: tiles, then each table of the exports (bilan-sections.ts in reporting),
// the rates and shares drawn as bars in their cells — the table is the chart's text, read by screen readers; the bars
// are hidden from them. A withheld figure reads « secret », its reason on hover and for screen readers, and draws no
// bar.
import type { components } from '@forma/api-client';
import { ReactNode } from 'react';
import { frenchDay } from './dates';
import { PROFILES } from './labels';
import { ScrollableTable } from './ScrollableTable';

type Figure = { value: number | string | null; withheld?: string };

/** Why a figure is withheld, as a reader is told. */
const WITHHELD: Record<string, string> = {
  primary: 'moins de 5 personnes : publié, ce chiffre les désignerait',
  secondary: 'masqué pour qu’un autre chiffre secret ne se déduise pas des totaux',
  total: 'l’ensemble compte trop peu de personnes pour publier ses chiffres',
};

/** A published figure in French, or « secret » with the reason it is withheld. */
export function shown(f: Figure, percent = false): ReactNode {
  if (f.value === null) {
    const reason = WITHHELD[f.withheld ?? ''] ?? 'secret statistique';
    return (
      <span title={reason}>
        secret<span className="fr-sr-only"> ({reason})</span>
      </span>
    );
  }
  return percent
    ? `${(Number(f.value) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`
    : Number(f.value).toLocaleString('fr-FR');
}

type BilanAnswer = components['schemas']['Bilan'];

/** How the bilan names the ways hours are followed. */
const ACTIVITY: Record<string, string> = {
  'face-to-face': 'Présentiel',
  'virtual-class': 'Classe virtuelle',
  'follow-up': 'Suivi à distance',
};

/** A published number (withheld: none). */
const valueOf = (f: Figure): number | undefined => (f.value === null ? undefined : Number(f.value));

/** A figure followed by its bar: a share of `max`, or a rate (max 1) capped at the bar's end. */
export function withBar(f: Figure, max: number, percent = false): ReactNode {
  const value = valueOf(f);
  const share = value === undefined || max <= 0 ? 0 : Math.min(1, value / max);
  return (
    <span style={{ display: 'flex', alignItems: 'center', gap: '0.5rem', minWidth: '9rem' }}>
      <span style={{ minWidth: '4rem', textAlign: 'right' }}>{shown(f, percent)}</span>
      {value !== undefined && (
        <span
          aria-hidden="true"
          data-bar={share.toFixed(3)}
          style={{ flex: 1, height: '0.75rem', background: 'var(--background-contrast-grey)', minWidth: '4rem' }}
        >
          <span
            style={{
              display: 'block',
              height: '100%',
              width: `${(share * 100).toFixed(1)}%`,
              background: 'var(--background-action-high-blue-france)',
            }}
          />
        </span>
      )}
    </span>
  );
}

const largest = (figures: Figure[]) => Math.max(0, ...figures.map((f) => valueOf(f) ?? 0));
const decimal = (text: string) => Number(text).toLocaleString('fr-FR');

/** The bilan's figures: its tiles, then its tables. */
export function BilanFigures({ b }: { b: BilanAnswer }) {
  const total = b.profiles.total;
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        {(
          [
            ['Sessions réalisées', String(b.sessions.delivered)],
            ['Sessions prévues', String(b.sessions.planned)],
            ['Participants', shown(total.participants)],
            ['Formations terminées', shown(total.completions)],
            ['Assiduité', shown(total.attendanceRate, true)],
            ['Attestations', shown(total.attestations)],
          ] as [string, ReactNode][]
        ).map(([label, value]) => (
          <div key={label} className="fr-col-6 fr-col-md-4">
            <div className="fr-tile fr-tile--sm">
              <div className="fr-tile__body">
                <p className="fr-tile__title">{value}</p>
                <p className="fr-tile__desc">{label}</p>
              </div>
            </div>
          </div>
        ))}
      </div>
      <ScrollableTable
        caption="Participants par profil"
        headers={['Profil', 'Participants', 'Assiduité', 'Terminées', 'Achèvement', 'Attestations']}
        data={[
          ...b.profiles.rows.map((r) => [
            r.profile,
            withBar(r.participants, largest(b.profiles.rows.map((p) => p.participants))),
            shown(r.attendanceRate, true),
            shown(r.completions),
            withBar(r.completionRate, 1, true),
            shown(r.attestations),
          ]),
          [
            'Total',
            shown(total.participants),
            shown(total.attendanceRate, true),
            shown(total.completions),
            shown(total.completionRate, true),
            shown(total.attestations),
          ],
        ]}
      />
      {b.modalities.rows.length > 0 && (
        <ScrollableTable
          caption="Heures suivies par modalité"
          headers={['Modalité', 'Personnes', 'Heures suivies', 'Assiduité']}
          data={b.modalities.rows.map((m) => [
            ACTIVITY[m.modality] ?? m.modality,
            withBar(m.people, largest(b.modalities.rows.map((r) => r.people))),
            shown(m.attendedHours),
            withBar(m.attendanceRate, 1, true),
          ])}
        />
      )}
      {b.plan.rows.length > 0 && <PlanTables plan={b.plan} />}
      {b.schools.rows.length > 0 && (
        <ScrollableTable
          caption="Participants par établissement"
          headers={['UAI', 'Établissement', 'Participants']}
          data={[
            ...b.schools.rows.map((s) => [
              s.uai,
              s.name,
              withBar(s.participants, largest(b.schools.rows.map((r) => r.participants))),
            ]),
            ['', 'Total', shown(b.schools.total)],
          ]}
        />
      )}
      <ScrollableTable
        caption="Évaluation anonyme des sessions, conventions et HSE"
        headers={['Indicateur', 'Valeur']}
        data={[
          ['Réponses à l’évaluation', shown(b.evaluation.answers)],
          ['Taux de réponse', shown(b.evaluation.responseRate, true)],
          [
            'Conventions (signées · service fait · payées)',
            `${b.hse.conventions} (${b.hse.signed} · ${b.hse.serviceFait} · ${b.hse.paid})`,
          ],
          ['Formateurs accompagnateurs rémunérés', shown(b.hse.trainers)],
          ['HSE attribuées, sur un plafond de', [shown(b.hse.hseAllocated), ' / ', shown(b.hse.hseCap)]],
          ['HSE payées', shown(b.hse.hsePaid)],
          ['Montant payé (€)', shown(b.hse.amountPaid)],
        ]}
      />
    </>
  );
}

/** The training plan set against what was done: the waves, the people by public, the means by module. */
function PlanTables({ plan }: { plan: BilanAnswer['plan'] }) {
  const waves = new Map(plan.rows.map((r) => [r.wave, r]));
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">Plan de formation : prévu et réalisé</h2>
      <ul>
        {[...waves.values()].map((w) => (
          <li key={w.wave}>{`${w.wave} · ${w.waveLabel} : du ${frenchDay(w.startsOn)} au ${frenchDay(w.endsOn)}`}</li>
        ))}
      </ul>
      <ScrollableTable
        caption="Effectifs prévus et participants, par vague, module et public"
        headers={['Vague · module', 'Public', 'Effectif prévu', 'Participants', 'Réalisation']}
        data={plan.rows.map((r) => [
          `${r.wave} · ${r.module}`,
          PROFILES[r.profile as keyof typeof PROFILES] ?? r.profile,
          r.forecastHeadcount.toLocaleString('fr-FR'),
          shown(r.participants),
          withBar(r.achievement, 1, true),
        ])}
      />
      {plan.modules.length > 0 && (
        <ScrollableTable
          caption="Sessions, heures et formateurs prévus, et réalisés"
          headers={[
            'Vague · module',
            'Sessions prévues',
            'Sessions réalisées',
            'Heures prévues',
            'Heures réalisées',
            'Formateurs prévus',
          ]}
          data={plan.modules.map((m) => [
            `${m.wave} · ${m.module}`,
            m.forecastSessions.toLocaleString('fr-FR'),
            withBar({ value: m.deliveredSessions }, m.forecastSessions),
            decimal(m.forecastHours),
            withBar({ value: m.deliveredHours }, Number(m.forecastHours)),
            m.forecastTrainers.toLocaleString('fr-FR'),
          ])}
        />
      )}
    </>
  );
}
