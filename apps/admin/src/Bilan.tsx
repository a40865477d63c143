// The bilans a caller may read (issue 26, journey 5), as reporting publishes them: at each level their role reaches
// (BilanArea.tsx), over a school year or since the beginning, as they stood on a day (« Situation au »), statistical secrecy applied — a withheld figure reads « secret », its reason beside it for screen readers and
// on hover —, and its files (PDF, XLSX, CSV) made by the export job, followed with a progress bar, then downloaded.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { exportBilan, ExportJob } from '@forma/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Area, firstArea, recentSchoolYears } from './bilan-levels';
import { AreaPicker } from './BilanArea';
import { BilanFigures } from './BilanFigures';
import { Choices } from './choices';
import { frenchDay } from './dates';
import { saveFile } from './download';
import { useLiveBilan } from './live-bilan';
import { problemText } from './problem';
import { useSession } from './session';

type Format = 'pdf' | 'xlsx' | 'csv';
const CLOCK = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Paris',
});

export function Bilan() {
  const { client, caller } = useSession();
  const [asOf, setAsOf] = useState('');
  const [schoolYear, setSchoolYear] = useState('');
  const [area, setArea] = useState<Area>();
  const chosen = area ?? (caller ? firstArea(caller) : undefined);
  // nothing is asked until the area has its code (a department, a module... chosen)
  const asked: Area = chosen?.code ? chosen : { level: 'academie', code: '' };
  const period = { asOf: asOf || undefined, schoolYear: schoolYear || undefined };
  const bilan = useQuery({
    queryKey: ['bilan', caller, asked, asOf, schoolYear],
    enabled: !!asked.code,
    queryFn: async () => {
      const { data, error } = await client.GET('/api/v1/reports/bilan', {
        params: { query: { level: asked.level, code: asked.code, ...period } },
      });
      if (!data) throw new Error((error as { detail?: string } | undefined)?.detail ?? 'Bilan indisponible.');
      return data;
    },
  });
  // in real time (no « Situation au »), the bilan asks itself again when reporting applies facts of the académie
  const queries = useQueryClient();
  const live = useLiveBilan(client, asked.code && !asOf ? asked : undefined, () => {
    void queries.invalidateQueries({ queryKey: ['bilan'] });
  });
  const [progress, setProgress] = useState<ExportJob>();
  const exported = useMutation({
    mutationFn: async (format: Format) => {
      const { level, code } = asked;
      const { bytes } = await exportBilan(client, { level, code, format, ...period }, setProgress);
      const name = `bilan-${level}-${code}${schoolYear ? `-${schoolYear}` : ''}${asOf ? `-au-${asOf}` : ''}`;
      return saveFile(bytes as BlobPart, `${name}.${format}`);
    },
  });
  const b = bilan.data;
  return (
    <section aria-labelledby="bilan-title">
      <h1 id="bilan-title">{b ? `Bilan — ${b.label}` : 'Bilan'}</h1>
      {caller && chosen && <AreaPicker caller={caller} area={chosen} onChange={setArea} />}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Année scolaire"
            nativeSelectProps={{ value: schoolYear, onChange: (e) => setSchoolYear(e.target.value) }}
          >
            <Choices
              first="Depuis le début"
              labels={Object.fromEntries(recentSchoolYears(new Date().toISOString().slice(0, 10)).map((y) => [y, y]))}
            />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Situation au"
            hintText="Vide : en temps réel"
            nativeInputProps={{ type: 'date', value: asOf, onChange: (e) => setAsOf(e.target.value) }}
          />
        </div>
        {b && (
          <div className="fr-col-12 fr-col-md-4">
            <p>
              {b.asOf
                ? `Situation au ${frenchDay(b.asOf.slice(0, 10))}`
                : `En temps réel${live === 'live' ? ', mis à jour en direct' : ''} (${CLOCK.format(new Date(b.generatedAt))})`}{' '}
              · secret statistique sous {b.secrecy.threshold} personnes
            </p>
          </div>
        )}
      </div>
      {bilan.error && <Alert severity="error" title="Bilan indisponible" description={bilan.error.message} />}
      {!asked.code && <p>Choisissez ce dont vous voulez le bilan.</p>}
      {asked.code && !b && !bilan.error && <p role="status">Chargement du bilan…</p>}
      {b && <BilanFigures b={b} />}
      {b && (
        <>
          <h2 className="fr-h4 fr-mt-4w">Exporter ce bilan</h2>
          <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
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
