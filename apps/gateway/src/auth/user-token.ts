import { Identity, toIdentity } from '@forma/auth';
import { JwtService } from '@nestjs/jwt';

export const USER_AUDIENCE = 'forma-api';

/** Users' bearer tokens: verified here, at the edge; the services only trust the gateway's internal header. */
export class UserTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly issuer: string,
  ) {}

  verify(token: string): Identity {
    return toIdentity(this.jwt.verify(token, { audience: USER_AUDIENCE, issuer: this.issuer, algorithms: ['HS256'] }));
  }

  mint(identity: Identity, expiresInSeconds = 3600): string {
    return this.jwt.sign(
      { name: identity.name, roles: identity.roles, scope: identity.scope },
      { subject: identity.sub, audience: USER_AUDIENCE, issuer: this.issuer, expiresIn: expiresInSeconds, algorithm: 'HS256' },
    );
  }
}
