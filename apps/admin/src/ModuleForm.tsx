// A module of the offer, created or revised (issue 26, journey 1): every field of the catalogue's module (seeds 000,
// 001 and 003: themes, trainer type, resources, pedagogical owner, GAIA numbers), checked by the API, whose French
// messages are shown next to the field they name (problem+json `errors`); anything else in an alert. A revision is sent
// with the version read (If-Match): when someone else wrote in between, the form is kept and the newer version offered.
// Nothing typed is lost on a refusal.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FieldPath, useFieldArray, useForm } from 'react-hook-form';
import { Choices } from './choices';
import { CATEGORIES, KINDS, MODALITIES, ORIGINS, PROFILES, TRAINER_TYPES } from './labels';
import { moduleBody, ModuleFields, moduleFields, NEW_MODULE } from './module-fields';
import { fieldState, placeFieldErrors, Problem, refusalText } from './problem';
import { Prerequisites } from './Prerequisites';
import { may } from './rights';
import { useSession } from './session';

type Module = components['schemas']['ModuleResponse'];

/** The module `moduleId` revised, or a new one created; `onSaved` gets its title and whether it is in the offer. */
export function ModuleForm({
  moduleId,
  onSaved,
  onCancel,
}: {
  moduleId?: string;
  onSaved: (title: string, published: boolean) => void;
  onCancel?: () => void;
}) {
  const { client, caller } = useSession();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const [stale, setStale] = useState(false);
  const stored = useQuery({
    queryKey: ['module', moduleId],
    enabled: !!moduleId,
    queryFn: async (): Promise<Module> => {
      const { data, error } = await client.GET('/api/v1/modules/{id}', { params: { path: { id: moduleId ?? '' } } });
      if (!data) throw new Error((error as Problem | undefined)?.detail ?? 'Module indisponible.');
      return data;
    },
  });
  const form = useForm<ModuleFields>({ defaultValues: NEW_MODULE });
  const resources = useFieldArray({ control: form.control, name: 'resources' });
  const { isSubmitting } = form.formState;
  const state = (name: FieldPath<ModuleFields>) => fieldState(form, name);
  const module = stored.data;
  // the module read fills the form once (and again when the saved version is asked for): typing is never overwritten;
  // a revision is sent with the latest version read (the prerequisites' own writes move it too)
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (module && !filled) {
      form.reset(moduleFields(module));
      setFilled(true);
    }
  }, [module, filled, form]);

  const submit = form.handleSubmit(async (fields) => {
    setProblem(undefined);
    setStale(false);
    const body = moduleBody(fields);
    const answer = await (
      module
        ? client.PUT('/api/v1/modules/{id}', {
            params: { path: { id: module.id }, header: { 'If-Match': `"${module.rowVersion}"` } },
            body,
          })
        : client.POST('/api/v1/modules', { body })
    ).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      await queries.invalidateQueries({ queryKey: ['offer'] });
      await queries.invalidateQueries({ queryKey: ['module', answer.data.id] });
      return onSaved(answer.data.title, answer.data.status === 'published');
    }
    const refusal = answer.error as Problem | undefined;
    if (answer.response.status === 409) setStale(true);
    // a theme's message names its line (`themes.1`): the field is the list, one per line
    const rename = (field: string) => (field.startsWith('themes') ? 'themes' : field);
    if (!placeFieldErrors(form, refusal, rename)) setProblem(refusalText(answer.response.status, refusal));
  });

  const reloadNewer = async () => {
    const { data } = await stored.refetch();
    if (data) form.reset(moduleFields(data));
    setStale(false);
    setProblem(undefined);
  };

  if (moduleId && stored.error)
    return <Alert severity="error" title="Module indisponible" description={stored.error.message} />;
  if (moduleId && !module) return <p role="status">Chargement du module…</p>;
  const heading = module ? `Modifier « ${module.title} »` : 'Nouveau module';
  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="module-form-title">
        <h1 id="module-form-title">{heading}</h1>
        {module && (
          <p>
            {`Révision ${module.revision} · ${module.status === 'draft' ? 'brouillon' : 'publié'}. `}
            {module.status === 'published' && 'Enregistrer crée une nouvelle révision, annoncée aux autres services.'}
          </p>
        )}
        {problem && (
          <Alert
            severity="error"
            title={module ? 'Module non modifié' : 'Module non créé'}
            description={problem}
            className="fr-mb-3w"
          />
        )}
        {stale && (
          <Button type="button" priority="secondary" className="fr-mb-3w" onClick={() => void reloadNewer()}>
            Charger la version enregistrée (votre saisie sera remplacée)
          </Button>
        )}
        <Input label="Titre" nativeInputProps={form.register('title')} {...state('title')} />
        <Input
          label="Titre court (facultatif)"
          nativeInputProps={form.register('shortTitle')}
          {...state('shortTitle')}
        />
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Nature" nativeSelectProps={form.register('kind')} {...state('kind')}>
              <Choices labels={KINDS} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Catégorie" nativeSelectProps={form.register('category')} {...state('category')}>
              <Choices labels={CATEGORIES} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Modalité" nativeSelectProps={form.register('modality')} {...state('modality')}>
              <Choices labels={MODALITIES} />
            </Select>
          </div>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          {(
            [
              ['durations.faceToFaceHours', 'Heures en présence'],
              ['durations.distanceSynchronousHours', 'Heures à distance (classe virtuelle)'],
              ['durations.distanceAsynchronousHours', 'Heures à distance (en autonomie)'],
            ] as const
          ).map(([name, label]) => (
            <div key={name} className="fr-col-12 fr-col-md-4">
              <Input
                label={label}
                nativeInputProps={{ ...form.register(name), inputMode: 'decimal' }}
                {...state(name)}
              />
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
        <Input
          label="Thèmes abordés (facultatif)"
          hintText="Un thème par ligne"
          textArea
          nativeTextAreaProps={{ ...form.register('themes'), rows: 3 }}
          {...state('themes')}
        />
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Origine" nativeSelectProps={form.register('origin')} {...state('origin')}>
              <Choices labels={ORIGINS} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Type de formateur"
              nativeSelectProps={form.register('trainerType')}
              {...state('trainerType')}
            >
              <Choices first="Non précisé" labels={TRAINER_TYPES} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Responsable pédagogique (facultatif)"
              nativeInputProps={form.register('pedagogicalOwner')}
              {...state('pedagogicalOwner')}
            />
          </div>
        </div>
        <fieldset className="fr-fieldset" aria-labelledby="gaia-legend">
          <legend id="gaia-legend" className="fr-fieldset__legend fr-text--md">
            Numéros GAIA (facultatifs, ensemble)
          </legend>
          <div className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
              <div className="fr-col-12 fr-col-md-6">
                <Input
                  label="Dispositif (PAF)"
                  hintText="Par exemple 26A0750042"
                  nativeInputProps={form.register('gaia.dispositif')}
                  {...state('gaia.dispositif')}
                />
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <Input
                  label="Numéro de module"
                  nativeInputProps={{ ...form.register('gaia.moduleNumber'), inputMode: 'numeric' }}
                  {...state('gaia.moduleNumber')}
                />
              </div>
            </div>
          </div>
        </fieldset>
        <fieldset className="fr-fieldset" aria-labelledby="resources-legend">
          <legend id="resources-legend" className="fr-fieldset__legend fr-text--md">
            Ressources
          </legend>
          {resources.fields.map((field, i) => (
            <div key={field.id} className="fr-fieldset__element">
              <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
                <div className="fr-col-12 fr-col-md-5">
                  <Input
                    label={`Ressource ${i + 1} : titre`}
                    nativeInputProps={form.register(`resources.${i}.title`)}
                    {...state(`resources.${i}.title`)}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-5">
                  <Input
                    label={`Ressource ${i + 1} : adresse`}
                    nativeInputProps={{ ...form.register(`resources.${i}.url`), type: 'url' }}
                    {...state(`resources.${i}.url`)}
                  />
                </div>
                <div className="fr-col-12 fr-col-md-2">
                  <Button type="button" priority="tertiary" size="small" onClick={() => resources.remove(i)}>
                    {`Retirer la ressource ${i + 1}`}
                  </Button>
                </div>
              </div>
            </div>
          ))}
          <div className="fr-fieldset__element">
            <Button
              type="button"
              priority="secondary"
              size="small"
              onClick={() => resources.append({ title: '', url: '' })}
            >
              Ajouter une ressource
            </Button>
          </div>
        </fieldset>
        {!module && (
          <RadioButtons
            legend="État"
            orientation="horizontal"
            options={[
              { label: 'Publié dans l’offre', nativeInputProps: { ...form.register('status'), value: 'published' } },
              { label: 'Brouillon', nativeInputProps: { ...form.register('status'), value: 'draft' } },
            ]}
          />
        )}
        <div className="fr-btns-group fr-btns-group--inline-md">
          <Button type="submit" disabled={isSubmitting}>
            {module ? 'Enregistrer la révision' : 'Créer le module'}
          </Button>
          {onCancel && (
            <Button type="button" priority="secondary" onClick={onCancel}>
              Revenir à l’offre
            </Button>
          )}
        </div>
      </form>
      {module && may(caller?.role, 'PUT /api/v1/modules/{id}/prerequisites') && (
        <Prerequisites module={module} onChanged={() => void stored.refetch()} />
      )}
    </>
  );
}
