import { Authorize, CurrentIdentity, Identity } from '@forma/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RUNNERS } from '../session-access.rules';
import { AnswersRequest, QuestionnaireRequest } from './evaluation.dto';
import {
  EvaluationClosed,
  EvaluationService,
  ModuleResults,
  Questionnaire,
  QuestionnaireDefined,
  SessionResults,
} from './evaluation.service';

/** The anonymous evaluation of a session: answers kept only as counts, results only for 5 respondents or more. */
@ApiTags('evaluation')
@Controller('api/v1/attendance')
export class EvaluationHttpController {
  constructor(private readonly evaluations: EvaluationService) {}

  @Put('sessions/:sessionId/evaluation')
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Le questionnaire de la session (modifiable jusqu’à la première réponse).' })
  define(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: QuestionnaireRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<QuestionnaireDefined> {
    return this.evaluations.define(caller, sessionId, body.items);
  }

  @Get('sessions/:sessionId/evaluation')
  @Authorize(...RUNNERS, 'participant')
  @ApiOperation({ summary: 'Le questionnaire, le nombre de réponses et s’il est clos.' })
  questionnaire(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<Questionnaire> {
    return this.evaluations.questionnaire(caller, sessionId);
  }

  @Post('sessions/:sessionId/evaluation/answers')
  @HttpCode(201)
  @Authorize('participant')
  @ApiOperation({
    summary:
      'Répond, une fois, anonymement : rien ne relie la réponse à la personne (EvaluationSubmitted, sans personne).',
  })
  answer(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: AnswersRequest,
    @CurrentIdentity() caller: Identity,
  ): Promise<{ recorded: true }> {
    return this.evaluations.answer(caller, sessionId, body.answers);
  }

  @Post('sessions/:sessionId/evaluation/close')
  @HttpCode(200)
  @Authorize(...RUNNERS)
  @ApiOperation({ summary: 'Clôt l’évaluation : ses résultats deviennent lisibles (à partir de 5 réponses).' })
  close(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<EvaluationClosed> {
    return this.evaluations.close(caller, sessionId);
  }

  @Get('sessions/:sessionId/evaluation/results')
  @Authorize(...RUNNERS)
  @ApiOperation({
    summary: 'Les résultats agrégés d’une évaluation close, masqués sous 5 réponses (secret statistique).',
  })
  results(
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<SessionResults> {
    return this.evaluations.results(caller, sessionId);
  }

  @Get('evaluations/modules/:moduleId')
  @Authorize('dafpen-admin', 'canope-referent', 'ien')
  @ApiOperation({
    summary:
      'Les résultats d’un module sur les sessions closes de 5 réponses ou plus de l’académie (les autres sont seulement comptées).',
  })
  ofModule(
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @CurrentIdentity() caller: Identity,
  ): Promise<ModuleResults> {
    return this.evaluations.ofModule(caller, moduleId);
  }
}
