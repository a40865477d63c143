import { Identity, toIdentity } from '@forma/auth';
import { JwtService } from '@nestjs/jwt';
import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { ClaimsMapping, identityFromClaims } from './claims-mapping';

export const USER_AUDIENCE = 'forma-api';

/** Users' bearer tokens, verified at the edge; the services only trust the gateway's signed internal header. */
export abstract class UserTokenVerifier {
  abstract verify(token: string): Promise<Identity>;
}

/**
 * Tokens of the académie's OIDC provider: signature by a key of its JWKS (RS256 or ES256 by default; fetched, cached,
 * fetched again when a token names a key it does not know: key rotation), issuer, audience and expiry with a clock
 * tolerance; claims mapped to role and scope by configuration. `alg: none` and shared-secret algorithms are refused.
 */
export class JwksTokenVerifier extends UserTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    jwksUrl: string,
    private readonly options: {
      issuer: string;
      audience: string;
      algorithms: string[];
      clockToleranceSeconds: number;
      claims: ClaimsMapping;
    },
    cooldownMs = 30_000,
  ) {
    super();
    this.keys = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: cooldownMs, timeoutDuration: 5000 });
  }

  async verify(token: string): Promise<Identity> {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: this.options.algorithms,
      clockTolerance: this.options.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
    });
    return identityFromClaims(payload as Record<string, unknown>, this.options.claims);
  }
}

/** HS256 tokens with a shared secret: the development issuer's (and a deployment without an OIDC provider). */
export class SharedSecretVerifier extends UserTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly issuer: string,
  ) {
    super();
  }

  async verify(token: string): Promise<Identity> {
    return toIdentity(this.jwt.verify(token, { audience: USER_AUDIENCE, issuer: this.issuer, algorithms: ['HS256'] }));
  }

  mint(identity: Identity, expiresInSeconds = 3600): string {
    return this.jwt.sign(
      { name: identity.name, mail: identity.mail, roles: identity.roles, scope: identity.scope },
      {
        subject: identity.sub,
        audience: USER_AUDIENCE,
        issuer: this.issuer,
        expiresIn: expiresInSeconds,
        algorithm: 'HS256',
      },
    );
  }
}
