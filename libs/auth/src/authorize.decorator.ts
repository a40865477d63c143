import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from './identity';

export const AUTHORIZE_KEY = 'forma:authorize';

export type AuthorisationRule = { public: true } | { public: false; roles: readonly Role[] };

/**
 * The route is open to callers holding at least one of these roles. Its OpenAPI operation declares the bearer scheme
 * (so /docs sends the token) and its 401 and 403 answers.
 */
export const Authorize = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(AUTHORIZE_KEY, { public: false, roles } satisfies AuthorisationRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'unauthenticated : jeton absent, expiré ou invalide' }),
    ApiForbiddenResponse({ description: `forbidden : rôle requis parmi ${roles.join(', ')}, ou ressource hors de votre périmètre` }),
  );

/** The route needs no identity (health, documentation, token issuing in development). */
export const Public = () => SetMetadata(AUTHORIZE_KEY, { public: true } satisfies AuthorisationRule);
