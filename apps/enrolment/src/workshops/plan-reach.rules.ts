import { Identity, isAcademyWide, sameAcademy } from '@forma/auth/rules';
import { RuleViolation } from '@forma/domain';

/** Where a workshop plan was made: the académie, and the scope of its author (a school, a district, the académie). */
export interface PlanOwner {
  academy: string;
  level: string;
  code: string;
}

export const planNotFound = (id: string) =>
  new RuleViolation('not_found', 'plan_not_found', `Plan de groupes introuvable : ${id}.`);

/** The scope a new plan belongs to: its author's. */
export function ownerOf(caller: Identity): PlanOwner {
  return { academy: caller.scope.academy, level: caller.scope.level, code: caller.scope.code };
}

/**
 * A plan names teachers: it is reached by the organisers of its académie (DAFPEN, Canopé) and by whoever holds the
 * scope it was made in (the school head of its school, the IEN of its district); to anyone else it does not exist.
 */
export function assertReachesPlan(id: string, owner: PlanOwner, caller: Identity): void {
  if (!sameAcademy(caller, owner.academy)) throw planNotFound(id);
  if (isAcademyWide(caller)) return;
  const holdsScope =
    caller.scope.level === owner.level &&
    caller.scope.code === owner.code &&
    caller.roles.some((r) => r === 'ien' || r === 'school-head');
  if (!holdsScope) throw planNotFound(id);
}
