// A session of a module, scheduled or moved (issue 26, journey 2): its half-days (date, hours, in person or virtual
// class), its place (a UAI of the reference, or a name and an address), its capacity and its trainers. The school
// calendar's refusals are shown next to the slot and field they name (`slots[1].date`); advice the API only warns
// about is shown once saved. A move is sent with the version read (If-Match): a concurrent write is said, the form kept.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FieldPath, useFieldArray, useForm } from 'react-hook-form';
import { Choices } from './choices';
import { fieldState, formField, placeFieldErrors, Problem, refusalText } from './problem';
import { useSession } from './session';

type Session = components['schemas']['SessionResponse'];
type Slot = components['schemas']['SlotDto'];
type Trainer = { name: string; mail: string; role: 'trainer' | 'tutor' };
type Fields = {
  label: string;
  slots: Slot[];
  placeUai: string;
  placeLabel: string;
  placeAddress: string;
  capacity: string;
  trainers: Trainer[];
};

const SLOT_KINDS: Record<Slot['kind'], string> = { 'face-to-face': 'En présence', 'virtual-class': 'Classe virtuelle' };
const TRAINER_ROLES: Record<Trainer['role'], string> = { trainer: 'Formateur', tutor: 'Tuteur' };
const EMPTY_SLOT: Slot = { date: '', start: '09:00', end: '12:00', kind: 'face-to-face' };
const EMPTY_TRAINER: Trainer = { name: '', mail: '', role: 'trainer' };

function fieldsOf(session: Session | undefined): Fields {
  if (!session)
    return {
      label: '',
      slots: [EMPTY_SLOT],
      placeUai: '',
      placeLabel: '',
      placeAddress: '',
      capacity: '',
      trainers: [EMPTY_TRAINER],
    };
  return {
    label: session.label ?? '',
    slots: session.slots.map((s) => ({ ...s })),
    placeUai: session.placeUai ?? '',
    placeLabel: session.placeLabel ?? '',
    placeAddress: session.placeAddress ?? '',
    capacity: String(session.capacity),
    trainers: session.trainers.map((t) => ({ name: t.name, mail: t.mail ?? '', role: t.role })),
  };
}

/** `session` moved, or a new session of `moduleId`; `onDone` gets the API's warnings (advice not followed). */
export function SessionForm({
  moduleId,
  session,
  onDone,
  onCancel,
}: {
  moduleId: string;
  session?: Session;
  onDone: (warnings: string[]) => void;
  onCancel: () => void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const form = useForm<Fields>({ defaultValues: fieldsOf(session) });
  const slots = useFieldArray({ control: form.control, name: 'slots' });
  const trainers = useFieldArray({ control: form.control, name: 'trainers' });
  const state = (name: FieldPath<Fields>) => fieldState(form, name);

  const submit = form.handleSubmit(async (fields) => {
    setProblem(undefined);
    const body = {
      label: fields.label.trim() || undefined,
      slots: fields.slots,
      placeUai: fields.placeUai.trim() || undefined,
      placeLabel: fields.placeLabel.trim() || undefined,
      placeAddress: fields.placeAddress.trim() || undefined,
      capacity: /^\s*\d+\s*$/.test(fields.capacity) ? Number(fields.capacity) : Number.NaN,
      trainers: fields.trainers.map((t) => ({ name: t.name.trim(), mail: t.mail.trim() || undefined, role: t.role })),
    };
    const answer = await (
      session
        ? client.PATCH('/api/v1/sessions/{id}', {
            params: { path: { id: session.id }, header: { 'If-Match': `"${session.rowVersion}"` } },
            body,
          })
        : client.POST('/api/v1/modules/{moduleId}/sessions', { params: { path: { moduleId } }, body })
    ).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      await queries.invalidateQueries({ queryKey: ['sessions', moduleId] });
      return onDone(answer.data.warnings.map((w) => w.message));
    }
    const refusal = answer.error as Problem | undefined;
    const stale =
      answer.response.status === 409 ? ' Rechargez la liste des sessions pour repartir de la version enregistrée.' : '';
    // the calendar's refusals by slot (`slots[1].date`); a refusal of the slots as a whole goes to the alert
    const placed = placeFieldErrors(form, refusal, (field) =>
      field === 'slots' ? undefined : field === 'trainers' ? 'trainers.root' : formField(field),
    );
    const rest = (refusal?.errors ?? [])
      .filter((e) => e.field === 'slots')
      .map((e) => e.message.replace(/^slots : /, ''));
    if (!placed || rest.length)
      setProblem([rest.join(' ') || refusalText(answer.response.status, refusal), stale].join('').trim());
  });

  const trainersProblem = form.formState.errors.trainers?.root?.message;
  const heading = session ? `Modifier la session ${session.groupNumber}` : 'Nouvelle session';
  return (
    <form onSubmit={submit} noValidate aria-labelledby="session-form-title" className="fr-mt-4w">
      <h2 id="session-form-title">{heading}</h2>
      {problem && (
        <Alert
          severity="error"
          title={session ? 'Session non modifiée' : 'Session non créée'}
          description={problem}
          className="fr-mb-3w"
        />
      )}
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label="Intitulé du groupe (facultatif)"
            nativeInputProps={form.register('label')}
            {...state('label')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Places"
            nativeInputProps={{ ...form.register('capacity'), inputMode: 'numeric' }}
            {...state('capacity')}
          />
        </div>
      </div>
      {slots.fields.map((field, i) => (
        <fieldset key={field.id} className="fr-fieldset" aria-labelledby={`slot-${i}`}>
          <legend id={`slot-${i}`} className="fr-fieldset__legend fr-text--md">{`Demi-journée ${i + 1}`}</legend>
          <div className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-3">
                <Input
                  label="Date"
                  nativeInputProps={{ ...form.register(`slots.${i}.date`), type: 'date' }}
                  {...state(`slots.${i}.date`)}
                />
              </div>
              <div className="fr-col-6 fr-col-md-2">
                <Input
                  label="Début"
                  nativeInputProps={{ ...form.register(`slots.${i}.start`), type: 'time' }}
                  {...state(`slots.${i}.start`)}
                />
              </div>
              <div className="fr-col-6 fr-col-md-2">
                <Input
                  label="Fin"
                  nativeInputProps={{ ...form.register(`slots.${i}.end`), type: 'time' }}
                  {...state(`slots.${i}.end`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Select
                  label="Forme"
                  nativeSelectProps={form.register(`slots.${i}.kind`)}
                  {...state(`slots.${i}.kind`)}
                >
                  <Choices labels={SLOT_KINDS} />
                </Select>
              </div>
              {slots.fields.length > 1 && (
                <div className="fr-col-12 fr-col-md-2">
                  <Button type="button" priority="tertiary" size="small" onClick={() => slots.remove(i)}>
                    {`Retirer la demi-journée ${i + 1}`}
                  </Button>
                </div>
              )}
            </div>
          </div>
        </fieldset>
      ))}
      <Button
        type="button"
        priority="secondary"
        size="small"
        className="fr-mb-3w"
        onClick={() => slots.append(EMPTY_SLOT)}
      >
        Ajouter une demi-journée
      </Button>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-3">
          <Input
            label="Lieu (UAI, facultatif)"
            hintText="Par exemple 0441234A"
            nativeInputProps={form.register('placeUai')}
            {...state('placeUai')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Nom du lieu" nativeInputProps={form.register('placeLabel')} {...state('placeLabel')} />
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <Input label="Adresse du lieu" nativeInputProps={form.register('placeAddress')} {...state('placeAddress')} />
        </div>
      </div>
      {trainers.fields.map((field, i) => (
        <fieldset key={field.id} className="fr-fieldset" aria-labelledby={`trainer-${i}`}>
          <legend id={`trainer-${i}`} className="fr-fieldset__legend fr-text--md">{`Intervenant ${i + 1}`}</legend>
          <div className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label="Nom"
                  nativeInputProps={form.register(`trainers.${i}.name`)}
                  {...state(`trainers.${i}.name`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label="Adresse électronique (facultative)"
                  nativeInputProps={{ ...form.register(`trainers.${i}.mail`), type: 'email' }}
                  {...state(`trainers.${i}.mail`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-2">
                <Select
                  label="Rôle"
                  nativeSelectProps={form.register(`trainers.${i}.role`)}
                  {...state(`trainers.${i}.role`)}
                >
                  <Choices labels={TRAINER_ROLES} />
                </Select>
              </div>
              {trainers.fields.length > 1 && (
                <div className="fr-col-12 fr-col-md-2">
                  <Button type="button" priority="tertiary" size="small" onClick={() => trainers.remove(i)}>
                    {`Retirer l’intervenant ${i + 1}`}
                  </Button>
                </div>
              )}
            </div>
          </div>
        </fieldset>
      ))}
      {trainersProblem && <p className="fr-error-text">{trainersProblem}</p>}
      <Button
        type="button"
        priority="secondary"
        size="small"
        className="fr-mb-3w"
        onClick={() => trainers.append(EMPTY_TRAINER)}
      >
        Ajouter un intervenant
      </Button>
      <div className="fr-btns-group fr-btns-group--inline-md">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {session ? 'Enregistrer la session' : 'Créer la session'}
        </Button>
        <Button type="button" priority="secondary" onClick={onCancel}>
          Fermer
        </Button>
      </div>
    </form>
  );
}
