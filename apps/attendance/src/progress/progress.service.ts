import { Identity } from '@forma/auth';
import { ProgressUpdated } from '@forma/contracts';
import { Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { placeOf } from '../presence/presence.service';
import { PresenceQueries } from '../presence/presence.queries';
import { SessionSpaceRepository } from '../presence/session-space.repository';
import { assertRunsSession } from '../session-access.rules';
import { ProgressRepository } from './progress.repository';
import { Activity, assertActivities, Progress, progressOf } from './progress.rules';
import { notEnrolledOn, unknownActivity } from './progress.errors';

export interface ActivityInput {
  id?: string;
  title: string;
  dueOn?: string | null;
  required: boolean;
}

/** A session's monitored activities and each visible participant's progress on them. */
export interface ProgressOverview {
  progressRequired: boolean;
  activities: Activity[];
  participants: (Progress & { name: string })[];
}

/** The parcours' monitored activities of a session and each participant's progress on them. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly progress: ProgressRepository,
    private readonly queries: PresenceQueries,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async define(
    caller: Identity,
    sessionId: string,
    progressRequired: boolean,
    inputs: ActivityInput[],
  ): Promise<ProgressOverview> {
    assertActivities(inputs);
    await this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      // an id keeps an activity of this session; any other (another session's, another académie's) is unknown
      const current = new Set((await this.progress.activities(manager, sessionId)).activities.map((a) => a.id));
      const stranger = inputs.findIndex((a) => a.id !== undefined && !current.has(a.id));
      if (stranger >= 0) throw unknownActivity(`activities[${stranger}].id`);
      const activities: Activity[] = inputs.map((a) => ({
        id: a.id ?? randomUUID(),
        title: a.title,
        dueOn: a.dueOn ?? null,
        required: a.required,
      }));
      await this.progress.replace(manager, sessionId, progressRequired, activities);
    });
    return this.overview(caller, sessionId);
  }

  async record(
    caller: Identity,
    sessionId: string,
    entries: { registrationId: string; activityId: string; done: boolean }[],
  ): Promise<ProgressOverview> {
    await this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const { activities } = await this.progress.activities(manager, sessionId);
      const roster = new Set(
        (await this.spaces.roster(manager, sessionId))
          .filter((l) => l.state === 'confirmed')
          .map((l) => l.registrationId),
      );
      entries.forEach((e, i) => {
        if (!roster.has(e.registrationId)) throw notEnrolledOn(`entries[${i}].registrationId`);
        if (!activities.some((a) => a.id === e.activityId)) throw unknownActivity(`entries[${i}].activityId`);
      });
      for (const e of entries)
        await this.progress.setDone(manager, e.activityId, e.registrationId, e.done, caller.mail ?? caller.sub);
      const done = await this.progress.done(manager, sessionId);
      const today = this.clock.today();
      for (const e of entries) {
        const [p] = progressOf(activities, done, [e.registrationId], today);
        await this.events.publish(manager, ProgressUpdated, {
          sessionId,
          registrationId: e.registrationId,
          activityId: e.activityId,
          state: e.done ? 'done' : 'not-done',
          percentage: p.percentage,
          updatedAt: this.clock.now().toISOString(),
        });
      }
    });
    return this.overview(caller, sessionId);
  }

  /** The trainer's overview: activities, and each visible participant's states and percentage. */
  async overview(caller: Identity, sessionId: string): Promise<ProgressOverview> {
    const { lines } = await this.queries.reach(caller, sessionId);
    const manager = this.dataSource.manager;
    const { progressRequired, activities } = await this.progress.activities(manager, sessionId);
    const done = await this.progress.done(manager, sessionId);
    const confirmed = lines.filter((l) => l.state === 'confirmed');
    const progress = progressOf(
      activities,
      done,
      confirmed.map((l) => l.registrationId),
      this.clock.today(),
    );
    return {
      progressRequired,
      activities,
      participants: progress.map((p, i) => ({ ...p, name: `${confirmed[i].lastName} ${confirmed[i].firstName}` })),
    };
  }
}
