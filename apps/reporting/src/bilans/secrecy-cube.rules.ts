/**
 * The cube an académie's statistical secrecy is decided over (issue 23; the decision: linked-secrecy.rules.ts): its
 * finest cells (units: a school's people of one profile, or a session's people of one school and profile), the areas
 * of both hierarchies that sum them (places; trainings when known), and every cell's people, completions and
 * attestations.
 */

/** People of one profile in one school (or an unknown place), with their outcomes. */
export interface CubeLeaf {
  department: string | null;
  district: string | null;
  uai: string | null;
  profile: string;
  /** People (active registrations) in this place and profile. */
  people: number;
  /** Of whom completed the training. */
  completions: number;
  /** Of whom hold an attestation. */
  attestations: number;
  /**
   * The training they follow, when the cube also holds the trainings' tables (the BI feed's sessions, the bilans of a
   * module, a dispositif or the Canopé DT): the finest cell is then a session's people of one school and profile.
   */
  training?: TrainingOf;
}

/**
 * Where a session stands in the trainings' hierarchy: académie > module > session, and the groups that publish sums.
 */
export interface TrainingOf {
  session: string;
  module: string;
  dispositif: string | null;
  /** A module of Canopé's offer (the Canopé DT's bilan sums them). */
  canope: boolean;
}

/** The profile of a cell that sums every profile (an area's total). */
export const ALL_PROFILES = '*';

/** An area of the hierarchy by its level and code. The académie is `academie:`; unknown places are `…:∅`. */
export type AreaKey = string;

export type AreaLevel =
  'academie' | 'department' | 'district' | 'school' | 'module' | 'session' | 'dispositif' | 'canope' | 'convention';

export const areaKey = (level: AreaLevel, code: string | null): AreaKey => `${level}:${code ?? '∅'}`;

export const cellKey = (area: AreaKey, profile: string) => `${area}|${profile}`;

/**
 * The areas a leaf stands in, from the académie down to its school. An unknown place (no department, district or
 * school) is its parent's own `∅` child: two schools without a district in two departments are not one area.
 */
export function pathOf(leaf: Pick<CubeLeaf, 'department' | 'district' | 'uai'>): AreaKey[] {
  const department = areaKey('department', leaf.department);
  const district = leaf.district === null ? `district:${department}/∅` : areaKey('district', leaf.district);
  const school = leaf.uai === null ? `school:${district}/∅` : areaKey('school', leaf.uai);
  return [areaKey('academie', ''), department, district, school];
}

/** People, completions and attestations of a cell. */
export interface Counts {
  people: number;
  completions: number;
  attestations: number;
}

/**
 * The figures of a cell an intruder must not learn when small: people, completions, attestations and their complements.
 */
export const SENSITIVE = ['people', 'completions', 'notCompleted', 'attestations', 'notAttested'] as const;

export type Sensitive = (typeof SENSITIVE)[number];

/** A sensitive figure of a cell's counts. */
export const figureOf = (c: Counts, figure: Sensitive) =>
  ({
    people: c.people,
    completions: c.completions,
    notCompleted: c.people - c.completions,
    attestations: c.attestations,
    notAttested: c.people - c.attestations,
  })[figure];

/**
 * The areas a session's people stand in, besides their places: their session and module (a chain up to the académie)
 * and the groups whose bilans sum modules (a dispositif, Canopé's offer).
 */
export function trainingPathOf(training: TrainingOf): { chain: AreaKey[]; groups: AreaKey[] } {
  const groups = [
    ...(training.dispositif === null ? [] : [areaKey('dispositif', training.dispositif)]),
    ...(training.canope ? [areaKey('canope', '')] : []),
  ];
  return { chain: [areaKey('module', training.module), areaKey('session', training.session)], groups };
}

/**
 * The cube of an académie: its areas (places, and trainings when known) and every cell's counts. The finest cells
 * are *units*: a school's people of one profile, or, with trainings, a session's people of one school and profile.
 * A unit is in every area above it in both hierarchies; its own cells, and a session's cells by profile, are published
 * nowhere.
 */
export interface Cube {
  cells: Map<string, Counts>;
  /** The parent of an area in its own hierarchy (a group's is the académie). */
  parent: Map<AreaKey, AreaKey>;
  /** The units under each area, the unit itself for a unit. */
  schools: Map<AreaKey, AreaKey[]>;
  /** The profiles present in each unit. */
  profilesOf: Map<AreaKey, string[]>;
  /** The finest cells (unit x profile) and every area the unit stands in. */
  leaves: { school: AreaKey; profile: string; path: AreaKey[] }[];
  /** Each unit's session and school (with trainings), to find units that share one. */
  unitOf: Map<AreaKey, { session: AreaKey | null; school: AreaKey }>;
  /** Cells no table publishes (a unit's; a session's by profile). */
  unpublished: Set<string>;
}

export function cubeOf(leaves: readonly CubeLeaf[]): Cube {
  const cells = new Map<string, Counts>();
  const parent = new Map<AreaKey, AreaKey>();
  const units = new Map<AreaKey, Set<AreaKey>>();
  const profiles = new Map<AreaKey, Set<string>>();
  const finest = new Map<string, { school: AreaKey; profile: string; path: AreaKey[] }>();
  const unitOf = new Map<AreaKey, { session: AreaKey | null; school: AreaKey }>();
  const unpublished = new Set<string>();
  const root = areaKey('academie', '');
  const add = (key: string, leaf: CubeLeaf) => {
    const c = cells.get(key) ?? { people: 0, completions: 0, attestations: 0 };
    cells.set(key, {
      people: c.people + leaf.people,
      completions: c.completions + leaf.completions,
      attestations: c.attestations + leaf.attestations,
    });
  };
  for (const leaf of leaves) {
    if (leaf.people <= 0) continue;
    const places = pathOf(leaf);
    const school = places[places.length - 1];
    places.forEach((area, depth) => depth > 0 && parent.set(area, places[depth - 1]));
    let path = places;
    let unit = school;
    if (leaf.training) {
      const { chain, groups } = trainingPathOf(leaf.training);
      const [module, session] = chain;
      parent.set(module, root).set(session, module);
      for (const group of groups) parent.set(group, root);
      unit = `unit:${session}@${school}`;
      parent.set(unit, session);
      path = [...places, ...chain, ...groups, unit];
      unitOf.set(unit, { session, school });
      unpublished.add(cellKey(session, leaf.profile)).add(cellKey(unit, leaf.profile)).add(cellKey(unit, ALL_PROFILES));
    } else unitOf.set(unit, { session: null, school });
    for (const area of path) {
      add(cellKey(area, leaf.profile), leaf);
      add(cellKey(area, ALL_PROFILES), leaf);
      const under = units.get(area) ?? new Set<AreaKey>();
      units.set(area, under.add(unit));
    }
    const key = cellKey(unit, leaf.profile);
    if (!finest.has(key)) finest.set(key, { school: unit, profile: leaf.profile, path });
    profiles.set(unit, (profiles.get(unit) ?? new Set<string>()).add(leaf.profile));
  }
  const profilesOf = new Map([...profiles].map(([unit, set]) => [unit, [...set].sort()]));
  return {
    cells,
    parent,
    schools: new Map([...units].map(([area, set]) => [area, [...set]])),
    profilesOf,
    leaves: [...finest.values()],
    unitOf,
    unpublished,
  };
}

/** Why a figure is withheld ('primary': small itself; 'secondary': it would give a small one back), or null. */
export type Withholding = 'primary' | 'secondary' | null;

/** The figures a cell publishes. */
export const COUNT_FIGURES = ['people', 'completions', 'attestations'] as const;

export type CountFigure = (typeof COUNT_FIGURES)[number];
