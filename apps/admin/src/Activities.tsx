// The parcours' monitored activities of a session (issue 27, the trainer's space): set (a title a line, required or
// not), each participant's progress ticked, the percentage done beside them; and the académie's facilitator pool,
// who to call on for which concern.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OutcomeAlert, outcomeOf, type Outcome } from './outcome';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

export function Activities({ sessionId }: { sessionId: string }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const path = { params: { path: { sessionId } } };
  const [outcome, setOutcome] = useState<Outcome>();
  const [titles, setTitles] = useState('');
  const overview = useQuery({
    queryKey: ['progress', sessionId],
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/progress', path)).data,
  });
  const pool = useQuery({
    queryKey: ['facilitators'],
    queryFn: async () => (await client.GET('/api/v1/attendance/facilitators')).data ?? [],
  });
  const reload = () => queries.invalidateQueries({ queryKey: ['progress', sessionId] });
  const define = async () => {
    const answer = await client.PUT('/api/v1/attendance/sessions/{sessionId}/activities', {
      ...path,
      body: {
        progressRequired: false,
        activities: [
          ...(overview.data?.activities ?? []).map((a) => ({ id: a.id, title: a.title, required: a.required })),
          ...titles
            .split('\n')
            .map((t) => t.trim())
            .filter(Boolean)
            .map((title) => ({ title, required: false })),
        ],
      },
    });
    setOutcome(outcomeOf(answer, 'Activités enregistrées.'));
    setTitles('');
    await reload();
  };
  const tick = async (registrationId: string, activityId: string, done: boolean) => {
    const answer = await client.POST('/api/v1/attendance/sessions/{sessionId}/progress', {
      ...path,
      body: { entries: [{ registrationId, activityId, done }] },
    });
    setOutcome(outcomeOf(answer, 'Progression notée.'));
    await reload();
  };
  const o = overview.data;
  return (
    <section className="fr-mt-6w" aria-labelledby="activities-title">
      <h2 id="activities-title">Activités suivies</h2>
      <OutcomeAlert outcome={outcome} />
      {o && o.activities.length > 0 && (
        <ScrollableTable
          caption="Progression des participants"
          headers={['Participant', ...o.activities.map((a) => a.title), 'Fait']}
          data={o.participants.map((p) => [
            p.name,
            ...o.activities.map((a) => {
              const done = p.activities.find((x) => x.activityId === a.id)?.state === 'done';
              return (
                <Checkbox
                  key={a.id}
                  small
                  options={[
                    {
                      label: <span className="fr-sr-only">{`${p.name} : ${a.title}`}</span>,
                      nativeInputProps: { checked: done, onChange: () => void tick(p.registrationId, a.id, !done) },
                    },
                  ]}
                />
              );
            }),
            `${p.percentage} %`,
          ])}
        />
      )}
      <Input
        textArea
        label="Ajouter des activités (une par ligne)"
        nativeTextAreaProps={{ value: titles, onChange: (e) => setTitles(e.target.value) }}
      />
      <Button priority="secondary" disabled={!titles.trim()} onClick={() => void define()}>
        Enregistrer les activités
      </Button>
      <h3 className="fr-mt-4w">Vivier de facilitateurs de l’académie</h3>
      {pool.data?.length === 0 && <p>Le vivier est vide.</p>}
      {!!pool.data?.length && (
        <ul>
          {pool.data.map((f) => (
            <li key={f.mail}>{`${f.name} (${f.mail}) : ${f.concerns.join(', ')}`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
