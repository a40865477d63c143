import { Identity } from '@forma/auth';
import { GroupFormed } from '@forma/contracts';
import { assertVersion, newId } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { formGroups, moveTeacher, PlanInput, PlanInputError, PlanResult, WorkshopGroup } from './group-formation';
import { WorkshopPlanRepository } from './workshop-plan.repository';
import { assertReachesPlan, ownerOf } from './plan-reach.rules';
import { invalidPlan } from './workshops.errors';

export type PlanView = { id: string; title: string; version: number } & PlanResult;

/** Workshop plans: form the groups (pure, `group-formation.ts`), store them and announce `GroupFormed`; hand edits. */
@Injectable()
export class WorkshopPlans {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: WorkshopPlanRepository,
    private readonly events: EventPublisher,
  ) {}

  async create(title: string, input: PlanInput, caller: Identity): Promise<PlanView> {
    const result = planOrViolation(() => formGroups(input));
    const id = newId();
    await this.dataSource.transaction(async (manager) => {
      await this.plans.insert(manager, { id, title, owner: ownerOf(caller), input, result });
      await this.announce(manager, id, 1, result.groups);
    });
    return { id, title, version: 1, ...result };
  }

  async get(id: string, caller: Identity): Promise<PlanView> {
    const plan = await this.plans.load(this.dataSource.manager, id, false);
    assertReachesPlan(id, plan.owner, caller);
    return { id, title: plan.title, version: plan.version, ...plan.result };
  }

  /** Moves teachers between groups under If-Match; `GroupFormed` for the groups that changed. */
  async move(
    id: string,
    moves: { key: string; toGroup: number }[],
    expected: number,
    caller: Identity,
  ): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, id, true);
      assertReachesPlan(id, plan.owner, caller);
      assertVersion(expected, plan.version, 'plan de groupes');
      let result = plan.result;
      const changed = new Set<number>();
      for (const move of moves) {
        const outcome = planOrViolation(() =>
          moveTeacher(result, plan.input, move.key, move.toGroup, caller.name ?? caller.sub),
        );
        result = outcome.plan;
        outcome.changed.forEach((n) => changed.add(n));
      }
      const version = plan.version + 1;
      await this.plans.saveResult(manager, id, result, version);
      await this.announce(
        manager,
        id,
        version,
        result.groups.filter((g) => changed.has(g.number)),
      );
      return { id, title: plan.title, version, ...result };
    });
  }

  private async announce(
    manager: EntityManager,
    planId: string,
    planVersion: number,
    groups: WorkshopGroup[],
  ): Promise<void> {
    if (!groups.length) return;
    await this.events.publishMany(
      manager,
      GroupFormed,
      groups.map((g) => ({
        planId,
        planVersion,
        groupNumber: g.number,
        concern: g.concern,
        members: g.members.map((m) => m.key),
        catalyst: g.catalyst,
        parcours: g.parcours.map((s) => ({ round: s.round, workshop: s.workshop })),
      })),
    );
  }
}

function planOrViolation<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PlanInputError) {
      throw invalidPlan(error.field, error.message);
    }
    throw error;
  }
}
