// The module form's fields as typed (hours and numbers as text, themes one per line) and the API's request made of
// them, both ways: a module read fills the form, the form makes the body of a creation or a revision.
import type { components } from '@forma/api-client';

type ModuleRequest = components['schemas']['CreateModuleRequest'];
type Module = components['schemas']['ModuleResponse'];

export type ModuleFields = Pick<
  ModuleRequest,
  'title' | 'kind' | 'category' | 'modality' | 'targetProfiles' | 'origin'
> & {
  shortTitle: string;
  durations: { faceToFaceHours: string; distanceSynchronousHours: string; distanceAsynchronousHours: string };
  maxParticipantsPerSession: string;
  themes: string;
  trainerType: string;
  pedagogicalOwner: string;
  resources: { title: string; url: string }[];
  gaia: { dispositif: string; moduleNumber: string };
  status: 'draft' | 'published';
};

export const NEW_MODULE: ModuleFields = {
  title: '',
  shortTitle: '',
  kind: 'module',
  category: 'pedagogical-use-1',
  modality: 'face-to-face',
  origin: 'academie',
  status: 'published',
  targetProfiles: ['teacher'],
  durations: { faceToFaceHours: '3', distanceSynchronousHours: '0', distanceAsynchronousHours: '0' },
  maxParticipantsPerSession: '',
  themes: '',
  trainerType: '',
  pedagogicalOwner: '',
  resources: [],
  gaia: { dispositif: '', moduleNumber: '' },
};

/** « 1,5 » or « 1.5 » hours; an empty field is not zero (the API says it is missing). */
const decimal = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.trim().replace(',', '.')));
const shown = (hours: number) => String(hours).replace('.', ',');

export function moduleFields(module: Module): ModuleFields {
  return {
    title: module.title,
    shortTitle: module.shortTitle ?? '',
    kind: module.kind,
    category: module.category,
    modality: module.modality,
    origin: module.origin as ModuleFields['origin'],
    status: module.status === 'draft' ? 'draft' : 'published',
    targetProfiles: module.targetProfiles,
    durations: {
      faceToFaceHours: shown(module.durations.faceToFaceHours),
      distanceSynchronousHours: shown(module.durations.distanceSynchronousHours),
      distanceAsynchronousHours: shown(module.durations.distanceAsynchronousHours),
    },
    maxParticipantsPerSession: module.maxParticipantsPerSession?.toString() ?? '',
    themes: module.themes.join('\n'),
    trainerType: module.trainerType ?? '',
    pedagogicalOwner: module.pedagogicalOwner ?? '',
    resources: module.resources.map((r) => ({ title: r.title, url: r.url })),
    gaia: {
      dispositif: module.gaia?.dispositif ?? '',
      moduleNumber: module.gaia?.moduleNumber?.toString() ?? '',
    },
  };
}

/**
 * The API's body: empty optional fields left out, a resource line left blank dropped (a revision keeps the module's
 * state: the API reads `status` only on creation).
 */
export function moduleBody(fields: ModuleFields): ModuleRequest {
  const gaia = fields.gaia.dispositif.trim() || fields.gaia.moduleNumber.trim();
  return {
    title: fields.title,
    shortTitle: fields.shortTitle.trim() || undefined,
    kind: fields.kind,
    category: fields.category,
    modality: fields.modality,
    origin: fields.origin,
    targetProfiles: fields.targetProfiles,
    durations: {
      faceToFaceHours: decimal(fields.durations.faceToFaceHours),
      distanceSynchronousHours: decimal(fields.durations.distanceSynchronousHours),
      distanceAsynchronousHours: decimal(fields.durations.distanceAsynchronousHours),
    },
    maxParticipantsPerSession: fields.maxParticipantsPerSession.trim()
      ? Number(fields.maxParticipantsPerSession)
      : undefined,
    themes: fields.themes
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
    trainerType: (fields.trainerType || undefined) as ModuleRequest['trainerType'],
    pedagogicalOwner: fields.pedagogicalOwner.trim() || undefined,
    resources: fields.resources
      .filter((r) => r.title.trim() || r.url.trim())
      .map((r) => ({ title: r.title.trim(), url: r.url.trim() })),
    gaia: gaia
      ? { dispositif: fields.gaia.dispositif.trim(), moduleNumber: decimal(fields.gaia.moduleNumber) }
      : undefined,
    status: fields.status,
  };
}
