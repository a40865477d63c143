import { AggregateRepository } from '@forma/persistence';
import { TargetProfile } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DeploymentWave, TrainingModule } from '../catalog.entities';
import { PlannedModule, waveNotFound } from './training-plan.rules';

@Injectable()
export class TrainingPlanRepository extends AggregateRepository<DeploymentWave> {
  constructor() {
    super(DeploymentWave, waveNotFound);
  }

  /** The modules a wave's lines name (those that exist), with what the plan's rules need of them. */
  async modules(manager: EntityManager, ids: string[]): Promise<Map<string, PlannedModule>> {
    const rows = ids.length ? await manager.find(TrainingModule, { where: { id: In([...new Set(ids)]) } }) : [];
    return new Map(
      rows.map((m) => [
        m.id,
        { id: m.id, academy: m.academy, status: m.status, targetProfiles: (m.targetProfiles ?? []) as TargetProfile[] },
      ]),
    );
  }

  codeTaken(
    manager: EntityManager,
    academy: string,
    schoolYear: string,
    code: string,
    except: string | null,
  ): Promise<boolean> {
    return manager
      .createQueryBuilder(DeploymentWave, 'w')
      .where('w.academy = :academy AND w.schoolYear = :schoolYear AND lower(w.code) = lower(:code)', {
        academy,
        schoolYear,
        code,
      })
      .andWhere(except ? 'w.id <> :except' : 'TRUE', { except })
      .getExists();
  }

  list(manager: EntityManager, academy: string, schoolYear: string | undefined): Promise<DeploymentWave[]> {
    return manager.find(DeploymentWave, {
      where: { academy, ...(schoolYear ? { schoolYear } : {}) },
      order: { schoolYear: 'ASC', startsOn: 'ASC', code: 'ASC' },
    });
  }
}
