// Planning a deployment wave (the DAFPEN): its school year, code, label, dates, whether it trains the trainers first,
// and its lines — a module of the offer for a public, with the people, sessions, trainers and hours it forecasts.
// The API checks everything (dates inside the school year, a public the module targets, a line given once): its
// refusals go next to the field or the line they name (`lines[1].profile` is the second line's public), the rest in
// an alert; nothing typed is lost.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FieldPath, useFieldArray, useForm } from 'react-hook-form';
import { Choices, useOfferModules } from './choices';
import { PROFILES } from './labels';
import { fieldState, formField, placeFieldErrors, Problem, refusalText } from './problem';
import { useSession } from './session';

type WaveRequest = components['schemas']['DeploymentWaveRequest'];
type Line = { moduleId: string; profile: string; headcount: string; sessions: string; trainers: string; hours: string };
type Fields = Omit<WaveRequest, 'lines'> & { lines: Line[] };

const EMPTY_LINE: Line = { moduleId: '', profile: 'teacher', headcount: '', sessions: '', trainers: '', hours: '' };
/** A count as typed; what is not a whole number goes as such, for the API to refuse next to its field. */
const count = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : Number.NaN);

type Wave = components['schemas']['DeploymentWaveResponse'];

/** A new wave of `schoolYears`, or `wave` revised (sent with the revision read: a concurrent write is said). */
export function WaveForm({
  schoolYears,
  wave,
  onDone,
  onCancel,
}: {
  schoolYears: string[];
  wave?: Wave;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const modules = useOfferModules();
  const [problem, setProblem] = useState<string>();
  const [planned, setPlanned] = useState<string>();
  const form = useForm<Fields>({
    defaultValues: wave
      ? {
          schoolYear: wave.schoolYear,
          code: wave.code,
          label: wave.label,
          startsOn: wave.startsOn,
          endsOn: wave.endsOn,
          trainTheTrainers: wave.trainTheTrainers,
          lines: wave.lines.map((l) => ({
            moduleId: l.moduleId,
            profile: l.profile,
            headcount: String(l.headcount),
            sessions: String(l.sessions),
            trainers: String(l.trainers),
            hours: String(l.hours).replace('.', ','),
          })),
        }
      : {
          schoolYear: schoolYears[0],
          code: '',
          label: '',
          startsOn: '',
          endsOn: '',
          trainTheTrainers: false,
          lines: [EMPTY_LINE],
        },
  });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const state = (name: FieldPath<Fields>) => fieldState(form, name);

  const submit = form.handleSubmit(async (fields) => {
    setProblem(undefined);
    setPlanned(undefined);
    const body: WaveRequest = {
      ...fields,
      lines: fields.lines.map((l) => ({
        moduleId: l.moduleId,
        profile: l.profile as WaveRequest['lines'][number]['profile'],
        headcount: count(l.headcount),
        sessions: count(l.sessions),
        trainers: count(l.trainers),
        hours: l.hours.trim().replace(',', '.'),
      })),
    };
    const answer = await (
      wave
        ? client.PUT('/api/v1/training-plan/waves/{id}', {
            params: { path: { id: wave.id }, header: { 'If-Match': `"${wave.revision}"` } },
            body,
          })
        : client.POST('/api/v1/training-plan/waves', { body })
    ).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      await queries.invalidateQueries({ queryKey: ['waves'] });
      if (onDone) return onDone();
      setPlanned(`${answer.data.code} · ${answer.data.label}`);
      return form.reset();
    }
    const refusal = answer.error as Problem | undefined;
    if (!placeFieldErrors(form, refusal, formField)) setProblem(refusalText(answer.response.status, refusal));
  });

  const titles = Object.fromEntries((modules.data ?? []).map((m) => [m.id, m.title]));
  return (
    <form onSubmit={submit} noValidate aria-label={wave ? `Réviser la vague ${wave.code}` : 'Planifier une vague'}>
      {planned && <Alert severity="success" small description={`Vague planifiée : ${planned}.`} className="fr-mb-2w" />}
      {problem && (
        <Alert
          severity="error"
          title={wave ? 'Vague non révisée' : 'Vague non planifiée'}
          description={problem}
          className="fr-mb-2w"
        />
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Année scolaire" nativeSelectProps={form.register('schoolYear')} {...state('schoolYear')}>
            <Choices labels={Object.fromEntries(schoolYears.map((y) => [y, y]))} />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Code de la vague"
            hintText="Par exemple V1"
            nativeInputProps={form.register('code')}
            {...state('code')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Intitulé" nativeInputProps={form.register('label')} {...state('label')} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Du" nativeInputProps={{ ...form.register('startsOn'), type: 'date' }} {...state('startsOn')} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Au" nativeInputProps={{ ...form.register('endsOn'), type: 'date' }} {...state('endsOn')} />
        </div>
      </div>
      <Checkbox
        options={[
          { label: 'Cette vague forme d’abord les formateurs', nativeInputProps: form.register('trainTheTrainers') },
        ]}
      />
      {lines.fields.map((field, i) => {
        const line = state(`lines.${i}` as FieldPath<Fields>);
        return (
          <fieldset key={field.id} className="fr-fieldset fr-mt-3w" aria-labelledby={`line-${i}`}>
            <legend id={`line-${i}`} className="fr-fieldset__legend fr-text--md">{`Ligne ${i + 1}`}</legend>
            <div className="fr-fieldset__element">
              {line.stateRelatedMessage && <p className="fr-error-text fr-mb-2w">{line.stateRelatedMessage}</p>}
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-md-6">
                  <Select
                    label="Module"
                    nativeSelectProps={form.register(`lines.${i}.moduleId`)}
                    {...state(`lines.${i}.moduleId`)}
                  >
                    <Choices first="Choisir un module" labels={titles} />
                  </Select>
                </div>
                <div className="fr-col-12 fr-col-md-6">
                  <Select
                    label="Public"
                    nativeSelectProps={form.register(`lines.${i}.profile`)}
                    {...state(`lines.${i}.profile`)}
                  >
                    <Choices labels={PROFILES} />
                  </Select>
                </div>
                {(
                  [
                    ['headcount', 'Personnes à former', 'numeric'],
                    ['sessions', 'Sessions', 'numeric'],
                    ['trainers', 'Formateurs', 'numeric'],
                    ['hours', 'Heures', 'decimal'],
                  ] as const
                ).map(([name, label, mode]) => (
                  <div key={name} className="fr-col-6 fr-col-md-3">
                    <Input
                      label={label}
                      nativeInputProps={{ ...form.register(`lines.${i}.${name}`), inputMode: mode }}
                      {...state(`lines.${i}.${name}`)}
                    />
                  </div>
                ))}
              </div>
              {lines.fields.length > 1 && (
                <Button type="button" priority="tertiary" size="small" onClick={() => lines.remove(i)}>
                  {`Retirer la ligne ${i + 1}`}
                </Button>
              )}
            </div>
          </fieldset>
        );
      })}
      <div className="fr-btns-group fr-btns-group--inline-md">
        <Button type="button" priority="secondary" onClick={() => lines.append(EMPTY_LINE)}>
          Ajouter une ligne
        </Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {wave ? 'Enregistrer la révision' : 'Planifier la vague'}
        </Button>
        {wave && onCancel && (
          <Button type="button" priority="tertiary" onClick={onCancel}>
            Fermer sans enregistrer
          </Button>
        )}
      </div>
    </form>
  );
}
