// The offer (issue 26, journey 1): the académie's modules, searched by words and filtered by modality, category,
// target profile and origin, sorted, paged by the API's cursor; a module archived by those whose routes allow it (it
// leaves the offer, read-only from then on).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Choices } from './choices';
import { CATEGORIES, MODALITIES, ORIGINS, PROFILES } from './labels';
import { Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

type OfferModule = components['schemas']['OfferItem'];
const SORTS: Record<string, string> = { title: 'Titre', published: 'Date de publication', duration: 'Durée' };

export function Offer() {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState({ modality: '', origin: '', category: '', profile: '', sort: 'title' });
  // the cursors of the pages seen, to go back (the API pages forward by cursor)
  const [cursors, setCursors] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const cursor = cursors.at(-1);
  const offer = useQuery({
    queryKey: ['offer', caller?.academy, q, filters, cursor],
    queryFn: async () => {
      const { data, error } = await client.GET('/api/v1/offer', {
        params: {
          query: {
            academy: caller?.academy,
            q: q || undefined,
            modality: (filters.modality || undefined) as 'face-to-face' | undefined,
            origin: (filters.origin || undefined) as 'academie' | undefined,
            category: (filters.category || undefined) as 'presentation' | undefined,
            profile: (filters.profile || undefined) as 'teacher' | undefined,
            sort: filters.sort as 'title',
            limit: 20,
            cursor,
          },
        },
      });
      if (!data) throw new Error((error as { detail?: string } | undefined)?.detail ?? 'Offre indisponible.');
      return data;
    },
  });
  const filter = (name: keyof typeof filters) => ({
    value: filters[name],
    onChange: (e: { target: { value: string } }) => {
      setFilters({ ...filters, [name]: e.target.value });
      setCursors([]);
    },
  });
  const mayArchive = may(caller?.role, 'POST /api/v1/modules/{id}/archive');
  const archive = async (module: OfferModule) => {
    setProblem(undefined);
    if (!window.confirm(`Archiver « ${module.title} » ? Il quittera l’offre et ne pourra plus être modifié.`)) return;
    const answer = await client
      .POST('/api/v1/modules/{id}/archive', { params: { path: { id: module.id } } })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : réessayez.');
    if (!answer.response.ok)
      return setProblem(refusalText(answer.response.status, answer.error as Problem | undefined));
    await queries.invalidateQueries({ queryKey: ['offer'] });
  };
  return (
    <section aria-labelledby="offer-title">
      <h1 id="offer-title">Offre de formation</h1>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <SearchBar
            label="Rechercher un module"
            onButtonClick={(words) => {
              setQ(words);
              setCursors([]);
            }}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select label="Modalité" nativeSelectProps={filter('modality')}>
            <Choices first="Toutes" labels={MODALITIES} />
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select label="Origine" nativeSelectProps={filter('origin')}>
            <Choices first="Toutes" labels={ORIGINS} />
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-4">
          <Select label="Catégorie" nativeSelectProps={filter('category')}>
            <Choices first="Toutes" labels={CATEGORIES} />
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-4">
          <Select label="Public" nativeSelectProps={filter('profile')}>
            <Choices first="Toutes" labels={PROFILES} />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Trier par" nativeSelectProps={filter('sort')}>
            <Choices labels={SORTS} />
          </Select>
        </div>
      </div>
      {problem && <Alert severity="error" title="Action refusée" description={problem} className="fr-mb-2w" />}
      {offer.error && <Alert severity="error" title="Offre indisponible" description={offer.error.message} />}
      {offer.data && (
        <>
          <p role="status">{offer.data.total} module(s)</p>
          <ScrollableTable
            caption="Modules de l’offre"
            headers={['Module', 'Modalité', 'Durée', 'Origine', 'Sessions à venir', ...(mayArchive ? ['Actions'] : [])]}
            data={offer.data.items.map((m) => [
              m.title,
              MODALITIES[m.modality as keyof typeof MODALITIES] ?? m.modality,
              m.durationLabel,
              ORIGINS[m.origin as keyof typeof ORIGINS] ?? m.origin,
              String(m.upcomingSessions),
              ...(mayArchive
                ? [
                    <Button
                      key="archive"
                      size="small"
                      priority="tertiary"
                      nativeButtonProps={{ 'aria-label': `Archiver ${m.title}` }}
                      onClick={() => void archive(m)}
                    >
                      Archiver
                    </Button>,
                  ]
                : []),
            ])}
          />
          <div className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
            {cursors.length > 0 && (
              <Button priority="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                Modules précédents
              </Button>
            )}
            {offer.data.nextCursor && (
              <Button priority="secondary" onClick={() => setCursors([...cursors, offer.data.nextCursor ?? ''])}>
                Modules suivants
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
