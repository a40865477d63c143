import { Clock } from '@forma/domain';
import { Identity } from '@forma/auth';
import { CompletionRevoked, ParticipantCompleted } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { partsOf, placeOf } from '../presence/presence.service';
import { SessionSpaceRepository } from '../presence/session-space.repository';
import { ProgressRepository } from '../progress/progress.repository';
import { progressOf } from '../progress/progress.rules';
import { assertRunsSession, sessionNotFound } from '../session-access.rules';
import { COMPLETION_REVOKED_HOOK, CompletionRevokedHook } from './completion-revoked.port';
import { CompletionRepository, CompletionRow } from './completion.repository';
import { assertNotArchived, assertRevocable, completionShortfall, CompletionEvidence } from './completion.rules';

export interface CompletionRevoked {
  registrationId: string;
  revokedAt: string;
}

export interface CompletionOutcome {
  registrationId: string;
  outcome: 'completed' | 'already_completed' | 'refused';
  completedAt?: string;
  evidence?: CompletionEvidence;
  missing?: { code: string; message: string }[];
}

/** "Formation terminée", one by one or in bulk, under the versioned rule; revoked only explicitly, with a reason. */
@Injectable()
export class CompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly progress: ProgressRepository,
    private readonly completions: CompletionRepository,
    @Inject(COMPLETION_REVOKED_HOOK) private readonly onRevoked: CompletionRevokedHook,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  complete(caller: Identity, sessionId: string, registrationIds: string[]): Promise<CompletionOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      assertNotArchived(space.module.archived);
      const parts = partsOf(space);
      const roster = new Map((await this.spaces.roster(manager, sessionId)).map((l) => [l.registrationId, l]));
      const marks = await this.spaces.currentMarks(manager, sessionId);
      const { progressRequired, activities } = await this.progress.activities(manager, sessionId);
      const done = await this.progress.done(manager, sessionId);
      const today = this.clock.today();
      const outcomes: CompletionOutcome[] = [];
      for (const registrationId of [...new Set(registrationIds)]) {
        const line = roster.get(registrationId);
        if (!line || line.state !== 'confirmed') {
          outcomes.push({
            registrationId,
            outcome: 'refused',
            missing: [{ code: 'not_enrolled', message: 'pas inscrit(e) à cette session' }],
          });
          continue;
        }
        if (await this.completions.active(manager, registrationId)) {
          outcomes.push({ registrationId, outcome: 'already_completed' });
          continue;
        }
        const [progress] = progressOf(activities, done, [registrationId], today);
        const required = activities
          .filter((a) => a.required)
          .map((a) => ({
            title: a.title,
            done: progress.activities.find((s) => s.activityId === a.id)?.state === 'done',
          }));
        const { evidence, missing } = completionShortfall({
          parts,
          marks: marks.filter((m) => m.registrationId === registrationId),
          progressRequired,
          requiredActivities: required,
        });
        if (missing.length) {
          outcomes.push({ registrationId, outcome: 'refused', evidence, missing });
          continue;
        }
        const completedAt = this.clock.now();
        await this.completions.insert(manager, {
          id: randomUUID(),
          registrationId,
          sessionId,
          evidence,
          completedAt,
          completedBy: caller.mail ?? caller.sub,
        });
        await this.events.publish(manager, ParticipantCompleted, {
          registrationId,
          participantId: line.participantId,
          sessionId,
          moduleId: space.moduleId,
          completedAt: completedAt.toISOString(),
          ruleVersion: evidence.ruleVersion,
        });
        outcomes.push({ registrationId, outcome: 'completed', completedAt: completedAt.toISOString(), evidence });
      }
      return outcomes;
    });
  }

  /** Revokes a completion with its reason; the attestation it founded is revoked with it. */
  revoke(caller: Identity, registrationId: string, reason: string | undefined): Promise<CompletionRevoked> {
    return this.dataSource.transaction(async (manager) => {
      const sessionId = await this.completions.sessionOf(manager, registrationId);
      if (!sessionId) throw sessionNotFound(registrationId);
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const active = await this.completions.active(manager, registrationId, true);
      const why = assertRevocable(!!active, reason);
      const revokedAt = await this.completions.revoke(manager, active!.id, caller.mail ?? caller.sub, why);
      const participantId = (await this.spaces.roster(manager, sessionId)).find(
        (l) => l.registrationId === registrationId,
      )!.participantId;
      await this.events.publish(manager, CompletionRevoked, {
        registrationId,
        participantId,
        sessionId,
        moduleId: space.moduleId,
        reason: why,
        revokedAt: new Date(revokedAt).toISOString(),
      });
      await this.onRevoked.completionRevoked(
        manager,
        registrationId,
        sessionId,
        `Formation terminée révoquée : ${why}`,
      );
      return { registrationId, revokedAt: new Date(revokedAt).toISOString() };
    });
  }

  async ofSession(caller: Identity, sessionId: string): Promise<CompletionRow[]> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    return this.completions.ofSession(manager, sessionId);
  }
}
