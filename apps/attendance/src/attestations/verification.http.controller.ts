import { ApiFileResponse } from '@forma/http';
import { Public } from '@forma/auth';
import { isRuleViolation } from '@forma/domain';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { formatDuration } from '../presence/presence.rules';
import { frenchDate } from '@forma/documents';
import { AttestationService, Verification } from './attestation.service';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
    let body: string;
    let status = 200;
    try {
      const v = await this.attestations.verify(code);
      const s = v.statement;
      const state =
        v.status === 'valid'
          ? '<p class="ok">Attestation valide.</p>'
          : v.status === 'pending'
            ? '<p class="ok">Attestation émise, son PDF est en cours de production : revenez dans quelques secondes pour son empreinte.</p>'
            : `<p class="ko">Attestation révoquée le ${escape(frenchDate(v.revokedAt!))} : ${escape(v.revokeReason ?? '')}.${v.replacedBy ? ` Elle est remplacée par l’attestation ${escape(v.replacedBy)}.` : ''}</p>`;
      body = `${state}
<dl>
<dt>Personne</dt><dd>${escape(`${s.person.firstName} ${s.person.lastName}`)}${s.person.school ? `, ${escape(s.person.school)}` : ''}</dd>
<dt>Formation</dt><dd>${escape(s.training.title)} (groupe ${escape(s.training.groupNumber)}, académie ${escape(s.training.academy)})</dd>
<dt>Dates</dt><dd>du ${escape(frenchDate(s.dates.from))} au ${escape(frenchDate(s.dates.to))}</dd>
<dt>Durée prévue</dt><dd>${escape(formatDuration(s.planned.faceToFaceMinutes))} en présentiel, ${escape(formatDuration(s.planned.distanceMinutes))} à distance</dd>
<dt>Émise le</dt><dd>${escape(frenchDate(v.issuedAt))}</dd>
<dt>Empreinte SHA-256 du PDF émis</dt><dd>${v.sha256 ? `<code>${escape(v.sha256)}</code>` : 'en cours de production'}</dd>
</dl>
<p>Un PDF dont l’empreinte diffère a été modifié : seul ce qui est affiché ici fait foi.</p>`;
    } catch (error) {
      if (!isRuleViolation(error)) throw error;
      status = error.kind === 'not_found' ? 404 : 422;
      body = `<p class="ko">${escape(error.message)}</p>`;
    }
    res.status(status).type('html')
      .send(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vérification d’une attestation — Forma</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}.ok{color:#0a6b2d;font-weight:bold}.ko{color:#a40000;font-weight:bold}dt{font-weight:bold;margin-top:.6rem}code{word-break:break-all}</style>
</head><body><h1>Vérification d’une attestation de présence</h1><p>Code : <strong>${escape(code)}</strong></p>${body}</body></html>`);
  }
}
