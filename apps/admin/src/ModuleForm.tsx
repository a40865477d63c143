// Creating a module of the offer: the fields of the catalogue's module (seeds 000 and 001), checked by the API, whose
// French messages are shown next to the field they name (problem+json `errors`); anything else in an alert. Nothing
// typed is lost on a refusal: the form keeps it.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FieldPath, useForm } from 'react-hook-form';
import { CATEGORIES, KINDS, MODALITIES, ORIGINS, PROFILES } from './labels';
import { fieldState, placeFieldErrors, Problem, refusalText } from './problem';
import { useSession } from './session';

type ModuleRequest = components['schemas']['CreateModuleRequest'];
type Fields = Omit<ModuleRequest, 'durations' | 'maxParticipantsPerSession'> & {
  durations: { faceToFaceHours: string; distanceSynchronousHours: string; distanceAsynchronousHours: string };
  maxParticipantsPerSession: string;
};

const hours = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.replace(',', '.')));

export function ModuleForm({ onCreated }: { onCreated: (title: string) => void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const form = useForm<Fields>({
    defaultValues: {
      title: '',
      kind: 'module',
      category: 'pedagogical-use-1',
      modality: 'face-to-face',
      origin: 'academie',
      status: 'published',
      targetProfiles: ['teacher'],
      durations: { faceToFaceHours: '3', distanceSynchronousHours: '0', distanceAsynchronousHours: '0' },
      maxParticipantsPerSession: '',
    },
  });
  const { isSubmitting } = form.formState;
  const state = (name: FieldPath<Fields>) => fieldState(form, name);

  const submit = form.handleSubmit(async (fields) => {
    setProblem(undefined);
    const body: ModuleRequest = {
      ...fields,
      durations: {
        faceToFaceHours: hours(fields.durations.faceToFaceHours),
        distanceSynchronousHours: hours(fields.durations.distanceSynchronousHours),
        distanceAsynchronousHours: hours(fields.durations.distanceAsynchronousHours),
      },
      maxParticipantsPerSession: fields.maxParticipantsPerSession
        ? Number(fields.maxParticipantsPerSession)
        : undefined,
      shortTitle: fields.shortTitle || undefined,
    };
    const answer = await client.POST('/api/v1/modules', { body }).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      await queries.invalidateQueries({ queryKey: ['offer'] });
      return onCreated(answer.data.title);
    }
    const refusal = answer.error as Problem | undefined;
    if (!placeFieldErrors(form, refusal)) setProblem(refusalText(answer.response.status, refusal));
  });

  const options = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => (
      <option key={value} value={value}>
        {label}
      </option>
    ));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="module-form-title">
      <h1 id="module-form-title">Nouveau module</h1>
      {problem && <Alert severity="error" title="Module non créé" description={problem} className="fr-mb-3w" />}
      <Input label="Titre" nativeInputProps={form.register('title')} {...state('title')} />
      <Input label="Titre court (facultatif)" nativeInputProps={form.register('shortTitle')} {...state('shortTitle')} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Nature" nativeSelectProps={form.register('kind')} {...state('kind')}>
            {options(KINDS)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Catégorie" nativeSelectProps={form.register('category')} {...state('category')}>
            {options(CATEGORIES)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Modalité" nativeSelectProps={form.register('modality')} {...state('modality')}>
            {options(MODALITIES)}
          </Select>
        </div>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        {(
          [
            ['durations.faceToFaceHours', 'Heures en présence'],
            ['durations.distanceSynchronousHours', 'Heures à distance (classe virtuelle)'],
            ['durations.distanceAsynchronousHours', 'Heures à distance (en autonomie)'],
          ] as const
        ).map(([name, label]) => (
          <div key={name} className="fr-col-12 fr-col-md-4">
            <Input label={label} nativeInputProps={{ ...form.register(name), inputMode: 'decimal' }} {...state(name)} />
          </div>
        ))}
      </div>
      <Input
        label="Participants au plus par session (facultatif)"
        nativeInputProps={{ ...form.register('maxParticipantsPerSession'), inputMode: 'numeric' }}
        {...state('maxParticipantsPerSession')}
      />
      <Checkbox
        legend="Publics visés"
        orientation="horizontal"
        options={Object.entries(PROFILES).map(([value, label]) => ({
          label,
          nativeInputProps: { ...form.register('targetProfiles'), value },
        }))}
        {...state('targetProfiles')}
      />
      <Select label="Origine" nativeSelectProps={form.register('origin')} {...state('origin')}>
        {options(ORIGINS)}
      </Select>
      <RadioButtons
        legend="État"
        orientation="horizontal"
        options={[
          { label: 'Publié dans l’offre', nativeInputProps: { ...form.register('status'), value: 'published' } },
          { label: 'Brouillon', nativeInputProps: { ...form.register('status'), value: 'draft' } },
        ]}
      />
      <Button type="submit" disabled={isSubmitting}>
        Créer le module
      </Button>
    </form>
  );
}
