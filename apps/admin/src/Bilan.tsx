// The bilan of the caller's scope (issue 26, journey 5), as reporting publishes it: as it stood on a day (« Situation
// au »), statistical secrecy applied — a withheld figure reads « secret », its reason beside it for screen readers and
// on hover —, and its files (PDF, XLSX, CSV) made by the export job, followed with a progress bar, then downloaded.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { components, exportBilan, ExportJob } from '@forma/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { frenchDay } from './dates';
import { saveFile } from './download';
import { problemText } from './problem';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

type Figure = { value: number | string | null; withheld?: string };
type Format = 'pdf' | 'xlsx' | 'csv';

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

export function Bilan() {
  const { client, caller } = useSession();
  const [asOf, setAsOf] = useState('');
  const area = { level: caller?.level ?? 'academie', code: caller?.code ?? '' } as const;
  const bilan = useQuery({
    queryKey: ['bilan', caller, asOf],
    enabled: !!caller,
    queryFn: async () => {
      const { data, error } = await client.GET('/api/v1/reports/bilan', {
        params: { query: { ...area, asOf: asOf || undefined } },
      });
      if (!data) throw new Error((error as { detail?: string } | undefined)?.detail ?? 'Bilan indisponible.');
      return data;
    },
  });
  const [progress, setProgress] = useState<ExportJob>();
  const exported = useMutation({
    mutationFn: async (format: Format) => {
      const { bytes } = await exportBilan(client, { ...area, format, asOf: asOf || undefined }, setProgress);
      return saveFile(bytes as BlobPart, `bilan-${area.level}-${area.code}${asOf ? `-au-${asOf}` : ''}.${format}`);
    },
  });
  const b = bilan.data;
  return (
    <section aria-labelledby="bilan-title">
      <h1 id="bilan-title">{b ? `Bilan — ${b.label}` : 'Bilan'}</h1>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Situation au"
            hintText="Vide : en temps réel"
            nativeInputProps={{ type: 'date', value: asOf, onChange: (e) => setAsOf(e.target.value) }}
          />
        </div>
        {b && (
          <div className="fr-col-12 fr-col-md-8">
            <p>
              {b.asOf ? `Situation au ${frenchDay(b.asOf.slice(0, 10))}` : 'En temps réel'} · secret statistique sous{' '}
              {b.secrecy.threshold} personnes
            </p>
          </div>
        )}
      </div>
      {bilan.error && <Alert severity="error" title="Bilan indisponible" description={bilan.error.message} />}
      {!b && !bilan.error && <p role="status">Chargement du bilan…</p>}
      {b && <BilanFigures b={b} />}
      {b && (
        <>
          <h2 className="fr-h4 fr-mt-4w">Exporter ce bilan</h2>
          <div className="fr-btns-group fr-btns-group--inline-md">
            {(['pdf', 'xlsx', 'csv'] as Format[]).map((format) => (
              <Button
                key={format}
                priority="secondary"
                iconId="fr-icon-download-line"
                disabled={exported.isPending}
                onClick={() => {
                  setProgress(undefined);
                  exported.mutate(format);
                }}
              >
                {`Exporter en ${format.toUpperCase()}`}
              </Button>
            ))}
          </div>
          {exported.isPending && (
            <div role="status">
              <progress
                aria-label="Export en cours"
                max={progress?.progress.total || 1}
                value={progress ? progress.progress.done : undefined}
              />
              <p>
                {progress ? `Export : ${progress.state === 'queued' ? 'en attente' : 'en cours'}…` : 'Export demandé…'}
              </p>
            </div>
          )}
          {exported.data && (
            <Alert
              severity="success"
              small
              description={`Fichier téléchargé : ${exported.data}`}
              className="fr-mt-2w"
            />
          )}
          {exported.error && (
            <Alert
              severity="error"
              title="Export impossible"
              description={problemText(exported.error)}
              className="fr-mt-2w"
            />
          )}
        </>
      )}
    </section>
  );
}

type BilanAnswer = components['schemas']['Bilan'];

/** The bilan's figures: its tiles and the table by profile. */
function BilanFigures({ b }: { b: BilanAnswer }) {
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
        headers={['Profil', 'Participants', 'Assiduité', 'Terminées', 'Attestations']}
        data={b.profiles.rows.map((r) => [
          r.profile,
          shown(r.participants),
          shown(r.attendanceRate, true),
          shown(r.completions),
          shown(r.attestations),
        ])}
      />
    </>
  );
}
