/** Kinds of training in the offer (seeds 000, 001, 003). */
export const MODULE_KINDS = [
  'information',
  'workshop',
  'module',
  'magistere-parcours',
  'specialised-workshop',
] as const;
export type ModuleKind = (typeof MODULE_KINDS)[number];

/** Categories of the ENT training-plan grid (seed 001); `unclassified` marks a GAIA import not yet classified. */
export const MODULE_CATEGORIES = [
  'presentation',
  'pedagogical-use-1',
  'pedagogical-use-2',
  'pedagogical-use-3',
  'communication',
  'administration',
  'updates',
  'unclassified',
] as const;
export type ModuleCategory = (typeof MODULE_CATEGORIES)[number];

export const MODALITIES = ['face-to-face', 'distance', 'hybrid'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Target profiles of the grid (seed 001). */
export const TARGET_PROFILES = [
  'ien',
  'cpd',
  'cpc',
  'erun',
  'school-head',
  'teacher',
  'parents',
  'dsi-collectivite',
  'administrator',
] as const;
export type TargetProfile = (typeof TARGET_PROFILES)[number];

/** The target profiles as the training plan names them in French (the API's messages). */
export const TARGET_PROFILE_LABELS: Record<TargetProfile, string> = {
  ien: 'IEN',
  cpd: 'CPD',
  cpc: 'CPC',
  erun: 'ERUN',
  'school-head': 'directeurs et chefs d’établissement',
  teacher: 'enseignants',
  parents: 'parents',
  'dsi-collectivite': 'DSI de collectivité',
  administrator: 'administrateurs ENT',
};

/** Académie codes are lower-case slugs (`guyane`, `creteil`, ...). */
export const ACADEMY_CODE_PATTERN = /^[a-z][a-z-]{1,40}$/;

/** Who produced a module or parcours (seed 003: "origine du parcours"): national bodies or an académie. */
export const MODULE_ORIGINS = ['dgesco', 'ife', 'canope', 'academie'] as const;
export type ModuleOrigin = (typeof MODULE_ORIGINS)[number];

/** Who runs the training (seed 001, column "formateurs"). */
export const TRAINER_TYPES = [
  'ien-numerique',
  'equipe-circonscription',
  'enseignant',
  'fournisseur-ent',
  'erun-dsi',
  'referent-canope',
  'formateur-academique',
] as const;
export type TrainerType = (typeof TRAINER_TYPES)[number];

/** Life of a module: draft -> published -> archived (archived is read-only). */
export const MODULE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];
