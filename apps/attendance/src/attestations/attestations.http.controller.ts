import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate, sendFile, ApiFileResponse } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RUNNERS, SPACE_READERS } from '../session-access.rules';
import { AttestationRow } from './attestation.repository';
import { AttestationService } from './attestation.service';
import {
  AttestationView,
  IssueAnswer,
  IssueRequest,
  OwnAttestationView,
  RevokeAnswer,
  RevokeRequest,
} from './attestations.dto';

/** Where an attestation stands: its PDF being rendered, issued, or revoked. */
const stateOf = (a: AttestationRow): 'pending' | 'issued' | 'revoked' =>
  a.revokedAt ? 'revoked' : a.renderedAt ? 'issued' : 'pending';

/** Attestations de présence: issued, downloaded (one, or the session's as a ZIP), revoked and replaced. */
@ApiTags('attendance')
@Controller('api/v1/attendance')
export class AttestationsHttpController {
  constructor(private readonly attestations: AttestationService) {}

  @Post('sessions/:sessionId/attestations')
  @IdempotentCreate()
  @HttpCode(200)
  @ApiAcceptedResponse({
    description: 'Des PDF sont encore en production (`pending`) : la liste des attestations dit quand.',
  })
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Émet les attestations des formations terminées (jamais pour qui n’a jamais été présent). Ce qu’elles énoncent et leur code sont enregistrés aussitôt ; ' +
      'leurs PDF sont produits ensuite (AttestationIssued, envoi à l’IEN et à la DFP) : 202 tant que `pending` en attend, 200 sinon. ' +
      'La liste des attestations de la session dit où en est chacune (`state`).',
  })
  async issue(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: IssueRequest,
    @CurrentIdentity() caller: Identity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssueAnswer> {
    const { issued, skipped, pending } = await this.attestations.issue(caller, sessionId, body.registrationIds);
    res.status(pending ? 202 : 200);
    if (pending) res.setHeader('location', `/api/v1/attendance/sessions/${sessionId}/attestations`);
    return {
      issued: issued.map((a) => ({
        id: a.id,
        code: a.code,
        registrationId: a.registrationId,
        state: stateOf(a),
        sha256: a.sha256,
        verificationUrl: this.attestations.verificationUrl(a.code),
      })),
      skipped,
      pending,
    };
  }

  @Get('sessions/:sessionId/attestations')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Les attestations de la session, chacune avec son état : pending (PDF en cours de production), issued, revoked.',
  })
  async list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<AttestationView[]> {
    return (await this.attestations.ofSession(caller, sessionId)).map((a) => ({
      id: a.id,
      code: a.code,
      registrationId: a.registrationId,
      state: stateOf(a),
      person: a.snapshot.person,
      sha256: a.sha256,
      issuedAt: a.issuedAt,
      revokedAt: a.revokedAt,
      revokeReason: a.revokeReason,
      replacedBy: a.replacedBy,
    }));
  }

  @Get('my-attestations')
  @Authorize('participant')
  @ApiOperation({
    summary:
      'Mes attestations (participant) : celles des inscriptions de la personne du jeton (son adresse) dans son académie, les plus récentes d’abord.',
  })
  async mine(@CurrentIdentity() caller: Identity): Promise<OwnAttestationView[]> {
    return (await this.attestations.mine(caller)).map((a) => ({
      id: a.id,
      code: a.code,
      registrationId: a.registrationId,
      state: stateOf(a),
      training: a.snapshot.training,
      dates: a.snapshot.dates,
      sha256: a.sha256,
      issuedAt: a.issuedAt,
      revokedAt: a.revokedAt,
      revokeReason: a.revokeReason,
      replacedBy: a.replacedBy,
    }));
  }

  @Get('sessions/:sessionId/attestations.zip')
  @ApiFileResponse('application/zip', 'Les attestations de la session (ZIP de PDF).')
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Toutes les attestations valides de la session, en un ZIP.' })
  async zip(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    const zip = await this.attestations.zip(caller, sessionId);
    sendFile(res, { type: 'application/zip', name: `attestations-${sessionId}.zip` }, zip);
  }

  @Get('attestations/:id/pdf')
  @ApiFileResponse('application/pdf', 'L’attestation (PDF).')
  @Authorize(...SPACE_READERS)
  @ApiOperation({
    summary: 'Une attestation (PDF) : à la personne, aux formateurs et organisateurs, et à qui atteint la personne.',
  })
  async pdf(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentIdentity() caller: Identity,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, pdf } = await this.attestations.pdf(caller, id);
    sendFile(res, { type: 'application/pdf', name: fileName }, pdf);
  }

  @Post('attestations/:id/revoke')
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Révoque une attestation avec un motif ; `reissue` émet sa remplaçante (la vérification de l’ancienne la nomme).',
  })
  async revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RevokeRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<RevokeAnswer> {
    const { revoked, replacement } = await this.attestations.revoke(caller, id, body.reason, !!body.reissue);
    return {
      id: revoked.id,
      code: revoked.code,
      revokedAt: revoked.revokedAt,
      replacement: replacement && { id: replacement.id, code: replacement.code },
    };
  }
}
