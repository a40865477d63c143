import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnknownEventView } from '../bilans/bilan.dto';
import { EventLogQueries } from './event-log.queries';

@ApiTags('reports')
@Controller('api/v1/reports/events')
export class EventLogHttpController {
  constructor(private readonly log: EventLogQueries) {}

  @Get('unknown')
  @Authorize('dafpen-admin')
  @ApiOperation({
    summary:
      "Les événements reçus d'un type ou d'une version que reporting ne connaît pas : gardés dans le journal, non appliqués (académie de l'appelant).",
  })
  @ApiOkResponse({ type: [UnknownEventView] })
  unknown(@CurrentIdentity() caller: Identity): Promise<UnknownEventView[]> {
    return this.log.unknown(caller.scope.academy);
  }
}
