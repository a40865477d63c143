import { Public } from '@forma/auth';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ServiceName } from '../gateway.environment';
import { ServiceClient } from '../proxy/service.client';

/** The services' routes the gateway serves to anyone (no token): in /docs as public, limited per address. */
export const PUBLIC_ROUTES: Partial<Record<ServiceName, string[]>> = {
  attendance: ['/api/v1/verification/{code}', '/verification/{code}'],
};

/**
 * The only public routes behind the gateway: an attestation's verification, by its code (the JSON route and the page
 * its QR code links to), forwarded to attendance without an identity. /docs shows them as attendance documents them.
 */
@ApiExcludeController()
@Controller()
export class VerificationHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get('api/v1/verification/:code')
  @Public()
  async verify(@Param('code') code: string, @Res() response: Response): Promise<void> {
    await this.services.forward(
      'attendance',
      { method: 'GET', path: `/api/v1/verification/${encodeURIComponent(code)}` },
      response,
    );
  }

  @Get('verification/:code')
  @Public()
  async page(@Param('code') code: string, @Res() response: Response): Promise<void> {
    await this.services.forward(
      'attendance',
      { method: 'GET', path: `/verification/${encodeURIComponent(code)}` },
      response,
    );
  }
}
