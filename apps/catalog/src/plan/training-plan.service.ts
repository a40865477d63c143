import { Identity } from '@forma/auth';
import { DeploymentWavePlanned } from '@forma/contracts';
import { assertVersion, Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { retryingTransaction } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DeploymentWave } from '../catalog.entities';
import { DeploymentWaveRequest, DeploymentWaveResponse } from './training-plan.dto';
import { TrainingPlanRepository } from './training-plan.repository';
import { assertWave, waveCodeTaken, waveNotFound } from './training-plan.rules';

/**
 * The ENT training plan (seed 001): an académie's administrators plan its deployment waves and their forecasts; each
 * change is published whole (DeploymentWavePlanned), so that reporting sets the realised against the plan.
 */
@Injectable()
export class TrainingPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly waves: TrainingPlanRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async list(caller: Identity, schoolYear?: string): Promise<DeploymentWaveResponse[]> {
    return (await this.waves.list(this.dataSource.manager, caller.scope.academy, schoolYear)).map(response);
  }

  async get(id: string, caller: Identity): Promise<DeploymentWaveResponse> {
    return response(await this.mine(this.dataSource.manager, id, caller, false));
  }

  create(body: DeploymentWaveRequest, caller: Identity): Promise<DeploymentWaveResponse> {
    return retryingTransaction(this.dataSource, async (tx) => {
      const academy = caller.scope.academy;
      await this.check(tx, body, academy, null);
      const wave = await this.waves.save(
        tx,
        Object.assign(new DeploymentWave(), { ...body, id: randomUUID(), academy, createdBy: caller.sub }),
      );
      await this.publish(tx, wave);
      return response(wave);
    });
  }

  revise(id: string, body: DeploymentWaveRequest, version: number, caller: Identity): Promise<DeploymentWaveResponse> {
    return retryingTransaction(this.dataSource, async (tx) => {
      const wave = await this.mine(tx, id, caller, true);
      assertVersion(version, wave.rowVersion, 'Cette vague de déploiement');
      await this.check(tx, body, wave.academy, id);
      const saved = await this.waves.save(tx, Object.assign(wave, body));
      await this.publish(tx, saved);
      return response(saved);
    });
  }

  /** A wave of the caller's académie (locked for a write); another académie's does not exist for them. */
  private async mine(manager: EntityManager, id: string, caller: Identity, lock: boolean): Promise<DeploymentWave> {
    const wave = lock ? await this.waves.lock(manager, id) : await this.waves.get(manager, id);
    if (wave.academy !== caller.scope.academy) throw waveNotFound(id);
    return wave;
  }

  private async check(
    tx: EntityManager,
    body: DeploymentWaveRequest,
    academy: string,
    except: string | null,
  ): Promise<void> {
    assertWave(
      body,
      await this.waves.modules(
        tx,
        body.lines.map((l) => l.moduleId),
      ),
      academy,
    );
    if (await this.waves.codeTaken(tx, academy, body.schoolYear, body.code, except))
      throw waveCodeTaken(body.code, body.schoolYear);
  }

  private async publish(tx: EntityManager, wave: DeploymentWave): Promise<void> {
    await this.events.publish(tx, DeploymentWavePlanned, {
      waveId: wave.id,
      academy: wave.academy,
      schoolYear: wave.schoolYear,
      code: wave.code,
      label: wave.label,
      startsOn: wave.startsOn,
      endsOn: wave.endsOn,
      trainTheTrainers: wave.trainTheTrainers,
      revision: wave.rowVersion,
      lines: wave.lines.map((l) => ({
        moduleId: l.moduleId,
        profile: l.profile,
        headcount: l.headcount,
        sessions: l.sessions,
        trainers: l.trainers,
        hours: l.hours,
      })),
      plannedAt: this.clock.now().toISOString(),
    });
  }
}

function response(w: DeploymentWave): DeploymentWaveResponse {
  return {
    id: w.id,
    academy: w.academy,
    schoolYear: w.schoolYear,
    code: w.code,
    label: w.label,
    startsOn: w.startsOn,
    endsOn: w.endsOn,
    trainTheTrainers: w.trainTheTrainers,
    lines: w.lines,
    revision: w.rowVersion,
  };
}
