import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanInput, PlanResult } from './group-formation';
import { planNotFound, PlanOwner } from './plan-reach.rules';

export interface StoredPlan {
  id: string;
  title: string;
  input: PlanInput;
  result: PlanResult;
  version: number;
  owner: PlanOwner;
}

/** Workshop plans (input and result as JSON, a version for If-Match), as SQL in the caller's transaction. */
@Injectable()
export class WorkshopPlanRepository {
  constructor(private readonly clock: Clock) {}

  async insert(
    manager: EntityManager,
    plan: { id: string; title: string; owner: PlanOwner; input: PlanInput; result: PlanResult },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO workshop_plan (id, title, academy, owner_level, owner_code, input, result) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        plan.id,
        plan.title,
        plan.owner.academy,
        plan.owner.level,
        plan.owner.code,
        JSON.stringify(plan.input),
        JSON.stringify(plan.result),
      ],
    );
  }

  /**
   * The plan, locked for the transaction when `lock` (writers queue, then compare versions); the caller checks its
   * reach.
   */
  async load(manager: EntityManager, id: string, lock: boolean): Promise<StoredPlan> {
    const [plan] = (await manager.query(
      `SELECT id, title, input, result, version, json_build_object('academy', academy, 'level', owner_level, 'code', owner_code) AS owner
         FROM workshop_plan WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    )) as StoredPlan[];
    if (!plan) throw planNotFound(id);
    return plan;
  }

  async saveResult(manager: EntityManager, id: string, result: PlanResult, version: number): Promise<void> {
    await manager.query(`UPDATE workshop_plan SET result = $2, version = $3, updated_at = $4 WHERE id = $1`, [
      id,
      JSON.stringify(result),
      version,
      this.clock.now(),
    ]);
  }
}
