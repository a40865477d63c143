// The seeds' offer, as requests to POST /api/v1/modules: the Canoprof kit (seed 000), the ENT modules x profiles grid
// (seed 001) and m@gistère parcours (seed 003). Titles and durations come from the documents; people are fictitious.

export interface SeedModule {
  key: string;
  /** Keys of the modules this one requires (seed 000: M2 requires M1). */
  requires?: string[];
  body: {
    title: string;
    shortTitle?: string;
    kind: string;
    category: string;
    modality: string;
    targetProfiles: string[];
    durations: { faceToFaceHours: number; distanceSynchronousHours: number; distanceAsynchronousHours: number };
    maxParticipantsPerSession?: number;
    themes?: string[];
    trainerType?: string;
    origin?: string;
    pedagogicalOwner?: string;
  };
}

const f2f = (hours: number) => ({ faceToFaceHours: hours, distanceSynchronousHours: 0, distanceAsynchronousHours: 0 });

/** Seed 000: information 1 h, workshop 2 h, M1 3 h, M2 3 h (requires M1), M3 6 h, M4 specialised workshops. */
export const CANOPROF_KIT: SeedModule[] = [
  {
    key: 'canoprof-info',
    body: {
      title: 'Canoprof — information',
      kind: 'information',
      category: 'presentation',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(1),
      maxParticipantsPerSession: 30,
      themes: ["présentation de l'outil", 'fonctions'],
      trainerType: 'referent-canope',
      origin: 'canope',
    },
  },
  {
    key: 'canoprof-atelier',
    body: {
      title: 'Canoprof — atelier de prise en main',
      kind: 'workshop',
      category: 'pedagogical-use-1',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(2),
      maxParticipantsPerSession: 12,
      themes: ['manipuler l’outil'],
      trainerType: 'referent-canope',
      origin: 'canope',
    },
  },
  {
    key: 'canoprof-m1',
    body: {
      title: 'Canoprof — M1 « starter »',
      shortTitle: 'Canoprof M1',
      kind: 'module',
      category: 'pedagogical-use-1',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(3),
      maxParticipantsPerSession: 12,
      trainerType: 'referent-canope',
      origin: 'canope',
    },
  },
  {
    key: 'canoprof-m2',
    requires: ['canoprof-m1'],
    body: {
      title: 'Canoprof — M2 « standard »',
      shortTitle: 'Canoprof M2',
      kind: 'module',
      category: 'pedagogical-use-2',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(3),
      maxParticipantsPerSession: 12,
      trainerType: 'referent-canope',
      origin: 'canope',
    },
  },
  {
    key: 'canoprof-m3',
    body: {
      title: 'Canoprof — M3 « complète »',
      shortTitle: 'Canoprof M3',
      kind: 'module',
      category: 'pedagogical-use-2',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(6),
      maxParticipantsPerSession: 12,
      trainerType: 'referent-canope',
      origin: 'canope',
    },
  },
  {
    key: 'canoprof-m4',
    body: {
      title: 'Canoprof — M4 ateliers spécialisés',
      shortTitle: 'Canoprof M4',
      kind: 'specialised-workshop',
      category: 'pedagogical-use-3',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(2),
      maxParticipantsPerSession: 8,
      themes: ['fonctionnalités avancées'],
      trainerType: 'referent-canope',
      origin: 'canope',
    },
  },
];

/** Seed 001: the ENT training-plan grid (modules x profiles x themes x trainer type). */
export const ENT_GRID: SeedModule[] = [
  {
    key: 'ent-presentation-pilotes',
    body: {
      title: "Présentation de l'ENT",
      kind: 'information',
      category: 'presentation',
      modality: 'face-to-face',
      targetProfiles: ['ien', 'cpd', 'cpc', 'erun'],
      durations: f2f(2),
      themes: ['objectifs de l’ENT', 'planning de déploiement', 'exemples d’usages'],
      trainerType: 'ien-numerique',
    },
  },
  {
    key: 'ent-conduite-changement',
    body: {
      title: 'Sensibilisation à la conduite du changement',
      kind: 'information',
      category: 'presentation',
      modality: 'face-to-face',
      targetProfiles: ['school-head', 'teacher'],
      durations: f2f(2),
      themes: ['démarche du projet', 'communication, accompagnement et formation'],
      trainerType: 'equipe-circonscription',
    },
  },
  {
    key: 'ent-presentation-ecoles',
    body: {
      title: "Présentation de l'ENT aux écoles",
      kind: 'information',
      category: 'presentation',
      modality: 'face-to-face',
      targetProfiles: ['school-head', 'teacher'],
      durations: f2f(2),
      themes: ['objectifs de l’ENT', 'planning de déploiement'],
      trainerType: 'equipe-circonscription',
    },
  },
  {
    key: 'ent-presentation-parents',
    body: {
      title: "Présentation de l'ENT aux parents",
      kind: 'information',
      category: 'presentation',
      modality: 'face-to-face',
      targetProfiles: ['parents'],
      durations: f2f(1),
      themes: ['objectifs de l’ENT', 'exemples d’usages'],
      trainerType: 'enseignant',
    },
  },
  {
    key: 'ent-usage-1',
    body: {
      title: 'Usage pédagogique — niveau 1',
      kind: 'module',
      category: 'pedagogical-use-1',
      modality: 'hybrid',
      targetProfiles: ['teacher'],
      durations: { faceToFaceHours: 3, distanceSynchronousHours: 0, distanceAsynchronousHours: 2 },
      maxParticipantsPerSession: 20,
      themes: ['usages du numérique dans la pédagogie'],
      trainerType: 'equipe-circonscription',
    },
  },
  {
    key: 'ent-usage-2',
    requires: ['ent-usage-1'],
    body: {
      title: 'Usage pédagogique — niveau 2',
      kind: 'module',
      category: 'pedagogical-use-2',
      modality: 'hybrid',
      targetProfiles: ['teacher'],
      durations: { faceToFaceHours: 3, distanceSynchronousHours: 1, distanceAsynchronousHours: 2 },
      maxParticipantsPerSession: 20,
      themes: ['usages ordinaires', 'cahier de textes'],
      trainerType: 'equipe-circonscription',
    },
  },
  {
    key: 'ent-usage-3',
    requires: ['ent-usage-2'],
    body: {
      title: 'Usage pédagogique — niveau 3',
      kind: 'module',
      category: 'pedagogical-use-3',
      modality: 'hybrid',
      targetProfiles: ['teacher'],
      durations: { faceToFaceHours: 3, distanceSynchronousHours: 1, distanceAsynchronousHours: 3 },
      maxParticipantsPerSession: 20,
      themes: ['usages experts', 'mutualisation'],
      trainerType: 'equipe-circonscription',
    },
  },
  {
    key: 'ent-communication',
    body: {
      title: 'Usage communication',
      kind: 'module',
      category: 'communication',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      durations: f2f(3),
      maxParticipantsPerSession: 15,
      themes: ['édition de contenus', 'diffusion d’informations'],
      trainerType: 'equipe-circonscription',
    },
  },
  {
    key: 'ent-admin-collectivite',
    body: {
      title: 'Usage administratif — paramétrage et comptes',
      kind: 'module',
      category: 'administration',
      modality: 'face-to-face',
      targetProfiles: ['erun', 'dsi-collectivite'],
      durations: f2f(6),
      maxParticipantsPerSession: 10,
      themes: ['paramétrage', 'droits et comptes', 'RGPD et sécurité'],
      trainerType: 'fournisseur-ent',
    },
  },
  {
    key: 'ent-admin-ecole',
    body: {
      title: "Usage administratif — directeurs et administrateurs d'école",
      kind: 'module',
      category: 'administration',
      modality: 'face-to-face',
      targetProfiles: ['school-head', 'administrator'],
      durations: f2f(3),
      maxParticipantsPerSession: 12,
      themes: ['gestion des utilisateurs et des groupes', 'charte d’usage'],
      trainerType: 'erun-dsi',
    },
  },
  {
    key: 'ent-mise-a-jour',
    body: {
      title: "Mise à jour de l'ENT — nouveaux outils",
      kind: 'information',
      category: 'updates',
      modality: 'distance',
      targetProfiles: ['erun', 'ien'],
      durations: { faceToFaceHours: 0, distanceSynchronousHours: 1, distanceAsynchronousHours: 1 },
      maxParticipantsPerSession: 30,
      themes: ['enrichissement', 'tutoriels en ligne'],
      trainerType: 'fournisseur-ent',
    },
  },
];

/** Seed 003: parcours of the m@gistère offer page. */
export const MAGISTERE_PARCOURS: SeedModule[] = [
  {
    key: 'magistere-algorithmique',
    body: {
      title: 'Algorithmique et programmation',
      kind: 'magistere-parcours',
      category: 'pedagogical-use-2',
      modality: 'distance',
      targetProfiles: ['teacher'],
      durations: { faceToFaceHours: 0, distanceSynchronousHours: 0, distanceAsynchronousHours: 3 },
      maxParticipantsPerSession: 25,
      origin: 'dgesco',
    },
  },
  {
    key: 'magistere-harcelement-2d',
    body: {
      title: 'Agir sur le harcèlement entre pairs dans le 2nd degré',
      kind: 'magistere-parcours',
      category: 'pedagogical-use-1',
      modality: 'hybrid',
      targetProfiles: ['teacher', 'school-head'],
      durations: { faceToFaceHours: 3, distanceSynchronousHours: 0, distanceAsynchronousHours: 6 },
      maxParticipantsPerSession: 25,
      origin: 'dgesco',
    },
  },
  {
    key: 'magistere-preparer-classe',
    body: {
      title: 'Administration et préparation de la classe avec le numérique',
      kind: 'magistere-parcours',
      category: 'pedagogical-use-1',
      modality: 'hybrid',
      targetProfiles: ['teacher'],
      durations: { faceToFaceHours: 6, distanceSynchronousHours: 1, distanceAsynchronousHours: 2 },
      maxParticipantsPerSession: 24,
      origin: 'academie',
      pedagogicalOwner: 'IEN fictive de la circonscription de Kourou',
    },
  },
];

export const SEED_OFFER: SeedModule[] = [...CANOPROF_KIT, ...ENT_GRID, ...MAGISTERE_PARCOURS];
