// The académie's training plan (issue 26, journey 1; seed 001): its deployment waves of a school year, each line's
// forecasts (people by public, sessions, hours, trainers) and — for those who read the académie's bilan — what was
// realised beside them, as reporting counts it (statistical secrecy applied). The DAFPEN plans a new wave or revises one
// (sent with the revision read); the API's refusals are shown next to the field or the line they name, the form kept.
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { bilanLevels, recentSchoolYears } from './bilan-levels';
import { shown, withBar } from './BilanFigures';
import { Choices, useOfferModules } from './choices';
import { frenchDay } from './dates';
import { PROFILES } from './labels';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';
import { WaveForm } from './WaveForm';

type Wave = components['schemas']['DeploymentWaveResponse'];
type Realised = components['schemas']['Bilan']['plan'];

export function TrainingPlan() {
  const { client, caller } = useSession();
  const years = recentSchoolYears(new Date().toISOString().slice(0, 10));
  const [schoolYear, setSchoolYear] = useState(years[0]);
  const titles = new Map((useOfferModules().data ?? []).map((m) => [m.id, m.title]));
  const waves = useQuery({
    queryKey: ['waves', caller?.academy, schoolYear],
    queryFn: async () =>
      (await client.GET('/api/v1/training-plan/waves', { params: { query: { schoolYear } } })).data ?? [],
  });
  const academy = caller && bilanLevels(caller).includes('academie') ? caller.academy : undefined;
  const readsRealised = academy !== undefined;
  // reporting learns a wave from catalog's event, a moment after it is planned: until every wave listed is in the
  // realised, it is asked again
  const missing = (plan: Realised | undefined) =>
    !!plan && !!waves.data?.some((w) => !plan.rows.some((r) => r.wave === w.code));
  const realised = useQuery({
    queryKey: ['bilan', 'plan', caller?.academy, schoolYear],
    // asked once the waves are shown: the académie's bilan is the heavier answer, and the plan is usable without it
    // (bench:pages)
    enabled: readsRealised && waves.isSuccess,
    refetchInterval: (query) => (missing(query.state.data) ? 2000 : false),
    queryFn: async () =>
      (
        await client.GET('/api/v1/reports/bilan', {
          params: { query: { level: 'academie', code: academy ?? '', schoolYear } },
        })
      ).data?.plan,
  });
  const late = missing(realised.data);
  const mayRevise = may(caller?.role, 'PUT /api/v1/training-plan/waves/{id}');
  const [revising, setRevising] = useState<string>();
  const [revised, setRevised] = useState<string>();
  return (
    <section aria-labelledby="plan-title">
      <h1 id="plan-title">Plan de formation</h1>
      <p>
        Les vagues de déploiement de l’ENT et ce que chacune prévoit
        {readsRealised ? ', avec le réalisé à côté (secret statistique appliqué).' : '.'}
      </p>
      <Select
        label="Année scolaire"
        nativeSelectProps={{ value: schoolYear, onChange: (e) => setSchoolYear(e.target.value) }}
      >
        <Choices labels={Object.fromEntries(years.map((y) => [y, y]))} />
      </Select>
      {may(caller?.role, 'POST /api/v1/training-plan/waves') && (
        <Accordion label="Planifier une vague" className="fr-mb-3w">
          <WaveForm schoolYears={years} />
        </Accordion>
      )}
      {waves.isPending && <p role="status">Chargement du plan…</p>}
      {waves.data?.length === 0 && <p>Aucune vague planifiée pour {schoolYear}.</p>}
      {late && (
        <p role="status">Le réalisé d’une vague planifiée à l’instant est en cours de calcul (« — » d’ici là).</p>
      )}
      {revised && (
        <Alert
          severity="success"
          small
          description={`Vague ${revised} révisée.`}
          closable
          onClose={() => setRevised(undefined)}
          className="fr-mb-2w"
        />
      )}
      {waves.data?.map((wave) => (
        <div key={wave.id}>
          <WaveTable wave={wave} titles={titles} realised={readsRealised ? realised.data : undefined} />
          {mayRevise && revising !== wave.id && (
            <Button
              size="small"
              priority="secondary"
              className="fr-mt-1w"
              onClick={() => {
                setRevised(undefined);
                setRevising(wave.id);
              }}
            >
              {`Réviser la vague ${wave.code}`}
            </Button>
          )}
          {revising === wave.id && (
            <WaveForm
              key={`${wave.id}-${wave.revision}`}
              schoolYears={years}
              wave={wave}
              onCancel={() => setRevising(undefined)}
              onDone={() => {
                setRevising(undefined);
                setRevised(wave.code);
              }}
            />
          )}
        </div>
      ))}
    </section>
  );
}

/** A wave's lines, forecasts first, then what was realised of each when the caller reads it. */
function WaveTable({ wave, titles, realised }: { wave: Wave; titles: Map<string, string>; realised?: Realised }) {
  const title = (moduleId: string) => titles.get(moduleId) ?? moduleId;
  const people = (moduleId: string, profile: string) =>
    realised?.rows.find((r) => r.wave === wave.code && r.module === title(moduleId) && r.profile === profile);
  const means = (moduleId: string) =>
    realised?.modules.find((m) => m.wave === wave.code && m.module === title(moduleId));
  const forecastOnly = realised === undefined;
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">{`${wave.code} · ${wave.label}`}</h2>
      <p>
        {`Du ${frenchDay(wave.startsOn)} au ${frenchDay(wave.endsOn)}`}
        {wave.trainTheTrainers ? ' · forme d’abord les formateurs' : ''}
      </p>
      <ScrollableTable
        caption={`Vague ${wave.code} : prévu${forecastOnly ? '' : ' et réalisé'}`}
        headers={[
          'Module',
          'Public',
          'Effectif prévu',
          ...(forecastOnly ? [] : ['Participants', 'Réalisation']),
          'Sessions prévues',
          ...(forecastOnly ? [] : ['Sessions réalisées']),
          'Heures prévues',
          ...(forecastOnly ? [] : ['Heures réalisées']),
          'Formateurs prévus',
        ]}
        data={wave.lines.map((line) => {
          const done = people(line.moduleId, line.profile);
          const held = means(line.moduleId);
          return [
            title(line.moduleId),
            PROFILES[line.profile] ?? line.profile,
            line.headcount.toLocaleString('fr-FR'),
            ...(forecastOnly
              ? []
              : [done ? shown(done.participants) : '—', done ? withBar(done.achievement, 1, true) : '—']),
            line.sessions.toLocaleString('fr-FR'),
            ...(forecastOnly ? [] : [held ? held.deliveredSessions.toLocaleString('fr-FR') : '—']),
            Number(line.hours).toLocaleString('fr-FR'),
            ...(forecastOnly ? [] : [held ? Number(held.deliveredHours).toLocaleString('fr-FR') : '—']),
            line.trainers.toLocaleString('fr-FR'),
          ];
        })}
      />
    </>
  );
}
