import { ApiRefusal } from '@forma/api-client';
import { act, renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { fieldState, formField, placeFieldErrors, problemText, refusalText } from './problem';

describe('placeFieldErrors', () => {
  const form = () =>
    renderHook(() => useForm({ defaultValues: { title: '', durations: { faceToFaceHours: '3' }, trainer: '' } }))
      .result;

  it('puts each field error next to its field, without the field’s name again', () => {
    const result = form();
    let placed = false;
    act(() => {
      placed = placeFieldErrors(result.current, {
        errors: [{ field: 'durations.faceToFaceHours', message: 'durations.faceToFaceHours : est trop grand' }],
      });
    });
    expect(placed).toBe(true);
    expect(result.current.getFieldState('durations.faceToFaceHours').error?.message).toBe('est trop grand');
  });

  it('leaves what the form has no field for to the alert (answers false)', () => {
    const result = form();
    let placed = true;
    act(() => {
      placed = placeFieldErrors(result.current, { errors: [{ field: 'moduleId', message: 'moduleId : inconnu' }] });
    });
    expect(placed).toBe(false);
    expect(result.current.getFieldState('title').error).toBeUndefined();
  });

  it('maps the API’s field to the form’s (the planner’s trainers[0].name to « trainer »)', () => {
    const result = form();
    act(() => {
      placeFieldErrors(
        result.current,
        { errors: [{ field: 'trainers[0].name', message: 'trainers[0].name : champ obligatoire' }] },
        (field) => (field.startsWith('trainers') ? 'trainer' : undefined),
      );
    });
    expect(result.current.getFieldState('trainer').error?.message).toBe('champ obligatoire');
  });
});

describe('what a refusal says', () => {
  it('asks to sign in again on 401, says the role on 403, else the API’s own words', () => {
    expect(refusalText(401, undefined)).toMatch(/^Votre session a expiré/);
    expect(refusalText(403, { detail: 'Accès refusé : rôle dafpen-admin.' })).toBe(
      'Votre rôle ne permet pas cette action. Accès refusé : rôle dafpen-admin.',
    );
    expect(refusalText(422, { detail: 'La fin de la période précède son début.' })).toBe(
      'La fin de la période précède son début.',
    );
    expect(refusalText(500, undefined)).toBe('Refusé (500).');
  });

  it('keeps the form on a network failure, and reads a job’s refusal', () => {
    expect(problemText(new TypeError('Failed to fetch'))).toMatch(/votre saisie est gardée, réessayez/);
    expect(problemText(new ApiRefusal(403, { detail: 'Hors périmètre.' }))).toBe(
      'Votre rôle ne permet pas cette action. Hors périmètre.',
    );
  });
});

describe('a refusal naming a line of a list', () => {
  it('goes to that line, and to the field of that line it names', () => {
    // a form reads its errors as it renders (fieldState), which is what subscribes it to them
    const { result } = renderHook(() => {
      const form = useForm({
        defaultValues: { startsOn: '', lines: [{ profile: 'teacher' }, { profile: 'teacher' }] },
      });
      void form.formState.errors;
      return form;
    });
    act(() => {
      placeFieldErrors(
        result.current,
        {
          errors: [
            { field: 'lines[1]', message: 'lines[1] : ligne donnée deux fois' },
            { field: 'lines[0].profile', message: 'lines[0].profile : public non visé par le module' },
          ],
        },
        formField,
      );
    });
    expect(fieldState(result.current, 'lines.1')).toEqual({
      state: 'error',
      stateRelatedMessage: 'ligne donnée deux fois',
    });
    expect(fieldState(result.current, 'lines.0.profile').stateRelatedMessage).toBe('public non visé par le module');
    expect(fieldState(result.current, 'lines.0')).toEqual({});
    expect(fieldState(result.current, 'startsOn')).toEqual({});
  });
});
