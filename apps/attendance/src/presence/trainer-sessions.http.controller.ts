import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PresenceQueries } from './presence.queries';
import { TrainerSession } from './session-space.repository';

/** A trainer's space (issue 27): the sessions that name them, and nothing else (seed 003's circle of trust). */
@ApiTags('attendance')
@Controller('api/v1/attendance')
export class TrainerSessionsHttpController {
  constructor(private readonly queries: PresenceQueries) {}

  @Get('my-sessions')
  @Authorize('trainer')
  @ApiOperation({
    summary:
      'Mes sessions : celles de l’académie qui nomment le formateur connecté (son adresse), les plus proches d’abord.',
  })
  mine(@CurrentIdentity() caller: Identity): Promise<TrainerSession[]> {
    return this.queries.trainerSessions(caller);
  }
}
