import { JwtService } from '@nestjs/jwt';
import { InternalIdentitySigner, toIdentity } from './internal-identity';

const identity = {
  sub: 'user-42',
  roles: ['dafpen-admin' as const],
  scope: { level: 'academie' as const, code: 'guyane', academy: 'guyane' },
};

describe('internal identity header', () => {
  const signer = new InternalIdentitySigner('a-test-secret-that-is-long-enough-123');

  it('round-trips an identity', () => {
    expect(signer.verify(signer.sign(identity))).toMatchObject(identity);
  });

  it('refuses a header signed with another secret', () => {
    const other = new InternalIdentitySigner('another-secret-that-is-long-enough-456');
    expect(() => signer.verify(other.sign(identity))).toThrow(/signature/);
  });

  it('reads a header signed from the secret as text (a gateway of the previous version, during a rolling deploy), and refuses another algorithm', () => {
    const secret = 'a-test-secret-that-is-long-enough-123';
    const claims = { roles: identity.roles, scope: identity.scope };
    const options = { subject: identity.sub, audience: 'forma-internal', issuer: 'forma-gateway', expiresIn: 60 };
    expect(signer.verify(new JwtService({ secret }).sign(claims, { ...options, algorithm: 'HS256' }))).toMatchObject(
      identity,
    );
    expect(() => signer.verify(new JwtService({ secret }).sign(claims, { ...options, algorithm: 'HS512' }))).toThrow(
      /algorithm/,
    );
  });

  it('refuses a short secret', () => {
    expect(() => new InternalIdentitySigner('short')).toThrow(/32 characters/);
  });

  it('refuses claims with an unknown role or no scope', () => {
    expect(() => toIdentity({ sub: 'x', roles: ['root'], scope: identity.scope })).toThrow(/role/);
    expect(() => toIdentity({ sub: 'x', roles: ['ien'] })).toThrow(/scope/);
  });
});
