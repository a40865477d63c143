// A module's sessions (issue 26, journey 2): listed by date with their place, seats and state; one scheduled, moved
// or cancelled (with its reason) by those whose routes allow it; the planner's proposal over a period on the
// académie's school calendar, accepted in one action (every session, or none: a refusal names the session and its
// field); the planner's and the calendar's refusals shown next to the field they concern; a session whose émargement
// its trainer closed, reopened with a reason by those whose route allows it (AttendanceClosure.tsx).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { components } from '@forma/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { FieldPath, useForm } from 'react-hook-form';
import { ClosureCell, REOPEN_ROUTE, ReopenForm } from './AttendanceClosure';
import { ReasonForm } from './ReasonForm';
import { ModuleSelect, useModuleSessions } from './choices';
import { frenchDay } from './dates';
import { placeFieldErrors, Problem, refusalText } from './problem';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

const SessionForm = lazy(() => import('./SessionForm').then((m) => ({ default: m.SessionForm })));

type Proposed = components['schemas']['ProposedSession'];
type Session = components['schemas']['SessionResponse'];
type Plan = components['schemas']['PlanResult'];
type Fields = { participants: string; from: string; to: string; trainer: string; placeUai: string; placeLabel: string };

const STATES: Record<string, string> = {
  planned: 'Planifiée',
  open: 'Ouverte',
  full: 'Complète',
  delivered: 'Réalisée',
  cancelled: 'Annulée',
};
const PLAN_ROUTE = 'POST /api/v1/modules/{moduleId}/sessions/plan';

const days = (slots: { date: string }[]) => [...new Set(slots.map((s) => s.date))].map(frenchDay).join(', ');

export function Sessions() {
  const { caller } = useSession();
  const [moduleId, setModuleId] = useState('');
  const sessions = useModuleSessions(moduleId);
  // the form open: a new session ('new') or the session moved
  const [editing, setEditing] = useState<Session | 'new'>();
  const [cancelling, setCancelling] = useState<Session>();
  const [reopening, setReopening] = useState<Session>();
  const [done, setDone] = useState<{ text: string; warnings: string[] }>();
  const mayCreate = may(caller?.role, 'POST /api/v1/modules/{moduleId}/sessions');
  const mayMove = may(caller?.role, 'PATCH /api/v1/sessions/{id}');
  const mayCancel = may(caller?.role, 'POST /api/v1/sessions/{id}/cancel');
  const mayReopen = may(caller?.role, REOPEN_ROUTE);
  const live = (s: Session) => s.status !== 'cancelled' && s.status !== 'delivered';
  const actions = (s: Session) =>
    live(s) && (mayMove || mayCancel) ? (
      <div key="actions" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
        {mayMove && (
          <Button
            size="small"
            priority="secondary"
            nativeButtonProps={{ 'aria-label': `Modifier la session ${s.groupNumber}` }}
            onClick={() => {
              setDone(undefined);
              setCancelling(undefined);
              setEditing(s);
            }}
          >
            Modifier
          </Button>
        )}
        {mayCancel && (
          <Button
            size="small"
            priority="tertiary"
            nativeButtonProps={{ 'aria-label': `Annuler la session ${s.groupNumber}` }}
            onClick={() => {
              setDone(undefined);
              setEditing(undefined);
              setCancelling(s);
            }}
          >
            Annuler
          </Button>
        )}
      </div>
    ) : (
      '—'
    );
  const close = (text: string, warnings: string[] = []) => {
    setEditing(undefined);
    setCancelling(undefined);
    setReopening(undefined);
    setDone({ text, warnings });
  };
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      <ModuleSelect
        value={moduleId}
        onChange={(id) => {
          setModuleId(id);
          setEditing(undefined);
          setCancelling(undefined);
          setDone(undefined);
        }}
      />
      {done && (
        <Alert
          severity={done.warnings.length ? 'warning' : 'success'}
          title={done.text}
          description={done.warnings.length ? `À vérifier : ${done.warnings.join(' ')}` : 'Enregistré.'}
          closable
          onClose={() => setDone(undefined)}
          className="fr-mb-2w"
        />
      )}
      {moduleId && sessions.data && (
        <>
          <p role="status">{sessions.data.length} session(s)</p>
          {sessions.data.length > 0 && (
            <ScrollableTable
              caption="Sessions du module"
              headers={[
                'Groupe',
                'Dates',
                'Lieu',
                'Places',
                'État',
                'Avertissements',
                ...(mayReopen ? ['Émargement'] : []),
                ...(mayMove || mayCancel ? ['Actions'] : []),
              ]}
              data={sessions.data.map((s) => [
                s.groupNumber,
                days(s.slots),
                s.placeLabel ?? s.placeUai ?? '—',
                String(s.capacity),
                s.status === 'cancelled' && s.cancelReason
                  ? `${STATES.cancelled} : ${s.cancelReason}`
                  : (STATES[s.status] ?? s.status),
                s.warnings.map((w) => w.message).join(' ') || '—',
                ...(mayReopen
                  ? [
                      s.status === 'cancelled' ? (
                        '—'
                      ) : (
                        <ClosureCell
                          key="closure"
                          sessionId={s.id}
                          group={s.groupNumber}
                          onReopen={() => {
                            setDone(undefined);
                            setEditing(undefined);
                            setCancelling(undefined);
                            setReopening(s);
                          }}
                        />
                      ),
                    ]
                  : []),
                ...(mayMove || mayCancel ? [actions(s)] : []),
              ])}
            />
          )}
          {mayCreate && !editing && (
            <Button
              priority="secondary"
              className="fr-mt-2w"
              onClick={() => {
                setDone(undefined);
                setCancelling(undefined);
                setEditing('new');
              }}
            >
              Nouvelle session
            </Button>
          )}
          {editing && (
            <Suspense fallback={<p role="status">Chargement du formulaire…</p>}>
              <SessionForm
                key={editing === 'new' ? 'new' : `${editing.id}-${editing.rowVersion}`}
                moduleId={moduleId}
                session={editing === 'new' ? undefined : editing}
                onCancel={() => setEditing(undefined)}
                onDone={(warnings) =>
                  close(editing === 'new' ? 'Session créée.' : `Session ${editing.groupNumber} modifiée.`, warnings)
                }
              />
            </Suspense>
          )}
          {reopening && (
            <ReopenForm
              session={{ id: reopening.id, groupNumber: reopening.groupNumber, dates: days(reopening.slots) }}
              onCancel={() => setReopening(undefined)}
              onDone={() => close(`Émargement de la session ${reopening.groupNumber} rouvert.`)}
            />
          )}
          {cancelling && (
            <CancelSession
              session={cancelling}
              onCancel={() => setCancelling(undefined)}
              onDone={() => close(`Session ${cancelling.groupNumber} annulée.`)}
            />
          )}
          {may(caller?.role, PLAN_ROUTE) && <Planner moduleId={moduleId} />}
        </>
      )}
    </section>
  );
}

/** A session cancelled with its reason (SessionCancelled): the registered are told by the services that follow it. */
function CancelSession({ session, onDone, onCancel }: { session: Session; onDone: () => void; onCancel: () => void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  return (
    <ReasonForm
      texts={{
        title: `Annuler la session ${session.groupNumber} (${days(session.slots)})`,
        explanation:
          'Les personnes inscrites sont prévenues ; la session reste dans la liste, annulée, avec son motif.',
        label: 'Motif de l’annulation',
        confirm: 'Annuler la session',
        keep: 'Garder la session',
        refused: 'Session non annulée',
      }}
      send={(reason) =>
        client.POST('/api/v1/sessions/{id}/cancel', { params: { path: { id: session.id } }, body: { reason } })
      }
      onDone={async () => {
        await queries.invalidateQueries({ queryKey: ['sessions', session.moduleId] });
        onDone();
      }}
      onCancel={onCancel}
    />
  );
}

/** The planner's proposal for the chosen module, then the plan accepted in one call. */
function Planner({ moduleId }: { moduleId: string }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [plan, setPlan] = useState<Plan>();
  const [problem, setProblem] = useState<string>();
  const [accepted, setAccepted] = useState<number>();
  const form = useForm<Fields>({
    defaultValues: { participants: '12', from: '', to: '', trainer: '', placeUai: '', placeLabel: '' },
  });
  const error = (name: FieldPath<Fields>) => form.formState.errors[name]?.message;
  const state = (name: FieldPath<Fields>) =>
    error(name) ? { state: 'error' as const, stateRelatedMessage: error(name) } : {};
  // the planner's fields as the API names them, mapped to this form's
  const rename = (field: string) =>
    ({ participants: 'participants', from: 'from', to: 'to' })[field] ??
    (field.startsWith('trainers') ? 'trainer' : field.startsWith('places') ? 'placeUai' : undefined);

  const propose = form.handleSubmit(async (fields) => {
    setProblem(undefined);
    setPlan(undefined);
    setAccepted(undefined);
    const answer = await client
      .POST('/api/v1/planner/proposals', {
        body: {
          moduleId,
          participants: Number(fields.participants),
          from: fields.from,
          to: fields.to,
          trainers: [{ name: fields.trainer.trim() }],
          places: [{ uai: fields.placeUai.trim() || undefined, label: fields.placeLabel.trim() || fields.placeUai }],
        },
      })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data?.feasible === false) {
      // the calendar's reasons, next to the field each concerns (the period's end, the trainers…); the rest above
      const reasons = { errors: answer.data.reasons.map((r) => ({ field: r.field ?? '', message: r.message })) };
      const unplaced = answer.data.reasons.filter((r) => !r.field || !rename(r.field));
      placeFieldErrors(form, reasons, rename);
      if (unplaced.length) setProblem(unplaced.map((r) => r.message).join(' '));
      return;
    }
    if (answer.data) return setPlan(answer.data);
    const refusal = answer.error as Problem | undefined;
    if (!placeFieldErrors(form, refusal, rename)) setProblem(refusalText(answer.response.status, refusal));
  });

  const accept = async (sessions: Proposed[]) => {
    setProblem(undefined);
    const answer = await client
      .POST('/api/v1/modules/{moduleId}/sessions/plan', {
        params: { path: { moduleId } },
        body: {
          sessions: sessions.map((s) => ({
            slots: s.slots,
            placeUai: s.place?.uai ?? undefined,
            placeLabel: s.place?.label,
            capacity: s.participants,
            trainers: s.trainers.map((name) => ({ name, role: 'trainer' as const })),
            distanceEndsOn: s.distanceEndsOn ?? undefined,
          })),
        },
      })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : le plan est gardé, réessayez.');
    if (!answer.data) return setProblem(refusalText(answer.response.status, answer.error as Problem | undefined));
    setAccepted(answer.data.length);
    setPlan(undefined);
    await queries.invalidateQueries({ queryKey: ['sessions', moduleId] });
  };

  return (
    <div className="fr-mt-4w">
      <form onSubmit={propose} noValidate aria-labelledby="planner-title">
        <h2 id="planner-title">Planifier des sessions</h2>
        <p>Le planificateur place les sessions sur les jours de classe de votre zone, hors vacances et jours fériés.</p>
        {problem && <Alert severity="error" title="Plan refusé" description={problem} className="fr-mb-3w" />}
        {accepted !== undefined && (
          <Alert
            severity="success"
            title="Plan accepté"
            description={`${accepted} session(s) planifiée(s).`}
            className="fr-mb-3w"
          />
        )}
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Participants"
              nativeInputProps={{ ...form.register('participants'), inputMode: 'numeric' }}
              {...state('participants')}
            />
          </div>
          <div className="fr-col-6 fr-col-md-4">
            <Input label="Du" nativeInputProps={{ ...form.register('from'), type: 'date' }} {...state('from')} />
          </div>
          <div className="fr-col-6 fr-col-md-4">
            <Input label="Au" nativeInputProps={{ ...form.register('to'), type: 'date' }} {...state('to')} />
          </div>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Formateur ou formatrice" nativeInputProps={form.register('trainer')} {...state('trainer')} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Lieu (UAI)"
              hintText="Par exemple 0441234A"
              nativeInputProps={form.register('placeUai')}
              {...state('placeUai')}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Nom du lieu" nativeInputProps={form.register('placeLabel')} {...state('placeLabel')} />
          </div>
        </div>
        <Button type="submit" className="fr-mt-2w" disabled={form.formState.isSubmitting}>
          Proposer un plan
        </Button>
      </form>
      {plan?.feasible && (
        <div className="fr-mt-3w">
          <ScrollableTable
            caption={`Plan proposé (${plan.sessionCount} session(s))`}
            headers={['Session', 'Dates', 'Lieu', 'Participants', 'Formateurs']}
            data={plan.sessions.map((s, i) => [
              String(i + 1),
              days(s.slots),
              s.place?.label ?? '—',
              String(s.participants),
              s.trainers.join(', '),
            ])}
          />
          {plan.notes.length > 0 && <p>{plan.notes.join(' ')}</p>}
          <Button onClick={() => void accept(plan.sessions)}>Accepter le plan ({plan.sessionCount} session(s))</Button>
        </div>
      )}
    </div>
  );
}
