import { RuleViolation } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlanInput, PlanResult } from './group-formation';

export interface StoredPlan {
  id: string;
  title: string;
  input: PlanInput;
  result: PlanResult;
  version: number;
}

/** Workshop plans (input and result as JSON, a version for If-Match), as SQL in the caller's transaction. */
@Injectable()
export class WorkshopPlanRepository {
  async insert(manager: EntityManager, plan: { id: string; title: string; academy: string; input: PlanInput; result: PlanResult }): Promise<void> {
    await manager.query(`INSERT INTO workshop_plan (id, title, academy, input, result) VALUES ($1, $2, $3, $4, $5)`, [
      plan.id,
      plan.title,
      plan.academy,
      JSON.stringify(plan.input),
      JSON.stringify(plan.result),
    ]);
  }

  /** The plan of this académie (another's is not found), locked for the transaction when `lock` (writers queue, then compare versions). */
  async load(manager: EntityManager, id: string, lock: boolean, academy: string): Promise<StoredPlan> {
    const [plan] = (await manager.query(`SELECT id, title, input, result, version FROM workshop_plan WHERE id = $1 AND academy = $2 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
      academy,
    ])) as StoredPlan[];
    if (!plan) throw new RuleViolation('not_found', 'plan_not_found', `Plan de groupes introuvable : ${id}.`);
    return plan;
  }

  async saveResult(manager: EntityManager, id: string, result: PlanResult, version: number): Promise<void> {
    await manager.query(`UPDATE workshop_plan SET result = $2, version = $3, updated_at = now() WHERE id = $1`, [id, JSON.stringify(result), version]);
  }
}
