import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RUNNERS, SPACE_READERS } from '../session-access.rules';
import { ActivitiesRequest, ProgressRequest } from './progress.dto';
import { ProgressService } from './progress.service';
import { ProgressOverview } from './progress.service';

/** The parcours' monitored activities (m@gistère's progress bar) and each participant's progress. */
@ApiTags('attendance')
@Controller('api/v1/attendance/sessions/:sessionId')
export class ProgressHttpController {
  constructor(private readonly progress: ProgressService) {}

  @Put('activities')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary: 'Les activités suivies du parcours (échéance, obligatoire ou non) et si la progression est requise.',
  })
  define(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ActivitiesRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<ProgressOverview> {
    return this.progress.define(caller, sessionId, body.progressRequired, body.activities);
  }

  @Post('progress')
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Note des activités faites (ou défaites) par des participants : ProgressUpdated.' })
  record(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ProgressRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<ProgressOverview> {
    return this.progress.record(caller, sessionId, body.entries);
  }

  @Get('progress')
  @Authorize(...SPACE_READERS)
  @ApiOperation({
    summary:
      'La progression : par participant visible, chaque activité faite / à faire / en retard, et un pourcentage.',
  })
  overview(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<ProgressOverview> {
    return this.progress.overview(caller, sessionId);
  }
}
