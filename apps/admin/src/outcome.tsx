// What a step's answer says to the person who took it: done (in the page's words) or refused (the API's French
// detail, problem.ts), announced to screen readers where it appears (aria-live).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { type Problem, refusalText } from './problem';

export interface Outcome {
  ok: boolean;
  text: string;
}

/** A typed client's answer as an outcome: `done` when it succeeded, the refusal's French text otherwise. */
export function outcomeOf(answer: { error?: unknown; response: Response }, done: string): Outcome {
  return answer.error || !answer.response.ok
    ? { ok: false, text: refusalText(answer.response.status, answer.error as Problem | undefined) }
    : { ok: true, text: done };
}

export function OutcomeAlert({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <div aria-live="polite">
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} small description={outcome.text} className="fr-my-2w" />
      )}
    </div>
  );
}
