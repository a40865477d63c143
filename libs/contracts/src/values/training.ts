/** Kinds of training in the offer (seeds 000, 001, 003). */
export const MODULE_KINDS = ['information', 'workshop', 'module', 'magistere-parcours', 'specialised-workshop'] as const;
export type ModuleKind = (typeof MODULE_KINDS)[number];

/** Categories of the ENT training-plan grid (seed 001). */
export const MODULE_CATEGORIES = [
  'presentation',
  'pedagogical-use-1',
  'pedagogical-use-2',
  'pedagogical-use-3',
  'communication',
  'administration',
  'updates',
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

/** Académie codes are lower-case slugs (`guyane`, `creteil`, ...). */
export const ACADEMY_CODE_PATTERN = /^[a-z][a-z-]{1,40}$/;
