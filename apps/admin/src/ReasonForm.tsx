// A form that asks a reason before an action the API keeps with it (a session cancelled, an émargement reopened):
// the reason sent, the API's refusal said under the field when it is the reason's, above the form otherwise, and the
// reason kept when the service does not answer.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useId, useState } from 'react';
import { Problem, refusalText } from './problem';

export interface ReasonFormTexts {
  title: string;
  explanation: string;
  label: string;
  confirm: string;
  keep: string;
  /** The alert's title when the API refuses (« Session non annulée »). */
  refused: string;
}

export function ReasonForm({
  texts,
  send,
  onDone,
  onCancel,
}: {
  texts: ReasonFormTexts;
  send: (reason: string) => Promise<{ error?: unknown; response: Response }>;
  onDone: () => Promise<void> | void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field?: string; text: string }>();
  const submit = async () => {
    setProblem(undefined);
    const answer = await send(reason).catch(() => undefined);
    if (!answer) return setProblem({ text: 'Le service ne répond pas : le motif est gardé, réessayez.' });
    if (answer.response.ok) return onDone();
    const refusal = answer.error as Problem | undefined;
    const onReason = refusal?.errors?.find((e) => e.field === 'reason');
    setProblem(
      onReason
        ? { field: 'reason', text: onReason.message.replace(/^reason : /, '') }
        : { text: refusalText(answer.response.status, refusal) },
    );
  };
  return (
    <form
      className="fr-mt-4w"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={titleId}>{texts.title}</h2>
      <p>{texts.explanation}</p>
      {problem && !problem.field && (
        <Alert severity="error" title={texts.refused} description={problem.text} className="fr-mb-2w" />
      )}
      <Input
        label={texts.label}
        textArea
        nativeTextAreaProps={{ value: reason, onChange: (e) => setReason(e.target.value), rows: 2 }}
        {...(problem?.field ? { state: 'error' as const, stateRelatedMessage: problem.text } : {})}
      />
      <div className="fr-btns-group fr-btns-group--inline-md">
        <Button type="submit">{texts.confirm}</Button>
        <Button type="button" priority="secondary" onClick={onCancel}>
          {texts.keep}
        </Button>
      </div>
    </form>
  );
}
