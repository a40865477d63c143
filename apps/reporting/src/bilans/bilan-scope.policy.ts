import { Identity } from '@forma/auth/rules';

/** The levels a bilan is asked at (issue 16): the places, a Canopé DT's trainings, one training, one dispositif. */
export const BILAN_LEVELS = [
  'academie',
  'department',
  'district',
  'school',
  'canope-dt',
  'module',
  'dispositif',
] as const;
export type BilanLevel = (typeof BILAN_LEVELS)[number];

/** Where the asked area sits, as reporting knows it (null: no such area in the caller's académie). */
export interface AreaPlace {
  academy: string;
  department?: string | null;
  district?: string | null;
}

export type BilanRefusal = 'bi_only' | 'out_of_scope' | 'foreign_academy';

/**
 * Who may read which bilan (docs/scopes.md): the DAFPEN its académie at every level; a Canopé referent its DT and its
 * académie's trainings; an IEN its district (or department) and the schools in it; a school head its school.
 * `bi-reader`
 * reads aggregates through the BI API only. Another académie's area is never reached.
 */
export function bilanRefusal(caller: Identity, level: BilanLevel, code: string, place: AreaPlace): BilanRefusal | null {
  if (place.academy !== caller.scope.academy) return 'foreign_academy';
  const roles = caller.roles;
  if (roles.includes('dafpen-admin')) return null;
  if (roles.includes('canope-referent')) {
    if (level === 'module' || level === 'dispositif') return null;
    if (level === 'canope-dt' && caller.scope.level === 'canope-dt' && caller.scope.code === code) return null;
  }
  if (roles.includes('ien')) {
    const { level: own, code: mine } = caller.scope;
    if (own === 'district' && (level === 'district' || level === 'school') && place.district === mine) return null;
    if (own === 'department' && ['department', 'district', 'school'].includes(level) && place.department === mine)
      return null;
  }
  if (
    roles.includes('school-head') &&
    level === 'school' &&
    caller.scope.level === 'school' &&
    caller.scope.code === code
  )
    return null;
  if (roles.length === 1 && roles[0] === 'bi-reader') return 'bi_only';
  return 'out_of_scope';
}
