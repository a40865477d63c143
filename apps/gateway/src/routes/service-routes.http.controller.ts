import { Authorize, CurrentIdentity, Identity, ROLES } from '@forma/auth';
import { IDEMPOTENCY_HEADER, ProblemError } from '@forma/http';
import { SERVICE_MANIFEST } from '@forma/platform';
import { All, Controller, ForbiddenException, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ServiceName } from '../gateway.environment';
import { ServiceClient } from '../proxy/service.client';
import { RouteRolesTable } from './route-roles';

/**
 * The first path segment under /api/v1 of each service's routes, from the service manifest. /docs shows them as the
 * service documents them.
 */
export const SERVICE_ROUTES: Partial<Record<ServiceName, string[]>> = Object.fromEntries(
  SERVICE_MANIFEST.filter((s) => s.routes.length).map((s) => [s.name, [...s.routes]]),
);

const OWNER = new Map(
  Object.entries(SERVICE_ROUTES).flatMap(([service, prefixes]) =>
    prefixes.map((p) => [p, service as ServiceName] as const),
  ),
);
const ROUTES = [...OWNER.keys()].flatMap((p) => [p, `${p}/*path`]);

/**
 * Forwards the services' routes as they are: the gateway authenticates the caller, refuses a role the route does not
 * allow (`x-forma-roles` of the services' documents) and signs its identity; the service authorises each route again
 * (deny by default) and validates the body. File uploads and downloads are streamed.
 */
@ApiExcludeController()
@ApiBearerAuth()
@Controller('api/v1')
export class ServiceRoutesHttpController {
  constructor(
    private readonly services: ServiceClient,
    private readonly roles: RouteRolesTable,
  ) {}

  @All(ROUTES)
  @Authorize(...ROLES)
  async forward(
    @Req() request: Request,
    @CurrentIdentity() identity: Identity,
    @Res() response: Response,
  ): Promise<void> {
    const prefix = request.path.replace(/^\/api\/v1\//, '').split('/')[0];
    const service = OWNER.get(prefix);
    if (!service) throw new ProblemError(404, 'not_found', `Route inconnue : ${request.path}.`);
    const allowed = this.roles.rolesFor(request.method, request.path);
    if (allowed && !identity.roles.some((role) => allowed.includes(role))) {
      // the route's roles as its service documents them; the service checks them again
      throw new ForbiddenException({
        code: 'forbidden_role',
        message: `Accès refusé : cette action demande l'un des rôles ${allowed.join(', ')}.`,
      });
    }
    const type = request.header('content-type') ?? '';
    const json = /^application\/(.+\+)?json/i.test(type);
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(request.method);
    await this.services.forward(
      service,
      {
        method: request.method,
        path: request.originalUrl,
        identity,
        body: hasBody && json ? request.body : undefined,
        raw: hasBody && !json && type ? { stream: request, contentType: type } : undefined,
        idempotencyKey: request.header(IDEMPOTENCY_HEADER),
        ifMatch: request.header('if-match'),
        lastEventId: request.header('last-event-id'),
      },
      response,
    );
  }
}
