import { Identity, Role } from '@forma/auth';
import { RuleViolation } from '@forma/domain';
import { assertModuleAllows, assertSchedulable, assertVisible, findPrerequisiteCycle } from './module.rules';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as RuleViolation).code;
  }
}

describe('module lifecycle: draft -> published -> archived', () => {
  it('a draft is edited and published; it takes no session yet', () => {
    expect(codeOf(() => assertModuleAllows('draft', 'edit'))).toBeUndefined();
    expect(codeOf(() => assertModuleAllows('draft', 'publish'))).toBeUndefined();
    expect(codeOf(() => assertModuleAllows('draft', 'schedule'))).toBe('module_not_published');
  });

  it('a published module is revised, scheduled and archived, not published twice', () => {
    expect(codeOf(() => assertModuleAllows('published', 'edit'))).toBeUndefined();
    expect(codeOf(() => assertModuleAllows('published', 'schedule'))).toBeUndefined();
    expect(codeOf(() => assertModuleAllows('published', 'archive'))).toBeUndefined();
    expect(codeOf(() => assertModuleAllows('published', 'publish'))).toBe('module_already_published');
  });

  it('an archived module is read-only', () => {
    for (const action of ['edit', 'publish', 'archive', 'schedule'] as const) {
      expect(codeOf(() => assertModuleAllows('archived', action))).toBe('module_archived');
    }
  });
});

describe('prerequisites refuse cycles', () => {
  // seed 000: M2 requires M1, M3 requires M2
  const graph = new Map<string, string[]>([
    ['M2', ['M1']],
    ['M3', ['M2']],
  ]);
  const of = (id: string) => graph.get(id) ?? [];

  it('accepts a chain and a diamond', () => {
    expect(findPrerequisiteCycle('M4', ['M3', 'M1'], of)).toBeUndefined();
    expect(findPrerequisiteCycle('M3', ['M1'], of)).toBeUndefined();
  });

  it('finds the cycle M1 -> M3 -> M2 -> M1 with its path', () => {
    expect(findPrerequisiteCycle('M1', ['M3'], of)).toEqual(['M1', 'M3', 'M2', 'M1']);
  });

  it('refuses a module that requires itself', () => {
    expect(findPrerequisiteCycle('M1', ['M1'], of)).toEqual(['M1', 'M1']);
  });
});

describe('modules belong to their académie', () => {
  it('plans sessions of its own modules and of national dispositifs only', () => {
    expect(codeOf(() => assertSchedulable({ academy: 'guyane', gaiaKey: null }, 'guyane'))).toBeUndefined();
    expect(codeOf(() => assertSchedulable({ academy: 'guyane', gaiaKey: null }, 'toulouse'))).toBe('foreign_academy');
    expect(codeOf(() => assertSchedulable({ academy: 'guyane', gaiaKey: 'guyane:25A0330001:7' }, 'toulouse'))).toBe(
      'foreign_academy',
    );
    expect(
      codeOf(() => assertSchedulable({ academy: 'guyane', gaiaKey: 'N:25NDEN0001:7' }, 'toulouse')),
    ).toBeUndefined();
  });

  it('shows a draft to its académie’s organisers only, a published module to all', () => {
    const as = (role: Role, academy = 'guyane'): Identity => ({
      sub: role,
      roles: [role],
      scope: { level: 'academie', code: academy, academy },
    });
    const draft = { id: 'm', academy: 'guyane', status: 'draft' };
    expect(codeOf(() => assertVisible(draft, as('dafpen-admin', 'toulouse')))).toBe('module_not_found');
    expect(codeOf(() => assertVisible(draft, as('participant')))).toBe('module_not_found');
    expect(codeOf(() => assertVisible(draft, as('ien')))).toBeUndefined();
    expect(
      codeOf(() => assertVisible({ ...draft, status: 'published' }, as('participant', 'toulouse'))),
    ).toBeUndefined();
  });
});
