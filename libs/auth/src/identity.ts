/** Roles (first cut, docs/architecture.md). */
export const ROLES = [
  'dafpen-admin',
  'ien',
  'school-head',
  'trainer',
  'participant',
  'canope-referent',
  'bi-reader',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a caller acts: académie > department > district (or bassin) > school (UAI); Canopé DT beside it. */
export const SCOPE_LEVELS = ['academie', 'department', 'district', 'school', 'canope-dt'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export interface Scope {
  level: ScopeLevel;
  /** The code at that level: académie code, department number, district id, UAI or DT code. */
  code: string;
  /** The académie the scope belongs to. */
  academy: string;
}

export interface Identity {
  /** Subject: a stable id of the person (or client) as the identity provider knows it. */
  sub: string;
  name?: string;
  /**
   * The person's mail as the identity provider knows it: how a trainer is found on a session, a participant on a
   * registration.
   */
  mail?: string;
  roles: Role[];
  scope: Scope;
}

export function hasAnyRole(identity: Identity, roles: readonly Role[]): boolean {
  return identity.roles.some((r) => roles.includes(r));
}
