// The levels of a bilan a caller may ask (issue 26, journey 5), as reporting's policy allows them
// (apps/reporting/src/bilans/bilan-scope.policy.ts, docs/scopes.md): what a role may not ask is not offered, and the
// API still refuses it. A level that is the caller's own scope has its code given, not chosen.
import { schoolYearOf } from '@forma/domain/school-year';
import type { Caller } from './session';

export type BilanLevel = 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';

export const BILAN_LEVELS: Record<BilanLevel, string> = {
  academie: 'Académie',
  department: 'Département',
  district: 'Circonscription',
  school: 'Établissement',
  'canope-dt': 'Direction territoriale Canopé',
  module: 'Formation (module)',
  dispositif: 'Dispositif',
};

type Scoped = Pick<Caller, 'role' | 'level' | 'code'>;

/** The levels this caller may ask, broadest first. */
export function bilanLevels(caller: Scoped): BilanLevel[] {
  switch (caller.role) {
    case 'dafpen-admin':
      return ['academie', 'department', 'district', 'school', 'canope-dt', 'module', 'dispositif'];
    case 'canope-referent':
      return caller.level === 'canope-dt' ? ['canope-dt', 'module', 'dispositif'] : ['module', 'dispositif'];
    case 'ien':
      if (caller.level === 'department') return ['department', 'district', 'school'];
      return caller.level === 'district' ? ['district', 'school'] : [];
    case 'school-head':
      return caller.level === 'school' ? ['school'] : [];
    default:
      return [];
  }
}

/** The code of a level the caller's scope names (their académie, department, district, school, DT), else undefined. */
export function ownCode(caller: Scoped & Pick<Caller, 'academy'>, level: BilanLevel): string | undefined {
  if (level === 'academie') return caller.academy;
  return caller.level === level ? caller.code : undefined;
}

/** What a bilan is asked of: a level and the code of one of its entities (empty until chosen). */
export interface Area {
  level: BilanLevel;
  code: string;
}

/** The area a caller's bilan opens on: their broadest level, with its code when their scope names it. */
export function firstArea(caller: Scoped & Pick<Caller, 'academy'>): Area | undefined {
  const [level] = bilanLevels(caller);
  return level && { level, code: ownCode(caller, level) ?? '' };
}

/** The school years a bilan is usually asked for: the current one (on `today`, AAAA-MM-JJ) and the two before. */
export function recentSchoolYears(today: string): string[] {
  const current = Number(schoolYearOf(today).slice(0, 4));
  return [0, 1, 2].map((back) => `${current - back}-${current - back + 1}`);
}
