// What the app says of a refusal or a failure: the API's French detail (problem+json), a 403 saying what the role may
// not do, a 401 asking to sign in again, a network failure offering to retry (the form is kept in every case).
import { ApiRefusal } from '@forma/api-client';
import { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';

export type Problem = { code?: string; detail?: string; errors?: { field: string; message: string }[] };

export function problemText(error: unknown): string {
  if (error instanceof ApiRefusal) return refusalText(error.status, error.problem);
  if (error instanceof TypeError) return 'Le service ne répond pas : votre saisie est gardée, réessayez.';
  return error instanceof Error ? error.message : String(error);
}

export function refusalText(status: number, problem: Problem | undefined): string {
  if (status === 401) return 'Votre session a expiré : reconnectez-vous, votre saisie est gardée.';
  if (status === 403) return `Votre rôle ne permet pas cette action. ${problem?.detail ?? ''}`.trim();
  return problem?.detail ?? `Refusé (${status}).`;
}

/** The API's field names (`lines[1].profile`) as a form's (`lines.1.profile`). */
export const formField = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/**
 * Puts a refusal's field errors next to the form's fields (a message next to its field need not name it again:
 * « durations.faceToFaceHours : est trop grand » reads « est trop grand »); `rename` maps an API field to the form's.
 * Answers whether any was placed: the others go to an alert.
 */
export function placeFieldErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  problem: Problem | undefined,
  rename: (field: string) => string | undefined = (field) => field,
): boolean {
  const known = new Set(Object.keys(form.getValues()));
  let placed = false;
  for (const error of problem?.errors ?? []) {
    const field = rename(error.field);
    if (!field || !known.has(field.split('.')[0])) continue;
    form.setError(field as FieldPath<T>, { message: error.message.replace(/^[\w.[\]]+ : /, '') });
    placed = true;
  }
  return placed;
}

/** A field's error as the design system's inputs show it (`state`, `stateRelatedMessage`), nothing when it has none. */
export function fieldState<T extends FieldValues>(
  form: UseFormReturn<T>,
  name: FieldPath<T>,
): { state?: 'error'; stateRelatedMessage?: string } {
  const found = name
    .split('.')
    .reduce<unknown>((e, k) => (e as Record<string, unknown> | undefined)?.[k], form.formState.errors);
  const message = (found as { message?: string } | undefined)?.message;
  return message ? { state: 'error', stateRelatedMessage: message } : {};
}
