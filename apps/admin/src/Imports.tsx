// Importing participants (issue 26, journey 3): a GAIA extract, a Mailexport file or a spreadsheet sent to the import
// job, followed to its end with a progress indicator; its rejected lines listed with their numbers and reasons and
// offered as a CSV; a file imported again changes nothing, and the screen says so.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { importParticipants, ImportJob } from '@forma/api-client';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { saveFile } from './download';
import { problemText } from './problem';
import { ScrollableTable } from './ScrollableTable';
import { SessionPicker } from './SessionPicker';
import { useSession } from './session';

type Format = 'gaia' | 'mailexport' | 'spreadsheet';
/** The fields a rejected line names, as a reader says them. */
const FIELDS: Record<string, string> = {
  mail: 'Adresse mail',
  lastName: 'Nom',
  firstName: 'Prénom',
  uai: 'Établissement (UAI)',
  session: 'Session',
  function: 'Fonction',
  grade: 'Grade',
};
const FORMATS: Record<Format, string> = {
  gaia: 'Extraction GAIA (ses sessions dans le fichier)',
  mailexport: 'Mailexport (une session)',
  spreadsheet: 'Tableur (une session)',
};

export function Imports() {
  const { client } = useSession();
  const [format, setFormat] = useState<Format>('mailexport');
  const [sessionId, setSessionId] = useState('');
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<ImportJob>();
  const run = useMutation({
    mutationFn: async (chosen: File) => {
      const { job } = await importParticipants(
        client,
        new Uint8Array(await chosen.arrayBuffer()),
        { format, sessionId: format === 'gaia' ? undefined : sessionId, fileName: chosen.name },
        setProgress,
      );
      const rejections = job.rejected
        ? ((await client.GET('/api/v1/enrolment-imports/{id}/rejections', { params: { path: { id: job.id } } })).data ??
          [])
        : [];
      return { job, rejections };
    },
  });
  const needsSession = format !== 'gaia';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && (!needsSession || sessionId)) run.mutate(file);
  };
  const job = run.data?.job;
  const nothingChanged =
    job?.state === 'completed' &&
    job.accepted > 0 &&
    job.peopleCreated + job.peopleUpdated + job.registrationsCreated === 0;

  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">Importer des participants</h1>
      <form onSubmit={submit} noValidate>
        <RadioButtons
          legend="Fichier"
          orientation="horizontal"
          options={(Object.entries(FORMATS) as [Format, string][]).map(([value, label]) => ({
            label,
            nativeInputProps: { value, checked: format === value, onChange: () => setFormat(value) },
          }))}
        />
        {needsSession && <SessionPicker sessionId={sessionId} onChange={setSessionId} />}
        <Upload
          className="fr-mt-2w"
          label="Le fichier, tel qu’exporté"
          hint="CSV (UTF-8 ou Windows-1252, séparé par ; ou ,) ou XLSX"
          nativeInputProps={{ accept: '.csv,.txt,.xlsx', onChange: (e) => setFile(e.target.files?.[0]) }}
        />
        <Button type="submit" className="fr-mt-2w" disabled={run.isPending || !file || (needsSession && !sessionId)}>
          Importer
        </Button>
      </form>
      {run.isPending && (
        <div className="fr-mt-3w" role="status">
          <progress aria-label="Import en cours" />
          <p>{progress ? `${progress.rowsRead} ligne(s) lue(s)…` : 'Envoi du fichier…'}</p>
        </div>
      )}
      {run.error && (
        <Alert severity="error" title="Import non fait" description={problemText(run.error)} className="fr-mt-3w" />
      )}
      {job && (
        <div className="fr-mt-3w">
          {nothingChanged ? (
            <Alert
              severity="info"
              title="Rien n’a changé"
              description={`Ce fichier avait déjà été importé : ses ${job.accepted} ligne(s) acceptée(s) étaient déjà là.`}
            />
          ) : (
            <Alert
              severity={job.state === 'completed' ? 'success' : 'error'}
              title={job.state === 'completed' ? 'Import terminé' : 'Import échoué'}
              description={
                job.state === 'completed'
                  ? `${job.accepted} ligne(s) acceptée(s), ${job.rejected} refusée(s) : ${job.peopleCreated} personne(s) ` +
                    `créée(s), ${job.peopleUpdated} mise(s) à jour, ${job.registrationsCreated} inscription(s), ` +
                    `${job.waitlisted} en liste d’attente.`
                  : (job.error ?? 'L’import a échoué.')
              }
            />
          )}
          {!!run.data?.rejections.length && (
            <>
              <ScrollableTable
                caption={`Lignes refusées (${run.data.rejections.length})`}
                headers={['Ligne', 'Champ', 'Motif', 'Contenu']}
                data={run.data.rejections.map((r) => [
                  String(r.row),
                  r.field ? (FIELDS[r.field] ?? r.field) : 'la ligne',
                  r.message,
                  r.cells.join(' ; '),
                ])}
              />
              <RejectionsDownload jobId={job.id} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The rejected lines as the API writes them (CSV), saved by the browser. */
function RejectionsDownload({ jobId }: { jobId: string }) {
  const { client } = useSession();
  const download = async () => {
    const { data } = await client.GET('/api/v1/enrolment-imports/{id}/rejections.csv', {
      params: { path: { id: jobId } },
      parseAs: 'text',
    });
    saveFile(typeof data === 'string' ? data : '', `lignes-refusees-${jobId}.csv`, 'text/csv');
  };
  return (
    <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void download()}>
      Télécharger les lignes refusées (CSV)
    </Button>
  );
}
