import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, AuthorisationGuard } from './authorisation.guard';
import { Identity } from './identity';
import { INTERNAL_IDENTITY_HEADER, InternalIdentitySigner } from './internal-identity';

/** The services' guard: the identity comes only from the gateway's signed internal header. */
@Injectable()
export class InternalIdentityGuard extends AuthorisationGuard {
  constructor(
    reflector: Reflector,
    private readonly signer: InternalIdentitySigner,
  ) {
    super(reflector);
  }

  protected authenticate(request: AuthenticatedRequest): Identity {
    const header = request.headers[INTERNAL_IDENTITY_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw new Error(`en-tête ${INTERNAL_IDENTITY_HEADER} absent`);
    try {
      return this.signer.verify(token);
    } catch (error) {
      throw new Error(`en-tête ${INTERNAL_IDENTITY_HEADER} invalide (${(error as Error).message})`);
    }
  }
}
