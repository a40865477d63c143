// The offer: the académie's modules, searched by words and filtered by modality and origin, as the API pages them.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ScrollableTable } from './ScrollableTable';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from './session';

const MODALITIES: Record<string, string> = { 'face-to-face': 'Présentiel', distance: 'À distance', hybrid: 'Hybride' };
const ORIGINS: Record<string, string> = { academie: 'Académie', canope: 'Canopé', dgesco: 'DGESCO', ife: 'IFÉ' };

export function Offer() {
  const { client, caller } = useSession();
  const [q, setQ] = useState('');
  const [modality, setModality] = useState('');
  const [origin, setOrigin] = useState('');
  const offer = useQuery({
    queryKey: ['offer', caller?.academy, q, modality, origin],
    queryFn: async () => {
      const { data, error } = await client.GET('/api/v1/offer', {
        params: {
          query: {
            academy: caller?.academy,
            q: q || undefined,
            modality: (modality || undefined) as 'face-to-face' | undefined,
            origin: (origin || undefined) as 'academie' | undefined,
            limit: 50,
          },
        },
      });
      if (!data) throw new Error((error as { detail?: string } | undefined)?.detail ?? 'Offre indisponible.');
      return data;
    },
  });
  return (
    <section aria-labelledby="offer-title">
      <h1 id="offer-title">Offre de formation</h1>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <SearchBar label="Rechercher un module" onButtonClick={setQ} />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select
            label="Modalité"
            nativeSelectProps={{ value: modality, onChange: (e) => setModality(e.target.value) }}
          >
            <Choices labels={MODALITIES} />
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select label="Origine" nativeSelectProps={{ value: origin, onChange: (e) => setOrigin(e.target.value) }}>
            <Choices labels={ORIGINS} />
          </Select>
        </div>
      </div>
      {offer.error && <Alert severity="error" title="Offre indisponible" description={offer.error.message} />}
      {offer.data && (
        <>
          <p role="status">{offer.data.total} module(s)</p>
          <ScrollableTable
            caption="Modules de l’offre"
            fixed
            headers={['Module', 'Modalité', 'Durée', 'Origine', 'Sessions à venir']}
            data={offer.data.items.map((m) => [
              m.title,
              MODALITIES[m.modality] ?? m.modality,
              m.durationLabel,
              ORIGINS[m.origin] ?? m.origin,
              String(m.upcomingSessions),
            ])}
          />
        </>
      )}
    </section>
  );
}

/** A filter's choices: « Toutes », then each value with its French label. */
function Choices({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      <option value="">Toutes</option>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
