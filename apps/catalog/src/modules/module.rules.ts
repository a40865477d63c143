import { Identity, organises } from '@forma/auth/rules';
import type { ModuleStatus } from '@forma/contracts';
import { RuleViolation } from '@forma/domain';

export type ModuleAction = 'edit' | 'publish' | 'archive' | 'schedule';

/**
 * draft -> published -> archived. A draft is edited in place; editing a published module makes a new revision (sessions
 * already planned keep theirs); an archived module is read-only and takes no new session.
 */
export function assertModuleAllows(status: ModuleStatus, action: ModuleAction): void {
  if (status === 'archived') {
    throw new RuleViolation(
      'conflict',
      'module_archived',
      'Ce module est archivé : il ne peut plus être modifié ni planifié.',
      [{ field: 'status', rule: 'archived', message: 'status : module archivé, en lecture seule' }],
    );
  }
  if (action === 'publish' && status !== 'draft') {
    throw new RuleViolation(
      'conflict',
      'module_already_published',
      'Ce module est déjà publié : modifiez-le pour en créer une révision.',
      [{ field: 'status', rule: 'draft', message: 'status : seul un brouillon se publie' }],
    );
  }
  if (action === 'schedule' && status !== 'published') {
    throw new RuleViolation('conflict', 'module_not_published', 'Seul un module publié peut recevoir des sessions.', [
      { field: 'moduleId', rule: 'published', message: 'moduleId : module en brouillon' },
    ]);
  }
}

/**
 * The path that would close a cycle if `moduleId` required `requiredIds`: from one of them back to `moduleId` through
 * the existing prerequisites, or undefined when there is none.
 */
export function findPrerequisiteCycle(
  moduleId: string,
  requiredIds: readonly string[],
  prerequisitesOf: (id: string) => readonly string[],
): string[] | undefined {
  for (const start of requiredIds) {
    if (start === moduleId) return [moduleId, moduleId];
    const stack: string[][] = [[start]];
    const seen = new Set<string>();
    while (stack.length) {
      const path = stack.pop() as string[];
      const current = path[path.length - 1];
      if (current === moduleId) return [moduleId, ...path];
      if (seen.has(current)) continue;
      seen.add(current);
      for (const next of prerequisitesOf(current)) stack.push([...path, next]);
    }
  }
  return undefined;
}

/** A cycle is refused, naming the modules it would go through. */
export function prerequisiteCycle(cycle: string[], titles: ReadonlyMap<string, string>): RuleViolation {
  return new RuleViolation(
    'invalid',
    'prerequisite_cycle',
    `Ces prérequis formeraient un cycle : ${cycle.map((c) => `« ${titles.get(c) ?? c} »`).join(' → ')}.`,
    [{ field: 'requiredModuleIds', rule: 'acyclic', message: 'requiredModuleIds : cycle de prérequis' }],
  );
}

export function unknownRequiredModules(
  requiredIds: readonly string[],
  known: ReadonlyMap<string, string>,
): RuleViolation | undefined {
  const unknown = requiredIds.map((r, i) => ({ r, i })).filter(({ r }) => !known.has(r));
  if (!unknown.length) return undefined;
  return new RuleViolation(
    'invalid',
    'unknown_module',
    'Un module requis est inconnu.',
    unknown.map(({ r, i }) => ({
      field: `requiredModuleIds[${i}]`,
      rule: 'exists',
      message: `requiredModuleIds[${i}] : module ${r} inconnu`,
    })),
  );
}

export function moduleNotFound(id: string): RuleViolation {
  return RuleViolation.onField(
    'not_found',
    'module_not_found',
    `Aucun module ${id} dans l'offre.`,
    'moduleId',
    `moduleId : module ${id} inconnu`,
  );
}

/** Only the académie that owns a module changes it. */
export function assertOwnModule(module: { academy: string }, callerAcademy: string): void {
  if (module.academy !== callerAcademy) {
    throw new RuleViolation(
      'forbidden',
      'foreign_academy',
      `Ce module appartient à l'académie ${module.academy} : seule elle peut le modifier.`,
    );
  }
}

/**
 * Sessions of a module are planned by the académie that owns it; a national dispositif's module (GAIA key `N:…`) is
 * shared, and every académie plans its own sessions of it.
 */
export function assertSchedulable(module: { academy: string; gaiaKey: string | null }, callerAcademy: string): void {
  if (module.academy === callerAcademy || module.gaiaKey?.startsWith('N:')) return;
  throw new RuleViolation(
    'forbidden',
    'foreign_academy',
    `Ce module appartient à l'académie ${module.academy} : seule elle en planifie les sessions (hors dispositif national).`,
  );
}

/** A draft is work in progress of its académie's organisers: no one else sees it (nor learns it exists). */
export function assertVisible(module: { id: string; academy: string; status: string }, caller: Identity): void {
  if (module.status === 'draft' && !organises(caller, module.academy)) throw moduleNotFound(module.id);
}
