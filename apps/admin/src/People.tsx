// People (issue 26, journey 6): found by mail or by school, a person's profile with where each field came from, its
// history, registrations and completions; for the DAFPEN, who read their data (the access log) and the RGPD erasure
// with what is kept and why. The RGPD export is offered to whoever may read it. Every read here is journaled by the
// service for the académie-wide roles.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import type { components } from '@forma/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useOfferModules } from './choices';
import { frenchMoment } from './dates';
import { saveFile } from './download';
import { ACCESS_PURPOSES, PERSON_FIELDS, REGISTRATION_STATES, ROLES, sourceLabel } from './labels';
import { Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

type Person = components['schemas']['PersonView'];
type Profile = components['schemas']['PersonProfile'];
type Search = { mail: string } | { uai: string };

/** A call's answer, or its refusal said in French (the service not answering included). */
async function answered<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const answer = await call.catch(() => undefined);
  if (!answer) throw new Error('Le service ne répond pas : réessayez.');
  if (answer.data === undefined) throw new Error(refusalText(answer.response.status, answer.error as Problem));
  return answer.data;
}

export function People() {
  const { client } = useSession();
  const [search, setSearch] = useState<Search>();
  const [uai, setUai] = useState('');
  const [chosen, setChosen] = useState<string>();
  const found = useQuery({
    queryKey: ['people', search],
    enabled: !!search,
    queryFn: () => answered(client.GET('/api/v1/people', { params: { query: search } })),
  });
  const find = (next: Search) => {
    setSearch(next);
    setChosen(undefined);
  };
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">Personnes</h1>
      <p>Retrouvez une personne par son adresse mail ou par son établissement. Chaque consultation est journalisée.</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <SearchBar label="Adresse mail" onButtonClick={(mail) => mail.trim() && find({ mail: mail.trim() })} />
        </div>
        <form
          className="fr-col-12 fr-col-md-6 fr-grid-row fr-grid-row--bottom"
          onSubmit={(e) => {
            e.preventDefault();
            if (uai.trim()) find({ uai: uai.trim().toUpperCase() });
          }}
        >
          <Input
            className="fr-col fr-mb-0"
            label="Établissement (UAI)"
            nativeInputProps={{ value: uai, onChange: (e) => setUai(e.target.value) }}
          />
          <Button type="submit" priority="secondary" className="fr-ml-2w">
            Chercher
          </Button>
        </form>
      </div>
      {found.error && <Alert severity="error" title="Recherche impossible" description={found.error.message} />}
      {found.data && <PeopleFound people={found.data} onOpen={setChosen} />}
      {chosen && <PersonCard key={chosen} id={chosen} onErased={() => void found.refetch()} />}
    </section>
  );
}

function PeopleFound({ people, onOpen }: { people: Person[]; onOpen: (id: string) => void }) {
  if (!people.length) return <p role="status">Aucune personne trouvée dans votre périmètre.</p>;
  return (
    <ScrollableTable
      caption="Personnes trouvées"
      headers={['Nom', 'Prénom', 'Mail', 'Établissement', 'Profil', '']}
      data={people.map((p) => [
        p.lastName,
        p.firstName,
        p.mail,
        p.uai ?? '—',
        p.profile ?? '—',
        <Button
          key="open"
          size="small"
          priority="secondary"
          nativeButtonProps={{ 'aria-label': `Ouvrir la fiche de ${p.firstName} ${p.lastName}` }}
          onClick={() => onOpen(p.id)}
        >
          Ouvrir
        </Button>,
      ])}
    />
  );
}

/** One person's profile, and what the caller's role may do with it. */
function PersonCard({ id, onErased }: { id: string; onErased: () => void }) {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const modules = useOfferModules();
  const [problem, setProblem] = useState<string>();
  const [kept, setKept] = useState<string[]>();
  const profile = useQuery({
    queryKey: ['person', id],
    queryFn: () => answered(client.GET('/api/v1/people/{id}', { params: { path: { id } } })),
  });
  const title = (moduleId: string) => modules.data?.find((m) => m.id === moduleId)?.title ?? 'Module d’une autre offre';
  const exportData = async () => {
    setProblem(undefined);
    try {
      const data = await answered(client.GET('/api/v1/people/{id}/export', { params: { path: { id } } }));
      saveFile(JSON.stringify(data, null, 2), `donnees-personnelles-${id}.json`, 'application/json');
      await queries.invalidateQueries({ queryKey: ['access-log', id] });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  if (kept)
    return (
      <Alert
        severity="success"
        title="Personne effacée"
        className="fr-mt-3w"
        description={
          <>
            Ses données personnelles sont pseudonymisées. Sont conservés :
            <ul>
              {kept.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        }
      />
    );
  if (profile.error)
    return (
      <Alert severity="error" title="Fiche indisponible" description={profile.error.message} className="fr-mt-3w" />
    );
  const person = profile.data;
  if (!person) return <p role="status">Chargement de la fiche…</p>;
  return (
    <article aria-labelledby="person-title" className="fr-mt-4w">
      <h2 id="person-title">{`${person.firstName} ${person.lastName}`}</h2>
      <p className="fr-text--sm">{`Fiche version ${person.version}, créée le ${frenchMoment(person.createdAt)}`}</p>
      {problem && <Alert severity="error" title="Action refusée" description={problem} className="fr-mb-2w" />}
      {may(caller?.role, 'GET /api/v1/people/{id}/export') && (
        <Button iconId="fr-icon-download-line" priority="secondary" onClick={() => void exportData()}>
          Exporter ses données (RGPD)
        </Button>
      )}
      <Fields person={person} />
      <History person={person} />
      <h3 className="fr-mt-3w">Inscriptions</h3>
      <Listing
        empty="Aucune inscription dans votre académie."
        caption="Inscriptions de la personne"
        headers={['Module', 'Type', 'État']}
        rows={person.registrations.map((r) => [
          title(r.moduleId),
          r.kind === 'imported' ? 'Import' : r.kind === 'designated' ? 'Désignation' : 'Individuelle',
          REGISTRATION_STATES[r.state as keyof typeof REGISTRATION_STATES] ?? r.state,
        ])}
      />
      <h3 className="fr-mt-3w">Formations suivies</h3>
      <Listing
        empty="Aucune formation achevée."
        caption="Formations achevées"
        headers={['Module', 'Achevée le']}
        rows={person.completions.map((c) => [title(c.moduleId), frenchMoment(c.completedAt)])}
      />
      {may(caller?.role, 'GET /api/v1/people/{id}/access-log') && <AccessLog id={id} />}
      {may(caller?.role, 'POST /api/v1/people/{id}/erasure') && (
        <Erasure
          person={person}
          onErased={(lines) => {
            setKept(lines);
            onErased();
          }}
        />
      )}
    </article>
  );
}

function Fields({ person }: { person: Profile }) {
  return (
    <ScrollableTable
      className="fr-mt-3w"
      caption="Données de la personne et leur source"
      headers={['Champ', 'Valeur', 'Source', 'Depuis le']}
      data={Object.entries(PERSON_FIELDS).map(([field, label]) => {
        const source = person.fieldSources[field];
        return [
          label,
          String(person[field as keyof Person] ?? '') || '—',
          source ? sourceLabel(source.source) : '—',
          source ? frenchMoment(source.at) : '—',
        ];
      })}
    />
  );
}

function History({ person }: { person: Profile }) {
  const change = (changes: Record<string, unknown>) =>
    changes.created
      ? 'Création'
      : Object.entries(changes)
          .map(([field, value]) => {
            const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
            return `${PERSON_FIELDS[field] ?? field} : ${String(from ?? '—')} → ${String(to ?? '—')}`;
          })
          .join(' ; ');
  return (
    <>
      <h3 className="fr-mt-3w">Historique</h3>
      <Listing
        empty="Aucun changement."
        caption="Historique des changements"
        headers={['Version', 'Changement', 'Source', 'Le']}
        rows={person.history.map((h) => [
          String(h.version),
          change(h.changes),
          sourceLabel(h.source),
          frenchMoment(h.changedAt),
        ])}
      />
    </>
  );
}

/** Who read this person's data, and why (the DAFPEN only). */
function AccessLog({ id }: { id: string }) {
  const { client } = useSession();
  const log = useQuery({
    queryKey: ['access-log', id],
    queryFn: () => answered(client.GET('/api/v1/people/{id}/access-log', { params: { path: { id } } })),
  });
  return (
    <>
      <h3 className="fr-mt-3w">Journal des accès</h3>
      {log.error && <Alert severity="error" small description={log.error.message} />}
      {log.data && (
        <Listing
          empty="Aucune consultation journalisée."
          caption="Consultations des données de la personne"
          headers={['Le', 'Par', 'Rôle', 'Motif']}
          rows={[...log.data]
            .reverse()
            .map((a) => [
              frenchMoment(a.at),
              a.actor,
              a.roles.map((r) => ROLES[r] ?? r).join(', '),
              ACCESS_PURPOSES[a.purpose] ?? a.purpose,
            ])}
        />
      )}
    </>
  );
}

/** The RGPD erasure: confirmed by a box ticked, then what is kept and why. */
function Erasure({ person, onErased }: { person: Profile; onErased: (kept: string[]) => void }) {
  const { client } = useSession();
  const [sure, setSure] = useState(false);
  const [problem, setProblem] = useState<string>();
  const erase = async () => {
    setProblem(undefined);
    try {
      const done = await answered(client.POST('/api/v1/people/{id}/erasure', { params: { path: { id: person.id } } }));
      onErased(done.kept);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <section
      aria-labelledby="erasure-title"
      className="fr-mt-4w fr-p-3w"
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <h3 id="erasure-title">Effacement (RGPD)</h3>
      <p>
        L’effacement pseudonymise la personne ici et dans les autres services. Les inscriptions, pseudonymisées, et le
        journal des accès sont conservés par obligation légale ; le détail s’affiche une fois l’effacement fait.
      </p>
      {problem && <Alert severity="error" title="Effacement refusé" description={problem} className="fr-mb-2w" />}
      <Checkbox
        options={[
          {
            label: `Je confirme l’effacement des données de ${person.firstName} ${person.lastName}`,
            nativeInputProps: { checked: sure, onChange: (e) => setSure(e.target.checked) },
          },
        ]}
      />
      <Button priority="primary" disabled={!sure} onClick={() => void erase()}>
        Effacer la personne
      </Button>
    </section>
  );
}

/** A table under its heading (its caption kept for screen readers only), or a sentence when it has no row. */
function Listing(props: { empty: string; caption: string; headers: string[]; rows: ReactNode[][] }) {
  if (!props.rows.length) return <p>{props.empty}</p>;
  return <ScrollableTable caption={props.caption} noCaption headers={props.headers} data={props.rows} />;
}
