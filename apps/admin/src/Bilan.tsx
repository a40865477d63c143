// The bilan of the caller's scope, as reporting publishes it (statistical secrecy applied: a withheld figure says so).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ScrollableTable } from './ScrollableTable';
import { useQuery } from '@tanstack/react-query';
import { useSession } from './session';

type Figure = { value: number | string | null; withheld?: string };
const shown = (f: Figure, percent = false) =>
  f.value === null
    ? 'secret'
    : percent
      ? `${(Number(f.value) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`
      : Number(f.value).toLocaleString('fr-FR');

export function Bilan() {
  const { client, caller } = useSession();
  const bilan = useQuery({
    queryKey: ['bilan', caller],
    enabled: !!caller,
    queryFn: async () => {
      const { data, error } = await client.GET('/api/v1/reports/bilan', {
        params: { query: { level: caller?.level ?? 'academie', code: caller?.code ?? '' } },
      });
      if (!data) throw new Error((error as { detail?: string } | undefined)?.detail ?? 'Bilan indisponible.');
      return data;
    },
  });
  if (bilan.error) return <Alert severity="error" title="Bilan indisponible" description={bilan.error.message} />;
  if (!bilan.data) return <p role="status">Chargement du bilan…</p>;
  const b = bilan.data;
  const total = b.profiles.total;
  return (
    <section aria-labelledby="bilan-title">
      <h1 id="bilan-title">Bilan — {b.label}</h1>
      <p>
        {b.asOf ? `Situation au ${b.asOf}` : 'En temps réel'} · secret statistique sous {b.secrecy.threshold} personnes
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        {[
          ['Sessions réalisées', String(b.sessions.delivered)],
          ['Sessions prévues', String(b.sessions.planned)],
          ['Participants', shown(total.participants)],
          ['Formations terminées', shown(total.completions)],
          ['Assiduité', shown(total.attendanceRate, true)],
          ['Attestations', shown(total.attestations)],
        ].map(([label, value]) => (
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
    </section>
  );
}
