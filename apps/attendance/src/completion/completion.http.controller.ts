import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReasonRequest } from '../presence/presence.dto';
import { RUNNERS } from '../session-access.rules';
import { CompleteRequest } from './completion.dto';
import { CompletionOutcome, CompletionRevoked, CompletionService } from './completion.service';
import { CompletionRow } from './completion.repository';

/** "Formation terminée": declared by a trainer of the session under the versioned rule; revoked with a reason. */
@ApiTags('attendance')
@Controller('api/v1/attendance')
export class CompletionHttpController {
  constructor(private readonly completions: CompletionService) {}

  @Post('sessions/:sessionId/completions')
  @IdempotentCreate()
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Déclare « formation terminée » (une personne ou toute la liste) : chacune selon la règle (présence, activités requises), avec ce qui manque sinon ; ParticipantCompleted.',
  })
  @ApiConflictResponse({ description: 'session_archived' })
  complete(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: CompleteRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<CompletionOutcome[]> {
    return this.completions.complete(caller, sessionId, body.registrationIds);
  }

  @Get('sessions/:sessionId/completions')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary:
      'Les formations terminées de la session (actives et révoquées), avec la version de la règle et ses preuves.',
  })
  list(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<CompletionRow[]> {
    return this.completions.ofSession(caller, sessionId);
  }

  @Post('registrations/:registrationId/completion/revoke')
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary: 'Révoque une formation terminée, avec un motif (et l’attestation qu’elle fondait) : CompletionRevoked.',
  })
  revoke(
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() body: ReasonRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<CompletionRevoked> {
    return this.completions.revoke(caller, registrationId, body.reason);
  }
}
