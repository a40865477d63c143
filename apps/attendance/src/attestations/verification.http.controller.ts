import { ApiFileResponse } from '@forma/http';
import { Public } from '@forma/auth';
import { isRuleViolation } from '@forma/domain';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AttestationService, Verification } from './attestation.service';
import { verificationPage } from './verification.page';

/**
 * Anyone holding an attestation checks it, without logging in: by its code, as JSON or as a page (the QR code's link).
 */
@ApiTags('verification')
@Controller()
export class VerificationHttpController {
  constructor(private readonly attestations: AttestationService) {}

  @Get('api/v1/verification/:code')
  @Public()
  @ApiOperation({
    summary:
      'Vérifie une attestation par son code (sans connexion) : ce qu’elle énonce, si elle est valide ou révoquée (et par quoi remplacée), l’empreinte SHA-256 de son PDF.',
  })
  @ApiOkResponse({ description: 'status valid | revoked | pending (émise, PDF en cours de production : sha256 null)' })
  verify(@Param('code') code: string): Promise<Verification> {
    return this.attestations.verify(code);
  }

  @Get('verification/:code')
  @Public()
  @ApiOperation({ summary: 'La page de vérification (le lien du QR code).' })
  @ApiFileResponse('text/html', 'La page de vérification (HTML, dans le système de design de l’État).')
  async page(@Param('code') code: string, @Res() res: Response): Promise<void> {
    try {
      res
        .status(200)
        .type('html')
        .send(verificationPage(code, await this.attestations.verify(code)));
    } catch (error) {
      if (!isRuleViolation(error)) throw error;
      res
        .status(error.kind === 'not_found' ? 404 : 422)
        .type('html')
        .send(verificationPage(code, { refusal: error.message }));
    }
  }
}
