import { Authorize, CurrentIdentity, Identity, ROLES } from '@forma/auth';
import { IDEMPOTENCY_HEADER } from '@forma/http';
import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ServiceClient } from '../proxy/service.client';

/** Route prefixes the catalog owns, under /api/v1. Their OpenAPI is the catalog's own (/docs lists it). */
export const CATALOG_ROUTES = [
  'modules',
  'modules/*path',
  'offer',
  'sessions/*path',
  'reference/*path',
  'calendar/*path',
  'requests/*path',
  'planner/*path',
  'gaia-imports/*path',
];

/**
 * Forwards the catalog's routes as they are: the gateway authenticates the caller and signs its identity; the catalog
 * authorises each route again (deny by default) and validates the body. File uploads are streamed through.
 */
@ApiExcludeController()
@ApiBearerAuth()
@Controller('api/v1')
export class CatalogHttpController {
  constructor(private readonly services: ServiceClient) {}

  @All(CATALOG_ROUTES)
  @Authorize(...ROLES)
  async forward(@Req() request: Request, @CurrentIdentity() identity: Identity, @Res() response: Response): Promise<void> {
    const type = request.header('content-type') ?? '';
    const json = /^application\/(.+\+)?json/i.test(type);
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(request.method);
    await this.services.forward(
      'catalog',
      {
        method: request.method,
        path: request.originalUrl,
        identity,
        body: hasBody && json ? request.body : undefined,
        raw: hasBody && !json && type ? { stream: request, contentType: type } : undefined,
        idempotencyKey: request.header(IDEMPOTENCY_HEADER),
        ifMatch: request.header('if-match'),
      },
      response,
    );
  }
}
