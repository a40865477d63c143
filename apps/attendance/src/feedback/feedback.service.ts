import { Identity, isAcademyWide, organises } from '@forma/auth';
import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { partsOf, placeOf } from '../presence/presence.service';
import { SessionSpaceRepository } from '../presence/session-space.repository';
import { assertRunsSession, ownLine, sessionNotFound } from '../session-access.rules';
import { FeedbackRepository } from './feedback.repository';
import { assertMoment, Moment, normalisedConcerns } from './feedback.rules';
import { feedbackAlreadyGiven, notEnrolled, poolKeptByOrganisers, poolReadByOrganisers } from './feedback.errors';

export interface FeedbackGiven {
  sessionId: string;
  moment: Moment;
  recorded: true;
}

/** A participant's impression, named for those who run the session. */
export interface NamedFeedback {
  registrationId: string;
  moment: Moment;
  text: string;
  givenOn: string;
  name: string | null;
}

/** A participant flagged as a referent for the practice phase, named. */
export interface NamedReferent {
  registrationId: string;
  concern: string;
  flaggedBy: string;
  flaggedAt: Date;
  name: string | null;
}

export interface SessionFeedback {
  feedback: NamedFeedback[];
  referents: NamedReferent[];
}

export interface ReferentFlagged {
  sessionId: string;
  registrationId: string;
  concern: string;
}

/** A facilitator teacher of the académie's pool, with the concerns they answer. */
export interface Facilitator {
  mail: string;
  name: string;
  concerns: string[];
}

/** Seed 004's practice phase: hot and cold impressions, referent teachers, the académie's pool of facilitators. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly feedback: FeedbackRepository,
    private readonly clock: Clock,
  ) {}

  /** A participant's impressions, hot at the end, cold a week later; one of each. */
  give(caller: Identity, sessionId: string, moment: Moment, text: string): Promise<FeedbackGiven> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId);
      const own = ownLine(caller, await this.spaces.roster(manager, sessionId));
      if (!own) throw sessionNotFound(sessionId);
      const lastDay =
        partsOf(space)
          .filter((p) => p.modality !== 'follow-up')
          .map((p) => p.date)
          .sort()
          .at(-1) ?? '';
      assertMoment(moment, lastDay, this.clock.today());
      if (
        !(await this.feedback.give(manager, {
          sessionId,
          registrationId: own.registrationId,
          moment,
          text: text.trim(),
        }))
      ) {
        throw feedbackAlreadyGiven(moment);
      }
      return { sessionId, moment, recorded: true as const };
    });
  }

  /** The impressions and the referents of a session, named, for those who run it. */
  async ofSession(caller: Identity, sessionId: string): Promise<SessionFeedback> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    const names = new Map(
      (await this.spaces.roster(manager, sessionId)).map((l) => [l.registrationId, `${l.lastName} ${l.firstName}`]),
    );
    const named = <T extends { registrationId: string }>(rows: T[]) =>
      rows.map((r) => ({ ...r, name: names.get(r.registrationId) ?? null }));
    return {
      feedback: named(await this.feedback.ofSession(manager, sessionId)),
      referents: named(await this.feedback.referents(manager, sessionId)),
    };
  }

  /** A trainer flags a participant as a referent for the practice phase, on a concern. */
  flag(caller: Identity, sessionId: string, registrationId: string, concern: string): Promise<ReferentFlagged> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const line = (await this.spaces.roster(manager, sessionId)).find(
        (l) => l.registrationId === registrationId && l.state === 'confirmed',
      );
      if (!line) throw notEnrolled(registrationId);
      await this.feedback.flag(manager, {
        sessionId,
        registrationId,
        concern: concern.trim(),
        by: caller.mail ?? caller.sub,
      });
      return { sessionId, registrationId, concern: concern.trim() };
    });
  }

  /** The académie's pool of facilitator teachers, with the concerns each can answer: its organisers keep it. */
  async putFacilitator(caller: Identity, mail: string, name: string, concerns: string[]): Promise<Facilitator> {
    if (!isAcademyWide(caller)) throw poolKeptByOrganisers();
    const kept = normalisedConcerns(concerns);
    await this.feedback.putFacilitator(this.dataSource.manager, {
      academy: caller.scope.academy,
      mail: mail.trim().toLowerCase(),
      name: name.trim(),
      concerns: kept,
      by: caller.mail ?? caller.sub,
    });
    return { mail: mail.trim().toLowerCase(), name: name.trim(), concerns: kept };
  }

  /** The pool of the caller's académie (optionally those who answer one concern): organisers, IEN and trainers. */
  async facilitators(caller: Identity, concern: string | undefined): Promise<Facilitator[]> {
    if (!organises(caller, caller.scope.academy) && !caller.roles.includes('trainer')) {
      throw poolReadByOrganisers();
    }
    return this.feedback.facilitators(this.dataSource.manager, caller.scope.academy, concern?.trim() || null);
  }
}
