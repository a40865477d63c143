import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { IdempotentCreate } from '@forma/http';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RUNNERS } from '../session-access.rules';
import {
  FacilitatorMailParam,
  FacilitatorQuery,
  FacilitatorRequest,
  FeedbackRequest,
  ReferentRequest,
} from './feedback.dto';
import { Facilitator, FeedbackGiven, FeedbackService, ReferentFlagged, SessionFeedback } from './feedback.service';

/** Seed 004: impressions at the end and a week later, referent teachers, and the académie's facilitators. */
@ApiTags('attendance')
@Controller('api/v1/attendance')
export class FeedbackHttpController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post('sessions/:sessionId/feedback')
  @IdempotentCreate()
  @HttpCode(201)
  @Authorize('participant')
  @ApiOperation({ summary: 'Donne ses impressions à chaud ou à froid (une fois chacune).' })
  give(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: FeedbackRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<FeedbackGiven> {
    return this.feedback.give(caller, sessionId, body.moment, body.text);
  }

  @Get('sessions/:sessionId/feedback')
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Les impressions et les enseignants référents de la session.' })
  ofSession(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionFeedback> {
    return this.feedback.ofSession(caller, sessionId);
  }

  @Post('sessions/:sessionId/referents')
  @IdempotentCreate()
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary: 'Désigne un participant comme enseignant référent de la phase de pratique, sur une préoccupation.',
  })
  flag(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ReferentRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<ReferentFlagged> {
    return this.feedback.flag(caller, sessionId, body.registrationId, body.concern);
  }

  @Put('facilitators/:mail')
  @Authorize('dafpen-admin', 'canope-referent')
  @ApiOperation({
    summary: 'Ajoute ou met à jour un enseignant du vivier de facilitateurs de l’académie, avec ses préoccupations.',
  })
  putFacilitator(
    @Param() params: FacilitatorMailParam,
    @Body() body: FacilitatorRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<Facilitator> {
    return this.feedback.putFacilitator(caller, params.mail, body.name, body.concerns);
  }

  @Get('facilitators')
  @Authorize('dafpen-admin', 'canope-referent', 'ien', 'trainer')
  @ApiOperation({
    summary: 'Le vivier de facilitateurs de l’académie (ceux qui répondent à une préoccupation, au besoin).',
  })
  facilitators(@Query() query: FacilitatorQuery, @CurrentIdentity() caller: Identity): Promise<Facilitator[]> {
    return this.feedback.facilitators(caller, query.concern);
  }
}
