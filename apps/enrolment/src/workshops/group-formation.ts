/**
 * Workshop groups (seed 004, "Temps 2"): groups of at most 6 teachers who share a pedagogical concern and have
 * different profiles, one catalyst each when there is one, and a parcours of workshops per group with one session
 * the teachers choose freely. Pure and deterministic: the same input gives the same plan, and every placement says why.
 */

export const MAX_GROUP_SIZE = 6;
/** Below this, a concern's teachers move to their next concern when they have one. */
export const MIN_GROUP_SIZE = 3;

export interface TeacherInput {
  /** Stable key: the teacher's mail. */
  key: string;
  name: string;
  /** Shared concerns in order of preference (1 to 4). */
  concerns: string[];
  discipline: string;
  experience: string;
  catalyst?: boolean;
}

export interface WorkshopInput {
  code: string;
  title: string;
  concern: string;
  /** The rounds (time slots) in which the workshop runs: several runs = the same workshop repeated. */
  rounds: number[];
  /** How many groups one run hosts (default 2). */
  capacityGroups?: number;
}

export interface PlanInput {
  maxGroupSize?: number;
  rounds: number;
  /** The round the teachers choose freely (default: the last one when there are 2 rounds or more; 0 = none). */
  freeChoiceRound?: number;
  teachers: TeacherInput[];
  workshops: WorkshopInput[];
}

export interface GroupMember {
  key: string;
  name: string;
  discipline: string;
  experience: string;
  catalyst: boolean;
  reasons: string[];
}

export interface ParcoursStep {
  round: number;
  workshop: string | null;
  title: string;
  reason: string;
}

export interface WorkshopGroup {
  number: number;
  concern: string;
  members: GroupMember[];
  catalyst: string | null;
  parcours: ParcoursStep[];
  warnings: string[];
}

export interface PlanResult {
  maxGroupSize: number;
  groups: WorkshopGroup[];
}

export class PlanInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function checkPlanInput(input: PlanInput): void {
  const max = input.maxGroupSize ?? MAX_GROUP_SIZE;
  if (max < 2 || max > MAX_GROUP_SIZE)
    throw new PlanInputError('maxGroupSize', `Taille de groupe entre 2 et ${MAX_GROUP_SIZE}.`);
  const keys = new Set<string>();
  input.teachers.forEach((t, i) => {
    const key = t.key.trim().toLowerCase();
    if (keys.has(key)) throw new PlanInputError(`teachers[${i}].key`, `Enseignant en double : ${t.key}.`);
    keys.add(key);
    if (!t.concerns.length || t.concerns.length > 4)
      throw new PlanInputError(`teachers[${i}].concerns`, 'De 1 à 4 préoccupations par enseignant.');
  });
  const codes = new Set<string>();
  input.workshops.forEach((w, i) => {
    if (codes.has(w.code)) throw new PlanInputError(`workshops[${i}].code`, `Atelier en double : ${w.code}.`);
    codes.add(w.code);
    const bad = w.rounds.find((r) => r < 1 || r > input.rounds);
    if (bad !== undefined)
      throw new PlanInputError(`workshops[${i}].rounds`, `Tour ${bad} hors de 1..${input.rounds}.`);
  });
}

/** Chooses each teacher's concern: the first choice, unless too few share it and another of theirs gathers more. */
function assignConcerns(teachers: TeacherInput[]): Map<string, { concern: string; reason: string }> {
  const assignment = new Map(
    teachers.map((t) => [t.key, { concern: t.concerns[0], reason: `préoccupation n°1 « ${t.concerns[0]} »` }]),
  );
  const size = (concern: string) => [...assignment.values()].filter((a) => a.concern === concern).length;
  for (let pass = 0; pass < 4; pass += 1) {
    const small = [...new Set([...assignment.values()].map((a) => a.concern))]
      .filter((c) => size(c) < MIN_GROUP_SIZE)
      .sort((a, b) => size(a) - size(b) || byText(a, b));
    let moved = false;
    for (const concern of small) {
      for (const t of teachers.filter((x) => assignment.get(x.key)?.concern === concern)) {
        const options = t.concerns
          .map((c, i) => ({ c, i }))
          .filter(({ c }) => c !== concern && size(c) >= MIN_GROUP_SIZE - 1 && size(c) > size(concern));
        if (!options.length) continue;
        const best = options.sort((a, b) => size(b.c) - size(a.c) || a.i - b.i)[0];
        assignment.set(t.key, {
          concern: best.c,
          reason: `préoccupation n°${best.i + 1} « ${best.c} » (la n°1 « ${concern} » réunissait moins de ${MIN_GROUP_SIZE} enseignants)`,
        });
        moved = true;
      }
    }
    if (!moved) break;
  }
  // surplus catalysts go where a concern of theirs lacks one (one catalyst per group when possible)
  const catalystsOf = (c: string) => teachers.filter((t) => t.catalyst && assignment.get(t.key)?.concern === c).length;
  for (const t of teachers.filter((x) => x.catalyst)) {
    const current = assignment.get(t.key)!.concern;
    // moving must leave the concern with a catalyst per group it will still have, and fill a group that has none
    const after = Math.ceil((size(current) - 1) / MAX_GROUP_SIZE);
    if (catalystsOf(current) - 1 < after) continue;
    const index = t.concerns.findIndex(
      (c) => c !== current && size(c) > 0 && catalystsOf(c) < Math.ceil((size(c) + 1) / MAX_GROUP_SIZE),
    );
    if (index < 0) continue;
    const target = t.concerns[index];
    assignment.set(t.key, {
      concern: target,
      reason: `préoccupation n°${index + 1} « ${target} » (catalyseur : « ${current} » en avait déjà assez, « ${target} » en manquait)`,
    });
  }
  return assignment;
}

export function formGroups(input: PlanInput): PlanResult {
  checkPlanInput(input);
  const max = input.maxGroupSize ?? MAX_GROUP_SIZE;
  const teachers = [...input.teachers].sort((a, b) => byText(a.key, b.key));
  const assignment = assignConcerns(teachers);
  const concerns = [...new Set([...assignment.values()].map((a) => a.concern))].sort(byText);
  const groups: WorkshopGroup[] = [];
  for (const concern of concerns) {
    const members = teachers.filter((t) => assignment.get(t.key)?.concern === concern);
    const count = Math.ceil(members.length / max);
    const local: WorkshopGroup[] = Array.from({ length: count }, () => ({
      number: 0,
      concern,
      members: [],
      catalyst: null,
      parcours: [],
      warnings: [],
    }));
    const member = (t: TeacherInput, catalyst: boolean, extra: string): GroupMember => ({
      key: t.key,
      name: t.name,
      discipline: t.discipline,
      experience: t.experience,
      catalyst,
      reasons: [`partage la ${assignment.get(t.key)?.reason}`, extra],
    });
    const catalysts = members.filter((t) => t.catalyst);
    catalysts.slice(0, count).forEach((t, i) => {
      local[i].members.push(member(t, true, 'catalyseur du groupe (un par groupe)'));
      local[i].catalyst = t.key;
    });
    // the rest sorted by profile, dealt to the smallest group: alike profiles land in different groups
    const rest = members
      .filter((t) => !local.some((g) => g.catalyst === t.key))
      .sort((a, b) => byText(a.discipline, b.discipline) || byText(a.experience, b.experience) || byText(a.key, b.key));
    for (const t of rest) {
      const target = [...local].sort(
        (a, b) => a.members.length - b.members.length || sameProfile(a, t) - sameProfile(b, t),
      )[0];
      const alike = sameProfile(target, t);
      target.members.push(
        member(
          t,
          false,
          alike === 0
            ? `profil (${t.discipline}, ${t.experience}) encore absent du groupe : profils mêlés`
            : `profil (${t.discipline}, ${t.experience}) déjà présent ${alike} fois : tous les groupes l’avaient`,
        ),
      );
    }
    for (const g of local) {
      if (!g.catalyst) g.warnings.push('Aucun catalyseur disponible pour ce groupe.');
      if (g.members.length < MIN_GROUP_SIZE) g.warnings.push(`Groupe réduit (${g.members.length} enseignant(s)).`);
      groups.push(g);
    }
  }
  groups.forEach((g, i) => (g.number = i + 1));
  assignParcours(groups, input);
  return { maxGroupSize: max, groups };
}

function sameProfile(group: WorkshopGroup, t: TeacherInput): number {
  return group.members.filter((m) => m.discipline === t.discipline && m.experience === t.experience).length;
}

/** Each group gets a workshop per round, its concern's first, within each run's capacity; one round is free. */
export function assignParcours(groups: WorkshopGroup[], input: PlanInput): void {
  const free = input.freeChoiceRound ?? (input.rounds >= 2 ? input.rounds : 0);
  const workshops = [...input.workshops].sort((a, b) => byText(a.code, b.code));
  const load = new Map<string, number>();
  for (const g of groups) g.parcours = [];
  for (let round = 1; round <= input.rounds; round += 1) {
    for (const g of groups) {
      if (round === free) {
        const options = workshops.filter((w) => w.rounds.includes(round)).map((w) => w.title);
        g.parcours.push({
          round,
          workshop: null,
          title: 'Libre choix',
          reason: `session choisie librement${options.length ? ` parmi : ${options.join(', ')}` : ''}`,
        });
        continue;
      }
      const done = new Set(g.parcours.map((s) => s.workshop));
      const open = workshops.filter(
        (w) =>
          w.rounds.includes(round) &&
          !done.has(w.code) &&
          (load.get(`${round}/${w.code}`) ?? 0) < (w.capacityGroups ?? 2),
      );
      const choice = [...open].sort(
        (a, b) =>
          Number(b.concern === g.concern) - Number(a.concern === g.concern) ||
          (load.get(`${round}/${a.code}`) ?? 0) - (load.get(`${round}/${b.code}`) ?? 0) ||
          byText(a.code, b.code),
      )[0];
      if (!choice) {
        g.parcours.push({
          round,
          workshop: null,
          title: 'Aucun atelier',
          reason: 'aucun atelier disponible à ce tour (tous pleins ou déjà suivis)',
        });
        g.warnings.push(`Tour ${round} : aucun atelier disponible.`);
        continue;
      }
      load.set(`${round}/${choice.code}`, (load.get(`${round}/${choice.code}`) ?? 0) + 1);
      g.parcours.push({
        round,
        workshop: choice.code,
        title: choice.title,
        reason:
          choice.concern === g.concern
            ? `atelier sur la préoccupation du groupe « ${g.concern} »`
            : `atelier d’ouverture (« ${choice.concern} »)`,
      });
    }
  }
}

/** A hand edit: moves a teacher to another group (never above the maximum) and says so in their reasons. */
export function moveTeacher(
  plan: PlanResult,
  input: PlanInput,
  key: string,
  toGroup: number,
  by: string,
): { plan: PlanResult; changed: number[] } {
  const next: PlanResult = JSON.parse(JSON.stringify(plan)) as PlanResult;
  const from = next.groups.find((g) => g.members.some((m) => m.key === key));
  const to = next.groups.find((g) => g.number === toGroup);
  if (!from) throw new PlanInputError('key', `Enseignant absent du plan : ${key}.`);
  if (!to) throw new PlanInputError('toGroup', `Groupe inconnu : ${toGroup}.`);
  if (from === to) return { plan: next, changed: [] };
  if (to.members.length >= next.maxGroupSize) {
    throw new PlanInputError(
      'toGroup',
      `Le groupe ${toGroup} compte déjà ${to.members.length} enseignants (${next.maxGroupSize} au plus).`,
    );
  }
  const member = from.members.splice(from.members.indexOf(from.members.find((m) => m.key === key)!), 1)[0];
  const teacher = input.teachers.find((t) => t.key === key);
  member.reasons.push(`déplacé à la main du groupe ${from.number} au groupe ${to.number} par ${by}`);
  if (teacher && !teacher.concerns.includes(to.concern)) {
    to.warnings.push(`${member.name} ne partage pas la préoccupation « ${to.concern} ».`);
  }
  if (from.catalyst === key) {
    from.catalyst = null;
    from.warnings.push('Le catalyseur a été déplacé : groupe sans catalyseur.');
    member.catalyst = !to.catalyst;
    if (!to.catalyst) to.catalyst = key;
  }
  to.members.push(member);
  return { plan: next, changed: [from.number, to.number] };
}
