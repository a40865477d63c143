// Requests to open a module (demandes d'ouverture, issue 26 journey 2): the DFP's form filed by an IEN, a trainer, a
// school head or Canopé; the list the organisers of the académie decide from (newest first, by state, a page at a
// time by the API's cursor); a refusal with its reason next to the field; the author withdrawing their own.
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FieldPath, useForm } from 'react-hook-form';
import { Choices } from './choices';
import { frenchMoment } from './dates';
import { KINDS, MODALITIES, REQUEST_KINDS, REQUEST_STATUSES } from './labels';
import { fieldState, placeFieldErrors, Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

type Summary = components['schemas']['TrainingRequestSummary'];
type Opening = components['schemas']['ModuleOpeningRequest'];
type Status = Summary['status'];

export function Requests() {
  const { caller } = useSession();
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['requests'] });
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">Demandes d’ouverture</h1>
      {may(caller?.role, 'POST /api/v1/requests/module-opening') && <OpeningForm onFiled={refresh} />}
      <RequestList />
    </section>
  );
}

function RequestList() {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const [status, setStatus] = useState<Status | ''>('submitted');
  // the cursors of the pages seen: the last one is the page shown (« précédente » pops it)
  const [cursors, setCursors] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const cursor = cursors.at(-1);
  const list = useQuery({
    queryKey: ['requests', status, cursor],
    queryFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/requests', {
        params: { query: { status: status || undefined, cursor, limit: 20 } },
      });
      if (!data) throw new Error(refusalText(response.status, error as Problem | undefined));
      return data;
    },
  });
  const next = list.data?.nextCursor;
  const mayDecide = may(caller?.role, 'POST /api/v1/requests/{id}/decision');
  const withdraw = async (r: Summary) => {
    setProblem(undefined);
    const answer = await client
      .POST('/api/v1/requests/{id}/withdraw', { params: { path: { id: r.id } } })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : réessayez.');
    if (!answer.data) return setProblem(refusalText(answer.response.status, answer.error as Problem | undefined));
    await queries.invalidateQueries({ queryKey: ['requests'] });
  };
  return (
    <div className="fr-mt-4w">
      <h2>Demandes soumises</h2>
      <p>Vos demandes, et pour les organisateurs de l’académie (DAFPEN, Canopé, IEN) toutes celles de l’académie.</p>
      <Select
        label="État"
        className="fr-col-12 fr-col-md-4"
        nativeSelectProps={{
          value: status,
          onChange: (e) => {
            setStatus(e.target.value as Status | '');
            setCursors([]);
          },
        }}
      >
        <Choices first="Tous" labels={REQUEST_STATUSES} />
      </Select>
      {problem && <Alert severity="error" title="Action refusée" description={problem} className="fr-mb-2w" />}
      {list.error && <Alert severity="error" title="Demandes indisponibles" description={list.error.message} />}
      {list.data && !list.data.items.length && <p role="status">Aucune demande.</p>}
      {list.data && list.data.items.length > 0 && (
        <ScrollableTable
          caption="Demandes"
          noCaption
          headers={['Demande', 'Type', 'Soumise le', 'État', 'Actions']}
          data={list.data.items.map((r) => [
            r.title,
            REQUEST_KINDS[r.kind] ?? r.kind,
            frenchMoment(r.submittedAt),
            r.decisionReason
              ? `${REQUEST_STATUSES[r.status as Status]} : ${r.decisionReason}`
              : REQUEST_STATUSES[r.status as Status],
            r.status !== 'submitted' ? (
              '—'
            ) : (
              <div key="actions">
                {mayDecide && <Decision request={r} />}
                {r.submittedBy === caller?.sub && (
                  <Button
                    size="small"
                    priority="tertiary"
                    nativeButtonProps={{ 'aria-label': `Retirer la demande « ${r.title} »` }}
                    onClick={() => void withdraw(r)}
                  >
                    Retirer
                  </Button>
                )}
              </div>
            ),
          ])}
        />
      )}
      <div className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
        {cursors.length > 0 && (
          <Button priority="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
            Page précédente
          </Button>
        )}
        {next && (
          <Button priority="secondary" onClick={() => setCursors([...cursors, next])}>
            Page suivante
          </Button>
        )}
      </div>
    </div>
  );
}

/** Accepting, or refusing with a reason (the API's refusal of a missing reason shown next to it). */
function Decision({ request }: { request: Summary }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const decide = (decision: 'accepted' | 'refused') =>
    form.handleSubmit(async ({ reason }) => {
      setProblem(undefined);
      const answer = await client
        .POST('/api/v1/requests/{id}/decision', {
          params: { path: { id: request.id } },
          // a refusal always carries its reason, empty if so (the API then says it is needed); an acceptance one if given
          body: { decision, reason: decision === 'refused' ? reason.trim() : reason.trim() || undefined },
        })
        .catch(() => undefined);
      if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
      if (answer.data) return void queries.invalidateQueries({ queryKey: ['requests'] });
      const refusal = answer.error as Problem | undefined;
      if (!placeFieldErrors(form, refusal)) setProblem(refusalText(answer.response.status, refusal));
    })();
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label={`Décision sur « ${request.title} »`}>
      {problem && <Alert severity="error" small description={problem} className="fr-mb-1w" />}
      <Input
        label="Motif (obligatoire pour un refus)"
        nativeInputProps={form.register('reason')}
        {...fieldState(form, 'reason')}
      />
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <Button size="small" onClick={() => void decide('accepted')}>
          Accepter
        </Button>
        <Button size="small" priority="secondary" onClick={() => void decide('refused')}>
          Refuser
        </Button>
      </div>
    </form>
  );
}

type OpeningFields = Omit<Opening, 'plannedHoursPerPerson' | 'plannedPlaces' | 'trainerCount'> & {
  plannedHoursPerPerson: string;
  plannedPlaces: string;
  trainerCount: string;
};
const TEXTS: [FieldPath<OpeningFields>, string, boolean?][] = [
  ['label', 'Intitulé du module'],
  ['shortLabel', 'Intitulé court (60 caractères au plus)'],
  ['content', 'Contenu', true],
  ['pedagogicalObjective', 'Objectif pédagogique', true],
  ['form', 'Forme (stage, animation, parcours…)'],
  ['targetPublic', 'Public visé'],
  ['pedagogicalOwner', 'Responsable pédagogique'],
  ['plannedOrganisation', 'Organisation prévue (groupes, période, lieux)', true],
];
const NUMBERS: [FieldPath<OpeningFields>, string][] = [
  ['plannedHoursPerPerson', 'Heures prévues par personne'],
  ['plannedPlaces', 'Places prévues'],
  ['trainerCount', 'Nombre de formateurs'],
];
const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.replace(',', '.')));

/** The DFP's form « demande d'ouverture d'un module de formation » (seed 003). */
function OpeningForm({ onFiled }: { onFiled: () => Promise<void> }) {
  const { client } = useSession();
  const [problem, setProblem] = useState<string>();
  const [filed, setFiled] = useState<string>();
  const form = useForm<OpeningFields>({
    defaultValues: {
      label: '',
      shortLabel: '',
      content: '',
      pedagogicalObjective: '',
      form: '',
      modality: 'hybrid',
      moduleType: 'module',
      targetPublic: '',
      pedagogicalOwner: '',
      plannedHoursPerPerson: '',
      plannedPlaces: '',
      trainerCount: '1',
      plannedOrganisation: '',
    },
  });
  const submit = form.handleSubmit(async (fields) => {
    setProblem(undefined);
    setFiled(undefined);
    const body: Opening = {
      ...fields,
      plannedHoursPerPerson: number(fields.plannedHoursPerPerson),
      plannedPlaces: number(fields.plannedPlaces),
      trainerCount: number(fields.trainerCount),
    };
    const answer = await client.POST('/api/v1/requests/module-opening', { body }).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      setFiled(`« ${answer.data.title} » est soumise : l’organisateur de l’académie la décidera.`);
      form.reset();
      return onFiled();
    }
    const refusal = answer.error as Problem | undefined;
    if (!placeFieldErrors(form, refusal)) setProblem(refusalText(answer.response.status, refusal));
  });
  return (
    <Accordion label="Demander l’ouverture d’un module" className="fr-mb-3w">
      <form onSubmit={submit} noValidate aria-label="Demande d’ouverture d’un module" className="fr-mt-2w">
        {problem && <Alert severity="error" title="Demande refusée" description={problem} className="fr-mb-2w" />}
        {filed && <Alert severity="success" small description={filed} className="fr-mb-2w" />}
        {TEXTS.map(([name, label, long]) =>
          long ? (
            <Input
              key={name}
              label={label}
              textArea
              nativeTextAreaProps={form.register(name)}
              {...fieldState(form, name)}
            />
          ) : (
            <Input key={name} label={label} nativeInputProps={form.register(name)} {...fieldState(form, name)} />
          ),
        )}
        <Select label="Modalité" nativeSelectProps={form.register('modality')} {...fieldState(form, 'modality')}>
          <Choices labels={MODALITIES} />
        </Select>
        <Select
          label="Type de module"
          nativeSelectProps={form.register('moduleType')}
          {...fieldState(form, 'moduleType')}
        >
          <Choices labels={KINDS} />
        </Select>
        {NUMBERS.map(([name, label]) => (
          <Input
            key={name}
            label={label}
            nativeInputProps={{ ...form.register(name), inputMode: 'decimal' }}
            {...fieldState(form, name)}
          />
        ))}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Soumettre la demande
        </Button>
      </form>
    </Accordion>
  );
}
