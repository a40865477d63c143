import { Identity, ROLES, SCOPE_LEVELS, toIdentity } from '@forma/auth';

/**
 * How an académie's identity provider says who the user is, set by configuration (`AUTH_CLAIMS`, JSON): which claim
 * holds the roles and how its values name Forma's roles, and which claims hold the scope. By default the claims are
 * Forma's own (`roles`, `scope: { level, code, academy }`), as the development issuer mints them.
 */
export interface ClaimsMapping {
  /** Claim holding the roles (an array, or a space-separated string). */
  roles: string;
  /** The provider's role names to Forma's (`{"GRP_DAFPEN": "dafpen-admin"}`); unmapped names are Forma's own. */
  roleNames: Record<string, string>;
  /** Claim holding the whole scope object, or the three claims holding its parts. */
  scope?: string;
  scopeLevel?: string;
  scopeCode?: string;
  academy?: string;
  /** Claim holding the display name. */
  name: string;
  /** Claim holding the mail. */
  mail: string;
}

export const DEFAULT_CLAIMS: ClaimsMapping = {
  roles: 'roles',
  roleNames: {},
  scope: 'scope',
  name: 'name',
  mail: 'email',
};

/** Reads `AUTH_CLAIMS`; a wrong mapping stops the start, naming what is wrong. */
export function parseClaimsMapping(json: string | undefined): ClaimsMapping {
  if (!json) return DEFAULT_CLAIMS;
  let raw: Partial<ClaimsMapping>;
  try {
    raw = JSON.parse(json) as Partial<ClaimsMapping>;
  } catch {
    throw new Error(
      'AUTH_CLAIMS must be JSON, e.g. {"roles":"groups","roleNames":{"GRP_DAFPEN":"dafpen-admin"},"academy":"academie"}',
    );
  }
  const mapping: ClaimsMapping = { ...DEFAULT_CLAIMS, ...raw, roleNames: raw.roleNames ?? {} };
  if (raw.scopeLevel || raw.scopeCode || raw.academy) {
    if (!(raw.scopeLevel && raw.scopeCode && raw.academy)) {
      throw new Error(
        'AUTH_CLAIMS must name "scopeLevel", "scopeCode" and "academy" together (or "scope", an object claim)',
      );
    }
    mapping.scope = undefined;
  }
  const unknown = Object.values(mapping.roleNames).filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length)
    throw new Error(`AUTH_CLAIMS.roleNames maps to unknown roles: ${unknown.join(', ')} (known: ${ROLES.join(', ')})`);
  return mapping;
}

/** The identity a verified token's claims give, under the mapping (no known role or no valid scope: refused). */
export function identityFromClaims(claims: Record<string, unknown>, mapping: ClaimsMapping): Identity {
  const value = claims[mapping.roles];
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  const roles = [
    ...new Set(
      names
        .map((n) => mapping.roleNames[String(n)] ?? String(n))
        .filter((r) => (ROLES as readonly string[]).includes(r)),
    ),
  ];
  const scope = mapping.scope
    ? claims[mapping.scope]
    : {
        level: claims[mapping.scopeLevel as string],
        code: claims[mapping.scopeCode as string],
        academy: claims[mapping.academy as string],
      };
  const level = (scope as { level?: unknown } | undefined)?.level;
  if (level !== undefined && !(SCOPE_LEVELS as readonly unknown[]).includes(level))
    throw new Error(`unknown scope level ${String(level)}`);
  return toIdentity({
    sub: claims.sub,
    name: claims[mapping.name],
    mail: claims[mapping.mail] ?? claims.mail,
    roles,
    scope,
  });
}
