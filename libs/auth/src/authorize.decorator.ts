import { SetMetadata } from '@nestjs/common';
import { Role } from './identity';

export const AUTHORIZE_KEY = 'forma:authorize';

export type AuthorisationRule = { public: true } | { public: false; roles: readonly Role[] };

/** The route is open to callers holding at least one of these roles. */
export const Authorize = (...roles: Role[]) => SetMetadata(AUTHORIZE_KEY, { public: false, roles } satisfies AuthorisationRule);

/** The route needs no identity (health, documentation, token issuing in development). */
export const Public = () => SetMetadata(AUTHORIZE_KEY, { public: true } satisfies AuthorisationRule);
