// The platform's values as a French reader names them (the offer's filters, the module form, the roles, people's data).
import type { components } from '@forma/api-client';

type ModuleRequest = components['schemas']['CreateModuleRequest'];
type RegistrationState = components['schemas']['RegistrationView']['state'];

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

export const TRAINER_TYPES: Record<NonNullable<ModuleRequest['trainerType']>, string> = {
  'ien-numerique': 'IEN chargé du numérique',
  'equipe-circonscription': 'Équipe de circonscription',
  enseignant: 'Enseignant ou enseignante',
  'fournisseur-ent': 'Fournisseur de l’ENT',
  'erun-dsi': 'ERUN ou DSI',
  'referent-canope': 'Référent Canopé',
  'formateur-academique': 'Formateur académique',
};

/** The roles a caller may hold (the development sign-in offers them; the access log names them). */
export const ROLES: Record<string, string> = {
  'dafpen-admin': 'DAFPEN / DFP (académie)',
  ien: 'Inspecteur ou inspectrice de circonscription (IEN)',
  'school-head': 'Chef ou cheffe d’établissement',
  'canope-referent': 'Référent Canopé',
  trainer: 'Formateur ou formatrice',
  participant: 'Participant ou participante',
  'bi-reader': 'Lecteur des données décisionnelles',
};

/** A person's fields, as the profile names them. */
export const PERSON_FIELDS: Record<string, string> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  mail: 'Adresse mail',
  function: 'Fonction',
  grade: 'Grade',
  uai: 'Établissement (UAI)',
  profile: 'Profil',
};

/** Why an administrator read a person's data (the RGPD access log). */
export const ACCESS_PURPOSES: Record<string, string> = {
  profile: 'Consultation du profil',
  export: 'Export RGPD',
  erasure: 'Effacement RGPD',
  registration: 'Consultation d’une inscription',
  'registrations list': 'Liste des inscrits d’une session',
  'registrations export': 'Export des inscrits d’une session',
};

/** Where a field's value came from: an import (its job) or a form or API call. */
export function sourceLabel(source: string): string {
  if (source.startsWith('import:')) return `Import ${source.slice('import:'.length, 'import:'.length + 8)}`;
  return source === 'api' ? 'Saisie (formulaire ou API)' : source;
}

/** A registration's state. */
export const REGISTRATION_STATES: Record<RegistrationState, string> = {
  requested: 'Demandée',
  confirmed: 'Confirmée',
  waitlisted: 'En liste d’attente',
  cancelled: 'Annulée',
};

/** A request's state, and its kind (demandes d'ouverture, seed 003). */
export const REQUEST_STATUSES: Record<components['schemas']['TrainingRequestSummary']['status'], string> = {
  submitted: 'À décider',
  accepted: 'Acceptée',
  refused: 'Refusée',
  withdrawn: 'Retirée',
};
export const REQUEST_KINDS: Record<string, string> = {
  'module-opening': 'Ouverture d’un module',
  'parcours-provision': 'Mise à disposition d’un parcours',
};
