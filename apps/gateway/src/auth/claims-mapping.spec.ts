import { DEFAULT_CLAIMS, identityFromClaims, parseClaimsMapping } from './claims-mapping';

describe('claims mapping (AUTH_CLAIMS)', () => {
  it('defaults to Forma’s own claims', () => {
    expect(parseClaimsMapping(undefined)).toEqual(DEFAULT_CLAIMS);
    const identity = identityFromClaims(
      { sub: 'u1', roles: ['ien'], scope: { level: 'district', code: '973-kourou', academy: 'guyane' } },
      DEFAULT_CLAIMS,
    );
    expect(identity).toMatchObject({ sub: 'u1', roles: ['ien'], scope: { level: 'district', code: '973-kourou' } });
  });

  it('maps a provider’s group names and flat scope claims; a space-separated string of roles works too', () => {
    const mapping = parseClaimsMapping(
      '{"roles":"groups","roleNames":{"GRP_IEN":"ien"},"scopeLevel":"lvl","scopeCode":"cd","academy":"aca"}',
    );
    expect(
      identityFromClaims(
        { sub: 'u2', groups: 'GRP_IEN AUTRE', lvl: 'district', cd: '973-kourou', aca: 'guyane' },
        mapping,
      ),
    ).toMatchObject({
      roles: ['ien'],
      scope: { level: 'district', code: '973-kourou', academy: 'guyane' },
    });
  });

  it('refuses a wrong mapping at start, saying what is wrong', () => {
    expect(() => parseClaimsMapping('{')).toThrow(/AUTH_CLAIMS must be JSON/);
    expect(() => parseClaimsMapping('{"scopeLevel":"lvl"}')).toThrow(/together/);
    expect(() => parseClaimsMapping('{"roleNames":{"X":"super-admin"}}')).toThrow(/unknown roles: super-admin/);
  });

  it('refuses a token without a known role, or with an unknown scope level', () => {
    expect(() =>
      identityFromClaims(
        { sub: 'u3', roles: ['root'], scope: { level: 'academie', code: 'guyane', academy: 'guyane' } },
        DEFAULT_CLAIMS,
      ),
    ).toThrow(/no known role/);
    expect(() =>
      identityFromClaims(
        { sub: 'u3', roles: ['ien'], scope: { level: 'planet', code: 'x', academy: 'guyane' } },
        DEFAULT_CLAIMS,
      ),
    ).toThrow(/unknown scope level/);
  });
});
