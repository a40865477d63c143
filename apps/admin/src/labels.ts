// The catalogue's values as a French reader names them (the offer's filters, the module form).
import type { components } from '@forma/api-client';

type ModuleRequest = components['schemas']['CreateModuleRequest'];

export const KINDS: Record<ModuleRequest['kind'], string> = {
  module: 'Module',
  workshop: 'Atelier',
  information: 'Information',
  'magistere-parcours': 'Parcours M@gistère',
  'specialised-workshop': 'Atelier spécialisé',
};
export const CATEGORIES: Record<ModuleRequest['category'], string> = {
  presentation: 'Présentation',
  'pedagogical-use-1': 'Usages pédagogiques 1',
  'pedagogical-use-2': 'Usages pédagogiques 2',
  'pedagogical-use-3': 'Usages pédagogiques 3',
  communication: 'Communication',
  administration: 'Administration',
  updates: 'Nouveautés',
  unclassified: 'Non classé',
};
export const MODALITIES: Record<ModuleRequest['modality'], string> = {
  'face-to-face': 'Présentiel',
  distance: 'À distance',
  hybrid: 'Hybride',
};
export const ORIGINS: Record<ModuleRequest['origin'], string> = {
  academie: 'Académie',
  canope: 'Canopé',
  dgesco: 'DGESCO',
  ife: 'IFÉ',
};
export const PROFILES: Record<ModuleRequest['targetProfiles'][number], string> = {
  teacher: 'Enseignants',
  'school-head': 'Directeurs et chefs d’établissement',
  ien: 'IEN',
  cpd: 'CPD',
  cpc: 'CPC',
  erun: 'ERUN',
  parents: 'Parents',
  'dsi-collectivite': 'DSI de collectivité',
  administrator: 'Administrateurs ENT',
};
