import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from './identity';

export const AUTHORIZE_KEY = 'forma:authorize';

export type AuthorisationRule = { public: true } | { public: false; roles: readonly Role[] };

/**
 * The route is open to callers holding at least one of these roles. Its OpenAPI operation declares the bearer scheme
 * (so /docs sends the token), its 401 and 403 answers, and the roles (`x-forma-roles`, which the authorisation matrix
 * in docs/authorisation-matrix.json is checked against).
 */
export const Authorize = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(AUTHORIZE_KEY, { public: false, roles } satisfies AuthorisationRule),
    ApiBearerAuth(),
    ApiExtension('x-forma-roles', [...roles]),
    ApiUnauthorizedResponse({ description: 'unauthenticated : jeton absent, expiré ou invalide' }),
    ApiForbiddenResponse({
      description: `forbidden : rôle requis parmi ${roles.join(', ')}, ou ressource hors de votre périmètre`,
    }),
  );

/** The route needs no identity (health, documentation, token issuing in development). */
export const Public = () => SetMetadata(AUTHORIZE_KEY, { public: true } satisfies AuthorisationRule);
