import { CanActivate, ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { currentContext } from '@forma/observability';
import { AuthorisationRule, AUTHORIZE_KEY } from './authorize.decorator';
import { hasAnyRole, Identity } from './identity';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  identity?: Identity;
}

/**
 * Deny by default: a route without `@Authorize(...)` or `@Public()` refuses every caller. Subclasses say how the
 * identity is read (a user's bearer token at the gateway, the signed internal header in the services).
 */
export abstract class AuthorisationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  protected abstract authenticate(request: AuthenticatedRequest): Identity | Promise<Identity>;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // events are authorised by the topic they come from
    const rule = this.reflector.getAllAndOverride<AuthorisationRule | undefined>(AUTHORIZE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new ForbiddenException({
        code: 'authorisation_rule_missing',
        message: "Cette route n'a pas de règle d'autorisation : elle est refusée.",
      });
    }
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    let identity: Identity;
    try {
      identity = await this.authenticate(request);
    } catch (error) {
      throw new UnauthorizedException({
        code: 'unauthenticated',
        message: `Authentification requise : ${(error as Error).message}.`,
      });
    }
    request.identity = identity;
    const context$ = currentContext();
    if (context$) {
      context$.actor = { kind: 'user', id: identity.sub };
      context$.academy = identity.scope.academy;
    }
    if (!hasAnyRole(identity, rule.roles)) {
      throw new ForbiddenException({
        code: 'forbidden_role',
        message: `Accès refusé : cette action demande l'un des rôles ${rule.roles.join(', ')}.`,
      });
    }
    return true;
  }
}
