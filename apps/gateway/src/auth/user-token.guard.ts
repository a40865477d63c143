import { AuthenticatedRequest, AuthorisationGuard, Identity } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserTokenVerifier } from './user-token';

/** The gateway's guard: `Authorization: Bearer <jwt>`, then the route's rule (deny by default). */
@Injectable()
export class UserTokenGuard extends AuthorisationGuard {
  constructor(
    reflector: Reflector,
    private readonly verifier: UserTokenVerifier,
  ) {
    super(reflector);
  }

  protected async authenticate(request: AuthenticatedRequest): Promise<Identity> {
    const header = request.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    const match = value ? /^Bearer\s+(.+)$/i.exec(value) : null;
    if (!match) throw new Error('jeton Bearer absent');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      // the libraries' own texts are English and say too much: the caller is told, in French, expired or invalid
      const { name, code } = error as { name?: string; code?: string };
      throw new Error(name === 'TokenExpiredError' || code === 'ERR_JWT_EXPIRED' ? 'jeton expiré' : 'jeton invalide');
    }
  }
}
