// The anonymous evaluation of a session, as a participant answers it (issue 27): one answer from 1 to 4 per question.
// Nothing in the page or the answer names the person: the body holds the answers only; the service keeps that the
// person answered (once) apart from what they answered, and shows results only from five answers.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from './session';
import { OutcomeAlert, outcomeOf } from './outcome';

export function EvaluationForm({ sessionId, title }: { sessionId: string; title: string }) {
  const { client } = useSession();
  const path = { params: { path: { sessionId } } };
  const questionnaire = useQuery({
    queryKey: ['evaluation', sessionId],
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/evaluation', path)).data ?? null,
  });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const q = questionnaire.data;
  if (questionnaire.isPending) return <p role="status">Chargement de l’évaluation…</p>;
  if (!q || q.closed)
    return (
      <Alert severity="info" small description="Aucune évaluation ouverte pour cette formation." className="fr-my-2w" />
    );
  const send = async () => {
    const answer = await client.POST('/api/v1/attendance/sessions/{sessionId}/evaluation/answers', {
      ...path,
      // the document types `answers` as a free object (one key per question): its values, 1 to 4, go as they are
      body: { answers: answers as unknown as Record<string, never> },
    });
    setOutcome(outcomeOf(answer, 'Merci : votre réponse est enregistrée, sans votre nom.'));
  };
  return (
    <form
      className="fr-my-3w"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3>{`Évaluer « ${title} »`}</h3>
      <p className="fr-text--sm">Anonyme : votre nom n’est pas gardé avec vos réponses.</p>
      {q.items.map((item) => (
        <RadioButtons
          key={item.key}
          legend={item.label}
          orientation="horizontal"
          options={q.scale.map((label, i) => ({
            label,
            nativeInputProps: {
              checked: answers[item.key] === i + 1,
              onChange: () => setAnswers({ ...answers, [item.key]: i + 1 }),
            },
          }))}
        />
      ))}
      <OutcomeAlert outcome={outcome} />
      {!outcome?.ok && (
        <Button type="submit" disabled={Object.keys(answers).length < q.items.length}>
          Envoyer mes réponses
        </Button>
      )}
    </form>
  );
}
