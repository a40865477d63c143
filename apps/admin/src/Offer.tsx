// The offer (issue 26, journey 1): the académie's modules, searched by words and filtered by kind, modality, category,
// target profile, origin, theme and GAIA number, sorted, paged by the API's cursor; a module revised or archived by
// those whose routes allow it (archived, it leaves the offer, read-only from then on).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Choices } from './choices';
import { CATEGORIES, KINDS, MODALITIES, ORIGINS, PROFILES } from './labels';
import { Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

// the form is its own chunk: readers of the offer never load it
const ModuleForm = lazy(() => import('./ModuleForm').then((m) => ({ default: m.ModuleForm })));

type OfferModule = components['schemas']['OfferItem'];
const SORTS: Record<string, string> = { title: 'Titre', published: 'Date de publication', duration: 'Durée' };

export function Offer() {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState({
    kind: '',
    modality: '',
    origin: '',
    category: '',
    profile: '',
    theme: '',
    gaia: '',
    sort: 'title',
  });
  const [editing, setEditing] = useState<string>();
  // the académie's drafts, for those who write the offer (GET /api/v1/offer/drafts): revised, then published
  const [showing, setShowing] = useState<'published' | 'draft'>('published');
  const [saved, setSaved] = useState<string>();
  // the cursors of the pages seen, to go back (the API pages forward by cursor)
  const [cursors, setCursors] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const cursor = cursors.at(-1);
  const offer = useQuery({
    queryKey: ['offer', caller?.academy, showing, q, filters, cursor],
    queryFn: async () => {
      if (showing === 'draft') {
        const drafts = await client.GET('/api/v1/offer/drafts', {
          params: { query: { q: q || undefined, limit: 20, cursor } },
        });
        if (!drafts.data) throw new Error(refusalText(drafts.response.status, drafts.error as Problem | undefined));
        return drafts.data;
      }
      const { data, error } = await client.GET('/api/v1/offer', {
        params: {
          query: {
            academy: caller?.academy,
            q: q || undefined,
            kind: (filters.kind || undefined) as 'module' | undefined,
            theme: filters.theme.trim() || undefined,
            gaia: filters.gaia.trim() || undefined,
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
  const mayRevise = may(caller?.role, 'PUT /api/v1/modules/{id}');
  const mayPublish = may(caller?.role, 'POST /api/v1/modules/{id}/publish');
  const mayDrafts = may(caller?.role, 'GET /api/v1/offer/drafts');
  const mayAct = mayArchive || mayRevise || (showing === 'draft' && mayPublish);
  const choose = (state: 'published' | 'draft') => {
    setShowing(state);
    setCursors([]);
  };
  const publish = async (module: OfferModule) => {
    setProblem(undefined);
    const answer = await client
      .POST('/api/v1/modules/{id}/publish', { params: { path: { id: module.id } } })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : réessayez.');
    if (!answer.response.ok)
      return setProblem(refusalText(answer.response.status, answer.error as Problem | undefined));
    setSaved(`« ${module.title} » est publié dans l’offre.`);
    await queries.invalidateQueries({ queryKey: ['offer'] });
  };
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
  if (editing)
    return (
      <Suspense fallback={<p role="status">Chargement du formulaire…</p>}>
        <ModuleForm
          moduleId={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(title, published) => {
            setEditing(undefined);
            setSaved(published ? `« ${title} » est enregistré.` : `« ${title} » est enregistré (brouillon).`);
          }}
        />
      </Suspense>
    );
  return (
    <section aria-labelledby="offer-title">
      <h1 id="offer-title">Offre de formation</h1>
      {saved && (
        <Alert
          severity="success"
          small
          description={saved}
          closable
          onClose={() => setSaved(undefined)}
          className="fr-mb-2w"
        />
      )}
      {mayDrafts && (
        <SegmentedControl
          legend="Modules"
          className="fr-mb-2w"
          segments={[
            {
              label: 'Publiés dans l’offre',
              nativeInputProps: { checked: showing === 'published', onChange: () => choose('published') },
            },
            {
              label: 'Brouillons de l’académie',
              nativeInputProps: { checked: showing === 'draft', onChange: () => choose('draft') },
            },
          ]}
        />
      )}
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
        {showing === 'published' && (
          <>
            <div className="fr-col-6 fr-col-md-3">
              <Select label="Nature" nativeSelectProps={filter('kind')}>
                <Choices first="Toutes" labels={KINDS} />
              </Select>
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <Select label="Modalité" nativeSelectProps={filter('modality')}>
                <Choices first="Toutes" labels={MODALITIES} />
              </Select>
            </div>
            <div className="fr-col-6 fr-col-md-4">
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
            <div className="fr-col-6 fr-col-md-4">
              <Input label="Thème" nativeInputProps={filter('theme')} />
            </div>
            <div className="fr-col-6 fr-col-md-4">
              <Input label="N° GAIA (dispositif ou module)" nativeInputProps={filter('gaia')} />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Trier par" nativeSelectProps={filter('sort')}>
                <Choices labels={SORTS} />
              </Select>
            </div>
          </>
        )}
      </div>
      {problem && <Alert severity="error" title="Action refusée" description={problem} className="fr-mb-2w" />}
      {offer.error && <Alert severity="error" title="Offre indisponible" description={offer.error.message} />}
      {offer.data && (
        <>
          <p role="status">{offer.data.total} module(s)</p>
          <ScrollableTable
            caption={showing === 'draft' ? 'Brouillons de l’académie' : 'Modules de l’offre'}
            headers={[
              'Module',
              'Nature',
              'Modalité',
              'Durée',
              'Origine',
              'GAIA',
              'Sessions à venir',
              ...(mayAct ? ['Actions'] : []),
            ]}
            data={offer.data.items.map((m) => [
              m.title,
              KINDS[m.kind as keyof typeof KINDS] ?? m.kind,
              MODALITIES[m.modality as keyof typeof MODALITIES] ?? m.modality,
              m.durationLabel,
              ORIGINS[m.origin as keyof typeof ORIGINS] ?? m.origin,
              m.gaia ? `${m.gaia.dispositif} / ${m.gaia.moduleNumber}` : '—',
              String(m.upcomingSessions),
              ...(mayAct
                ? [
                    <div key="actions" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                      {mayRevise && (
                        <Button
                          size="small"
                          priority="secondary"
                          nativeButtonProps={{ 'aria-label': `Modifier ${m.title}` }}
                          onClick={() => setEditing(m.id)}
                        >
                          Modifier
                        </Button>
                      )}
                      {showing === 'draft' && mayPublish && (
                        <Button
                          size="small"
                          priority="secondary"
                          nativeButtonProps={{ 'aria-label': `Publier ${m.title}` }}
                          onClick={() => void publish(m)}
                        >
                          Publier
                        </Button>
                      )}
                      {showing === 'published' && mayArchive && (
                        <Button
                          size="small"
                          priority="tertiary"
                          nativeButtonProps={{ 'aria-label': `Archiver ${m.title}` }}
                          onClick={() => void archive(m)}
                        >
                          Archiver
                        </Button>
                      )}
                    </div>,
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
