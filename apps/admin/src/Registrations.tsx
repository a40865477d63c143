// Registrations (issue 26, journey 4), by session or by school (a person's own are on their page, « Personnes »):
// paged, filtered and sorted by the server (the caller's reach applied there); for a session, the seats always in
// view, a person designated, a request accepted, a registration cancelled with its reason — each action offered only
// to the roles whose routes allow it.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Choices } from './choices';
import { frenchDay } from './dates';
import { REGISTRATION_STATES } from './labels';
import { fieldState, placeFieldErrors, Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { SessionPicker } from './SessionPicker';
import { useSession } from './session';

type Registration = components['schemas']['RegistrationView'];
type State = Registration['state'];
type Sort = 'name' | 'state' | 'createdAt';
const PAGE = 20;
const SORTS: Record<Sort, string> = { state: 'État', name: 'Nom', createdAt: 'Date d’inscription' };

export function Registrations() {
  const { caller } = useSession();
  const [sessionId, setSessionId] = useState('');
  const [by, setBy] = useState<'session' | 'school'>('session');
  const bySchool = may(caller?.role, 'GET /api/v1/registrations/by-school');
  return (
    <section aria-labelledby="registrations-title">
      <h1 id="registrations-title">Inscriptions</h1>
      {bySchool && (
        <SegmentedControl
          legend="Afficher les inscriptions"
          className="fr-mb-3w"
          segments={[
            {
              label: 'D’une session',
              nativeInputProps: { checked: by === 'session', onChange: () => setBy('session') },
            },
            {
              label: 'D’un établissement',
              nativeInputProps: { checked: by === 'school', onChange: () => setBy('school') },
            },
          ]}
        />
      )}
      {by === 'school' ? (
        <SchoolRegistrations />
      ) : (
        <>
          <SessionPicker sessionId={sessionId} onChange={setSessionId} />
          {sessionId && <SessionRegistrations key={sessionId} sessionId={sessionId} />}
        </>
      )}
    </section>
  );
}

/**
 * The registrations of a school's people across the académie's sessions, latest sessions first: a school head's own
 * school given, an IEN's or an organiser's typed as a UAI; only the people the caller reaches are listed by the API.
 */
function SchoolRegistrations() {
  const { client, caller } = useSession();
  const own = caller?.level === 'school' ? (caller.code ?? '') : '';
  const [typed, setTyped] = useState(own);
  const [uai, setUai] = useState(own);
  const [state, setState] = useState<State | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['school-registrations', uai, state, q, page],
    enabled: !!uai,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/registrations/by-school', {
        params: {
          query: { uai, state: state || undefined, q: q || undefined, offset: (page - 1) * PAGE, limit: PAGE },
        },
      });
      if (!data) throw new Error(refusalText(response.status, error as Problem | undefined));
      return data;
    },
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <div>
      <form
        className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w"
        onSubmit={(e) => {
          e.preventDefault();
          setUai(typed.trim().toUpperCase());
          setPage(1);
        }}
      >
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Établissement (UAI)"
            hintText="Par exemple 0449001V"
            nativeInputProps={{ value: typed, onChange: (e) => setTyped(e.target.value), readOnly: !!own }}
          />
        </div>
        {!own && (
          <div className="fr-col-12 fr-col-md-2">
            <Button type="submit">Afficher</Button>
          </div>
        )}
      </form>
      {uai && (
        <RegistrationFilters
          state={state}
          onWords={(words) => {
            setQ(words);
            setPage(1);
          }}
          onState={(chosen) => {
            setState(chosen);
            setPage(1);
          }}
        />
      )}
      {list.error && <Alert severity="error" title="Inscriptions indisponibles" description={list.error.message} />}
      {data && (
        <>
          <p role="status" aria-busy={list.isPlaceholderData}>
            {`${data.total} inscription(s) · page ${data.offset / PAGE + 1} sur ${pages}`}
          </p>
          <ScrollableTable
            caption={`Inscriptions des personnes de l’établissement ${uai}`}
            headers={['Module', 'Début', 'Nom', 'Prénom', 'Mail', 'État']}
            data={data.items.map((r) => [
              r.moduleTitle ?? '—',
              r.startsOn ? frenchDay(r.startsOn) : '—',
              r.lastName,
              r.firstName,
              r.mail,
              REGISTRATION_STATES[r.state],
            ])}
          />
          {pages > 1 && (
            <Pagination
              count={pages}
              defaultPage={page}
              getPageLinkProps={(n) => ({
                href: `#inscriptions-etablissement-page-${n}`,
                onClick: (e) => {
                  e.preventDefault();
                  setPage(n);
                },
              })}
            />
          )}
        </>
      )}
    </div>
  );
}

function SessionRegistrations({ sessionId }: { sessionId: string }) {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const [state, setState] = useState<State | ''>('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>('state');
  const [page, setPage] = useState(1);
  const [problem, setProblem] = useState<string>();
  const list = useQuery({
    queryKey: ['registrations', sessionId, state, q, sort, page],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/registrations/search', {
        params: {
          query: {
            sessionId,
            state: state || undefined,
            q: q || undefined,
            sort,
            offset: (page - 1) * PAGE,
            limit: PAGE,
          },
        },
      });
      if (!data) throw new Error(refusalText(response.status, error as Problem | undefined));
      return data;
    },
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['registrations', sessionId] });
  const act = async (call: Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
    setProblem(undefined);
    const answer = await call.catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : réessayez.');
    if (!answer.data) return setProblem(refusalText(answer.response.status, answer.error as Problem | undefined));
    await refresh();
  };
  const mayAccept = may(caller?.role, 'POST /api/v1/registrations/{id}/accept');
  const mayCancel = may(caller?.role, 'POST /api/v1/registrations/{id}/cancel');
  const actions = (r: Registration): ReactNode[] => [
    ...(mayAccept && r.state === 'requested'
      ? [
          <Button
            key="accept"
            size="small"
            nativeButtonProps={{ 'aria-label': `Accepter ${r.firstName} ${r.lastName}` }}
            onClick={() =>
              void act(client.POST('/api/v1/registrations/{id}/accept', { params: { path: { id: r.id } } }))
            }
          >
            Accepter
          </Button>,
        ]
      : []),
    ...(mayCancel && r.state !== 'cancelled'
      ? [
          <Button
            key="cancel"
            size="small"
            nativeButtonProps={{ 'aria-label': `Annuler ${r.firstName} ${r.lastName}` }}
            priority="secondary"
            onClick={() =>
              void act(
                client.POST('/api/v1/registrations/{id}/cancel', {
                  params: { path: { id: r.id } },
                  body: { reason: 'withdrawn', comment: 'Annulée depuis l’écran des inscriptions' },
                }),
              )
            }
          >
            Annuler
          </Button>,
        ]
      : []),
  ];
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <div className="fr-mt-3w">
      {data && (
        <p role="status" className="fr-text--lead" aria-label="Places de la session">
          {`Places : ${data.seats.capacity} · confirmées ${data.seats.confirmed} · restantes ${data.seats.left} · ` +
            `en liste d’attente ${data.seats.waitlisted} · demandes ${data.seats.requested}`}
        </p>
      )}
      {may(caller?.role, 'POST /api/v1/registrations') && <Designate sessionId={sessionId} onDone={refresh} />}
      <RegistrationFilters
        state={state}
        onWords={(words) => {
          setQ(words);
          setPage(1);
        }}
        onState={(chosen) => {
          setState(chosen);
          setPage(1);
        }}
      >
        <Select label="Trier par" nativeSelectProps={{ value: sort, onChange: (e) => setSort(e.target.value as Sort) }}>
          <Choices labels={SORTS} />
        </Select>
      </RegistrationFilters>
      {problem && <Alert severity="error" title="Action refusée" description={problem} className="fr-mb-2w" />}
      {list.error && <Alert severity="error" title="Inscriptions indisponibles" description={list.error.message} />}
      {data && (
        <>
          {/* the page shown is the one the server answered (the previous stays in view while the next comes) */}
          <p aria-busy={list.isPlaceholderData}>
            {`${data.total} inscription(s) · page ${data.offset / PAGE + 1} sur ${pages}`}
          </p>
          <ScrollableTable
            caption="Inscriptions de la session"
            headers={['Nom', 'Prénom', 'Mail', 'Établissement', 'État', 'Rang', 'Actions']}
            data={data.items.map((r) => [
              r.lastName,
              r.firstName,
              r.mail,
              r.uai ?? '—',
              REGISTRATION_STATES[r.state],
              r.position ?? '—',
              <div key="actions" className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                {actions(r)}
              </div>,
            ])}
          />
          {pages > 1 && (
            <Pagination
              count={pages}
              defaultPage={page}
              getPageLinkProps={(n) => ({
                href: `#inscriptions-page-${n}`,
                onClick: (e) => {
                  e.preventDefault();
                  setPage(n);
                },
              })}
            />
          )}
        </>
      )}
    </div>
  );
}

/** What both tables of registrations are filtered by: words of a name or mail, a state, and (`children`) more. */
function RegistrationFilters({
  state,
  onWords,
  onState,
  children,
}: {
  state: State | '';
  onWords: (words: string) => void;
  onState: (state: State | '') => void;
  children?: ReactNode;
}) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mt-2w fr-mb-2w">
      <div className="fr-col-12 fr-col-md-6">
        <SearchBar label="Rechercher par nom ou mail" onButtonClick={onWords} />
      </div>
      <div className="fr-col-6 fr-col-md-3">
        <Select
          label="État"
          nativeSelectProps={{ value: state, onChange: (e) => onState(e.target.value as State | '') }}
        >
          <Choices first="Tous" labels={REGISTRATION_STATES} />
        </Select>
      </div>
      {children && <div className="fr-col-6 fr-col-md-3">{children}</div>}
    </div>
  );
}

type Person = { lastName: string; firstName: string; mail: string; uai: string };

/** A person designated to the session (a school head, an IEN or the DAFPEN): the API's refusals next to the fields. */
function Designate({ sessionId, onDone }: { sessionId: string; onDone: () => Promise<void> }) {
  const { client } = useSession();
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const form = useForm<Person>({ defaultValues: { lastName: '', firstName: '', mail: '', uai: '' } });
  const state = (name: keyof Person) => fieldState(form, name);
  const submit = form.handleSubmit(async (person) => {
    setProblem(undefined);
    setDone(undefined);
    const answer = await client
      .POST('/api/v1/registrations', {
        body: { sessionId, kind: 'designated', person: { ...person, uai: person.uai || undefined } },
      })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      setDone(
        `${person.firstName} ${person.lastName} : ${REGISTRATION_STATES[answer.data.state as State] ?? answer.data.state}.`,
      );
      form.reset();
      return onDone();
    }
    const refusal = answer.error as Problem | undefined;
    const rename = (field: string) => field.replace(/^person\./, '');
    if (!placeFieldErrors(form, refusal, rename)) setProblem(refusalText(answer.response.status, refusal));
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="designate-title" className="fr-mb-3w">
      <h2 id="designate-title" className="fr-h4">
        Inscrire une personne
      </h2>
      {problem && <Alert severity="error" title="Inscription refusée" description={problem} className="fr-mb-2w" />}
      {done && <Alert severity="success" small description={done} className="fr-mb-2w" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Nom" nativeInputProps={form.register('lastName')} {...state('lastName')} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Prénom" nativeInputProps={form.register('firstName')} {...state('firstName')} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input
            label="Adresse mail"
            nativeInputProps={{ ...form.register('mail'), type: 'email' }}
            {...state('mail')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Établissement (UAI)" nativeInputProps={form.register('uai')} {...state('uai')} />
        </div>
      </div>
      <Button type="submit" className="fr-mt-1w">
        Inscrire
      </Button>
    </form>
  );
}
