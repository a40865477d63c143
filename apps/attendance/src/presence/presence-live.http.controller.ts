import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { LiveStreams } from '@forma/platform';
import { Controller, Get, Headers, OnModuleDestroy, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SPACE_READERS } from '../session-access.rules';
import { PresenceQueries } from './presence.queries';
import { PRESENCE_CHANNEL } from './session-space.repository';

/**
 * A session's presence, live (issue 27): a Server-Sent Events stream telling the sheet's readers when a mark or a
 * signature was recorded (its `id`: the ledger's last entry), so that a trainer's screen follows the signatures
 * arriving within a second; the sheet itself is read again from its route, cut to what the reader reaches.
 */
@ApiTags('attendance')
@Controller('api/v1/attendance/sessions/:sessionId')
export class PresenceLiveHttpController implements OnModuleDestroy {
  private readonly streams: LiveStreams;

  constructor(private readonly queries: PresenceQueries) {
    this.streams = new LiveStreams({
      name: 'presence-live',
      channel: PRESENCE_CHANNEL,
      databaseUrl: () => queries.databaseUrl,
      event: 'presence-changed',
    });
  }

  @Get('live')
  @Authorize(...SPACE_READERS)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Flux Server-Sent Events : « presence-changed » (id : la dernière entrée du registre) à chaque marque ou ' +
      'signature ; « ready » à la connexion ; reprise par Last-Event-ID.',
    schema: { type: 'string', example: 'id: 311\nevent: presence-changed\ndata: {"seq":311}\n\n' },
  })
  @ApiOperation({
    summary:
      'La feuille de la session en direct : un flux d’événements qui dit quand la relire (mêmes droits et même périmètre que la feuille).',
  })
  async live(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await this.queries.reach(caller, sessionId);
    await this.streams.open(sessionId, await this.queries.position(sessionId), lastEventId, response);
  }

  onModuleDestroy(): Promise<void> {
    return this.streams.close();
  }
}
