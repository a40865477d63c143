// A convention's plan (issue 27, remuneration): the formateurs accompagnateurs (name, mail, grade for the HSE rate,
// engagement) and the plan's lines (in person or online, date, duration, audience, headcount, trainer, the session it
// belongs to). Created by a school head for their school (or the DAFPEN for a school); the API's refusals are shown
// next to the field they name (« lines[0].trainerMail »).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { recentSchoolYears } from './bilan-levels';
import { fieldState, placeFieldErrors, type Problem, refusalText } from './problem';
import { useSession } from './session';

type Created = components['schemas']['ConventionView'];
interface Fields {
  uai: string;
  schoolYear: string;
  trainers: { name: string; mail: string; grade: string; engaged: boolean }[];
  lines: {
    kind: 'face-to-face' | 'online';
    date: string;
    hours: string;
    audience: string;
    headcount: string;
    trainerMail: string;
    sessionId: string;
  }[];
}

const GRADES: Record<string, string> = {
  'professeur-ecoles': 'Professeur des écoles',
  certifie: 'Certifié',
  plp: 'Professeur de lycée professionnel',
  agrege: 'Agrégé',
};

const NEW_TRAINER: Fields['trainers'][number] = { name: '', mail: '', grade: 'certifie', engaged: true };
const NEW_LINE: Fields['lines'][number] = {
  kind: 'face-to-face',
  date: '',
  hours: '3',
  audience: '',
  headcount: '10',
  trainerMail: '',
  sessionId: '',
};

export function ConventionForm({ uai, onCreated }: { uai: string; onCreated: (c: Created) => void }) {
  const { client } = useSession();
  const [problem, setProblem] = useState<string>();
  const years = recentSchoolYears(new Date().toISOString().slice(0, 10));
  const form = useForm<Fields>({
    defaultValues: {
      uai,
      schoolYear: years[0],
      trainers: [NEW_TRAINER],
      lines: [NEW_LINE],
    },
  });
  const trainers = useFieldArray({ control: form.control, name: 'trainers' });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const state = (name: Parameters<typeof fieldState<Fields>>[1]) => fieldState(form, name);
  const submit = form.handleSubmit(async (v) => {
    setProblem(undefined);
    const answer = await client.POST('/api/v1/conventions', {
      body: {
        uai: v.uai.trim().toUpperCase(),
        schoolYear: v.schoolYear,
        trainers: v.trainers.map((t) => ({ ...t, name: t.name.trim(), mail: t.mail.trim() })),
        lines: v.lines.map((l) => ({
          kind: l.kind,
          date: l.date,
          minutes: Math.round(Number(l.hours.replace(',', '.')) * 60),
          audience: l.audience.trim() || undefined,
          headcount: Number(l.headcount),
          trainerMail: l.trainerMail.trim(),
          ...(l.kind === 'online' && { modality: 'cv' as const }),
          ...(l.sessionId.trim() && { sessionId: l.sessionId.trim() }),
        })),
      },
    });
    if (answer.data) return onCreated(answer.data);
    const refusal = answer.error as unknown as Problem | undefined;
    // the API's `lines[0].minutes` is the form's hours
    const rename = (field: string) => field.replace(/\[(\d+)\]/g, '.$1').replace(/\.minutes$/, '.hours');
    if (!placeFieldErrors(form, refusal, rename)) setProblem(refusalText(answer.response.status, refusal));
  });
  return (
    <form onSubmit={submit} noValidate className="fr-mt-3w">
      <h2>Nouvelle convention</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input label="UAI de l’établissement" nativeInputProps={form.register('uai')} {...state('uai')} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select label="Année scolaire" nativeSelectProps={form.register('schoolYear')} {...state('schoolYear')}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <fieldset className="fr-fieldset" aria-labelledby="trainers-legend">
        <legend id="trainers-legend" className="fr-fieldset__legend fr-text--md">
          Formateurs accompagnateurs
        </legend>
        {trainers.fields.map((field, i) => (
          <div key={field.id} className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={`Formateur ${i + 1} : nom`}
                  nativeInputProps={form.register(`trainers.${i}.name`)}
                  {...state(`trainers.${i}.name`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={`Formateur ${i + 1} : adresse électronique`}
                  nativeInputProps={{ ...form.register(`trainers.${i}.mail`), type: 'email' }}
                  {...state(`trainers.${i}.mail`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Select label={`Formateur ${i + 1} : grade`} nativeSelectProps={form.register(`trainers.${i}.grade`)}>
                  {Object.entries(GRADES).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
            <Checkbox
              options={[
                {
                  label: `Formateur ${i + 1} : engagé(e) à suivre la formation de formateurs`,
                  nativeInputProps: form.register(`trainers.${i}.engaged`),
                },
              ]}
            />
            {trainers.fields.length > 1 && (
              <Button type="button" priority="tertiary" size="small" onClick={() => trainers.remove(i)}>
                {`Retirer le formateur ${i + 1}`}
              </Button>
            )}
          </div>
        ))}
        <div className="fr-fieldset__element">
          <Button type="button" priority="secondary" size="small" onClick={() => trainers.append(NEW_TRAINER)}>
            Ajouter un formateur
          </Button>
        </div>
      </fieldset>
      <fieldset className="fr-fieldset" aria-labelledby="lines-legend">
        <legend id="lines-legend" className="fr-fieldset__legend fr-text--md">
          Lignes du plan
        </legend>
        {lines.fields.map((field, i) => (
          <div key={field.id} className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-3">
                <Select label={`Ligne ${i + 1} : modalité`} nativeSelectProps={form.register(`lines.${i}.kind`)}>
                  <option value="face-to-face">Présentiel</option>
                  <option value="online">En ligne (classe virtuelle)</option>
                </Select>
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Input
                  label={`Ligne ${i + 1} : date`}
                  nativeInputProps={{ ...form.register(`lines.${i}.date`), type: 'date' }}
                  {...state(`lines.${i}.date`)}
                />
              </div>
              <div className="fr-col-6 fr-col-md-3">
                <Input
                  label={`Ligne ${i + 1} : durée (heures)`}
                  nativeInputProps={{ ...form.register(`lines.${i}.hours`), inputMode: 'decimal' }}
                  {...state(`lines.${i}.hours`)}
                />
              </div>
              <div className="fr-col-6 fr-col-md-3">
                <Input
                  label={`Ligne ${i + 1} : effectif`}
                  nativeInputProps={{ ...form.register(`lines.${i}.headcount`), inputMode: 'numeric' }}
                  {...state(`lines.${i}.headcount`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input label={`Ligne ${i + 1} : public`} nativeInputProps={form.register(`lines.${i}.audience`)} />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={`Ligne ${i + 1} : formateur (adresse)`}
                  nativeInputProps={{ ...form.register(`lines.${i}.trainerMail`), type: 'email' }}
                  {...state(`lines.${i}.trainerMail`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={`Ligne ${i + 1} : session (identifiant)`}
                  hintText="Facultatif : la session de l’offre dont la ligne relève"
                  nativeInputProps={form.register(`lines.${i}.sessionId`)}
                  {...state(`lines.${i}.sessionId`)}
                />
              </div>
            </div>
            {lines.fields.length > 1 && (
              <Button type="button" priority="tertiary" size="small" onClick={() => lines.remove(i)}>
                {`Retirer la ligne ${i + 1}`}
              </Button>
            )}
          </div>
        ))}
        <div className="fr-fieldset__element">
          <Button type="button" priority="secondary" size="small" onClick={() => lines.append(NEW_LINE)}>
            Ajouter une ligne
          </Button>
        </div>
      </fieldset>
      {problem && <Alert severity="error" small description={problem} className="fr-mb-2w" />}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Créer la convention (brouillon)
      </Button>
    </form>
  );
}
