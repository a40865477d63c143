import { Identity, organises } from '@forma/auth';
import { EvaluationSubmitted } from '@forma/contracts';
import { Clock } from '@forma/domain';
import {
  alreadyAnswered,
  evaluationClosed,
  evaluationOpen,
  noEvaluation,
  noModuleEvaluation,
  notOrganiser,
} from './evaluation.errors';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { placeOf } from '../presence/presence.service';
import { SessionSpaceRepository } from '../presence/session-space.repository';
import { assertRunsSession, ownLine, sessionNotFound } from '../session-access.rules';
import { EvaluationRepository } from './evaluation.repository';
import {
  assertQuestionnaire,
  DEFAULT_ITEMS,
  EvaluationItem,
  groupResult,
  GroupResult,
  moduleAggregate,
  SCALE_LABELS,
  validAnswers,
} from './evaluation.rules';

/** The questions as set: their keys and labels, and the scale every answer is on. */
export interface QuestionnaireDefined {
  sessionId: string;
  items: EvaluationItem[];
  scale: string[];
}

/** The questions as a participant or a trainer reads them, with how many have answered. */
export interface Questionnaire extends QuestionnaireDefined {
  closed: boolean;
  respondents: number;
}

export interface EvaluationClosed {
  sessionId: string;
  closed: true;
}

/** A closed session's results (counts per item and value; withheld under 5 respondents). */
export type SessionResults = { sessionId: string } & GroupResult;

/** A module's results over its sessions in the caller's académie. */
export interface ModuleResults {
  moduleId: string;
  sessionsIncluded: number;
  sessionsLeftOut: number;
  result: GroupResult;
}

/** The anonymous evaluation of a session: its questionnaire, one answer per participant, results in aggregate only. */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** Sets the questions (seed 002's criteria by default), until the first answer. */
  define(caller: Identity, sessionId: string, items: EvaluationItem[] | undefined): Promise<QuestionnaireDefined> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const existing = await this.evaluations.get(manager, sessionId, true);
      const questions = items?.length ? items : [...DEFAULT_ITEMS];
      assertQuestionnaire(questions, !!existing?.answered);
      if (existing?.closedOn) throw evaluationClosed();
      await this.evaluations.define(manager, {
        sessionId,
        moduleId: space.moduleId,
        academy: space.academy,
        items: questions,
      });
      return { sessionId, items: questions, scale: SCALE_LABELS };
    });
  }

  /** The questions: to those who run the session and to its participants. */
  async questionnaire(caller: Identity, sessionId: string): Promise<Questionnaire> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    const own = await this.ownRegistration(caller, sessionId);
    if (!own) assertRunsSession(caller, sessionId, placeOf(space));
    const evaluation = await this.evaluations.get(manager, sessionId);
    if (!evaluation) throw noEvaluation();
    return {
      sessionId,
      items: evaluation.items,
      scale: SCALE_LABELS,
      closed: !!evaluation.closedOn,
      respondents: await this.evaluations.respondents(manager, sessionId),
    };
  }

  /** A participant answers, once; nothing of them is kept with the answers. */
  answer(caller: Identity, sessionId: string, answers: Record<string, unknown>): Promise<{ recorded: true }> {
    return this.dataSource.transaction(async (manager) => {
      const registrationId = await this.ownRegistration(caller, sessionId);
      if (!registrationId) throw sessionNotFound(sessionId);
      const evaluation = await this.evaluations.get(manager, sessionId, true);
      if (!evaluation) throw noEvaluation();
      if (evaluation.closedOn) throw evaluationClosed();
      const valid = validAnswers(evaluation.items, answers);
      if (!(await this.evaluations.markAnswered(manager, sessionId, registrationId))) {
        throw alreadyAnswered();
      }
      await this.evaluations.addAnswer(manager, sessionId, valid);
      await this.events.publish(manager, EvaluationSubmitted, {
        sessionId,
        moduleId: evaluation.moduleId,
        academy: evaluation.academy,
        answeredOn: this.clock.today(),
      });
      return { recorded: true as const };
    });
  }

  close(caller: Identity, sessionId: string): Promise<EvaluationClosed> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const evaluation = await this.evaluations.get(manager, sessionId, true);
      if (!evaluation) throw noEvaluation();
      if (evaluation.closedOn) throw evaluationClosed();
      await this.evaluations.close(manager, sessionId);
      return { sessionId, closed: true as const };
    });
  }

  /**
   * A session's results: once the evaluation is closed (two readings before and after one more answer would give
   * that answer away), and only from 5 respondents on.
   */
  async results(caller: Identity, sessionId: string): Promise<SessionResults> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    const evaluation = await this.evaluations.get(manager, sessionId);
    if (!evaluation) throw noEvaluation();
    if (!evaluation.closedOn) throw evaluationOpen();
    return {
      sessionId,
      ...groupResult(
        evaluation.items,
        await this.evaluations.respondents(manager, sessionId),
        await this.evaluations.tallies(manager, sessionId),
      ),
    };
  }

  /** A module's results over its sessions in the caller's académie, for its organisers. */
  async ofModule(caller: Identity, moduleId: string): Promise<ModuleResults> {
    if (!organises(caller, caller.scope.academy)) throw notOrganiser();
    const manager = this.dataSource.manager;
    const evaluations = await this.evaluations.ofModule(manager, moduleId, caller.scope.academy);
    if (!evaluations.length) throw noModuleEvaluation();
    const sessions = [];
    for (const e of evaluations) {
      sessions.push({
        closed: !!e.closedOn,
        respondents: await this.evaluations.respondents(manager, e.sessionId),
        tallies: await this.evaluations.tallies(manager, e.sessionId),
      });
    }
    return { moduleId, ...moduleAggregate(evaluations[0].items, sessions) };
  }

  private async ownRegistration(caller: Identity, sessionId: string): Promise<string | undefined> {
    return ownLine(caller, await this.spaces.roster(this.dataSource.manager, sessionId))?.registrationId;
  }
}
