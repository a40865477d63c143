// Hot and cold impressions (issue 27): a participant says in a few words how the training went, at its end (hot) and
// a week into the practice (cold); the session's trainers read them, named. The API says when each may be given.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState } from 'react';
import { useSession } from './session';
import { OutcomeAlert, outcomeOf } from './outcome';

export const MOMENTS = { hot: 'À chaud (fin de formation)', cold: 'À froid (après une semaine de pratique)' } as const;

export function ImpressionForm({ sessionId, title }: { sessionId: string; title: string }) {
  const { client } = useSession();
  const [moment, setMoment] = useState<'hot' | 'cold'>('hot');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const send = async () => {
    const answer = await client.POST('/api/v1/attendance/sessions/{sessionId}/feedback', {
      params: { path: { sessionId } },
      body: { moment, text: text.trim() },
    });
    setOutcome(outcomeOf(answer, 'Merci : votre impression est transmise aux formateurs.'));
  };
  return (
    <form
      className="fr-my-3w"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3>{`Mon impression sur « ${title} »`}</h3>
      <RadioButtons
        legend="Moment"
        orientation="horizontal"
        options={(Object.entries(MOMENTS) as ['hot' | 'cold', string][]).map(([value, label]) => ({
          label,
          nativeInputProps: { checked: moment === value, onChange: () => setMoment(value) },
        }))}
      />
      <Input
        textArea
        label="En quelques mots"
        nativeTextAreaProps={{ value: text, maxLength: 2000, onChange: (e) => setText(e.target.value) }}
      />
      <OutcomeAlert outcome={outcome} />
      <Button type="submit" disabled={!text.trim()}>
        Envoyer mon impression
      </Button>
    </form>
  );
}
