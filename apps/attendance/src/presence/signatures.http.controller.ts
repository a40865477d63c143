import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RUNNERS } from '../session-access.rules';
import { SigningCodeQuery, SignRequest } from './signatures.dto';
import { SignatureAnswer, SignaturesService, SigningCodeAnswer } from './signatures.service';

/** Electronic émargement (issue 27): the rotating code of a half-day, and signatures with their proof. */
@ApiTags('attendance')
@Controller('api/v1/attendance/sessions/:sessionId')
export class SignaturesHttpController {
  constructor(private readonly signatures: SignaturesService) {}

  @Get('signing-code')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Le code d’émargement de la demi-journée, à afficher en QR code : il change toutes les 30 secondes et n’est accepté que pendant la demi-journée.',
  })
  @ApiConflictResponse({ description: 'slot_not_open, session_closed, session_cancelled' })
  code(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Query() query: SigningCodeQuery,
    @CurrentIdentity() caller: Identity,
  ): Promise<SigningCodeAnswer> {
    return this.signatures.code(caller, sessionId, query.slotIndex, query.part);
  }

  @Post('signatures')
  @IdempotentCreate()
  @HttpCode(201)
  @Authorize(...RUNNERS, 'participant')
  @ApiOperation({
    summary:
      'Signe la présence d’un participant pour une demi-journée : le code scanné par son propre téléphone, ou la signature tracée sur l’appareil du formateur. Une signature par personne et par demi-journée ; la preuve est gardée.',
  })
  @ApiForbiddenResponse({ description: 'signing_method_not_allowed, not_session_trainer' })
  @ApiConflictResponse({ description: 'already_signed, slot_not_open, session_closed, session_cancelled' })
  @ApiUnprocessableEntityResponse({
    description: 'signing_code_expired, signing_code_invalid, drawing_invalid, not_enrolled, unknown_part',
  })
  sign(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: SignRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<SignatureAnswer> {
    return this.signatures.sign(caller, sessionId, body);
  }

  @Get('signatures')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary: 'Les signatures électroniques de la session et leur preuve (méthode, heure, fenêtre du code, empreinte).',
  })
  list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SignatureAnswer[]> {
    return this.signatures.list(caller, sessionId);
  }
}
