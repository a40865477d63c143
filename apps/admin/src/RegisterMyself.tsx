// Registering oneself (issue 27, the participant's space): a session of the académie's offer chosen by its module,
// then a request in one's own name — the mail is the token's, never typed; the organisers decide (« Demandée »).
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { OutcomeAlert, outcomeOf, type Outcome } from './outcome';
import { SessionPicker } from './SessionPicker';
import { useSession } from './session';

export function RegisterMyself({ onRegistered }: { onRegistered: () => void }) {
  const { client, caller } = useSession();
  const [sessionId, setSessionId] = useState('');
  const [lastName, setLastName] = useState('');
  const [firstName, setFirstName] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const ask = async () => {
    const answer = await client.POST('/api/v1/registrations', {
      body: {
        sessionId,
        kind: 'individual',
        person: { mail: caller?.mail ?? '', lastName: lastName.trim(), firstName: firstName.trim() || undefined },
      },
    });
    setOutcome(outcomeOf(answer, 'Demande d’inscription envoyée : l’organisateur la traitera.'));
    if (answer.data) onRegistered();
  };
  return (
    <form
      className="fr-mt-3w"
      onSubmit={(e) => {
        e.preventDefault();
        void ask();
      }}
    >
      <h2>M’inscrire à une session</h2>
      <SessionPicker sessionId={sessionId} onChange={setSessionId} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Nom" nativeInputProps={{ value: lastName, onChange: (e) => setLastName(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Prénom"
            nativeInputProps={{ value: firstName, onChange: (e) => setFirstName(e.target.value) }}
          />
        </div>
      </div>
      <p className="fr-text--sm">{`Adresse électronique : ${caller?.mail ?? '—'} (celle de votre compte).`}</p>
      <OutcomeAlert outcome={outcome} />
      <Button type="submit" disabled={!sessionId || !lastName.trim() || !caller?.mail}>
        Demander mon inscription
      </Button>
    </form>
  );
}
