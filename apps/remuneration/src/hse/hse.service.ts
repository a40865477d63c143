import { Identity } from '@forma/auth';
import { HseAllocated, HseAllocationRefused } from '@forma/contracts';
import { Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertHeadActs } from '../conventions/convention-access.rules';
import { ConventionRepository } from '../conventions/convention.repository';
import { assertState } from '../conventions/convention.rules';
import { ConventionsService } from '../conventions/conventions.service';
import { HseRepository } from './hse.repository';
import { proposedHse } from './rates.rules';
import { aboveDeliveredHours, capExceeded, trainerNotOnConvention } from './hse.errors';

/** The HSE allocated to a trainer under the convention (an exact decimal, as a string). */
export interface HseAllocated {
  trainerId: string;
  allocatedHse: string;
}

/**
 * The head's split of HSE between the formateurs accompagnateurs: each proposal adds HSE to a trainer, within the cap
 * (configuration, 18 by default) and the hours the trainer delivered (attendance's TrainerHoursDelivered). The cap is
 * held by PostgreSQL (one conditional statement, and a CHECK constraint), not by a read-then-write here.
 */
@Injectable()
export class HseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conventions: ConventionsService,
    private readonly repository: ConventionRepository,
    private readonly hse: HseRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async propose(caller: Identity, conventionId: string, trainerId: string, value: string): Promise<HseAllocated> {
    const hse = proposedHse(value);
    const { row, place } = await this.conventions.reach(this.dataSource.manager, caller, conventionId);
    assertHeadActs(caller, place);
    // what the request names is checked before the state: another convention's trainer is refused as such
    const trainer = (await this.repository.trainers(this.dataSource.manager, conventionId)).find(
      (t) => t.id === trainerId,
    );
    if (!trainer) throw trainerNotOnConvention(trainerId);
    assertState(row.state, ['in-progress', 'report-submitted'], 'Proposer des HSE');
    const fact = {
      conventionId,
      academy: row.academy,
      uai: row.uai,
      schoolYear: row.schoolYear,
      trainerId,
      hse: hse.toString(),
    };
    type Outcome =
      | { allocated: string; refusal?: undefined }
      | { refusal: 'cap_exceeded' | 'above_delivered_hours'; allocated: string };
    const outcome: Outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const result = await this.hse.allocate(manager, conventionId, trainerId, hse.toString());
      if ('refusal' in result) return result;
      // allocated: announced and audited in the same transaction
      await this.events.publish(manager, HseAllocated, {
        ...fact,
        allocatedTotal: result.allocated,
        refusal: null,
        at: this.clock.now().toISOString(),
      });
      await this.repository.audit(manager, {
        conventionId,
        entity: 'allocation',
        action: 'allocated',
        actor: caller.mail ?? caller.sub,
        before: { trainerId, allocatedHse: trainer.allocatedHse },
        after: { trainerId, allocatedHse: result.allocated },
      });
      return result;
    });
    if (outcome.refusal) {
      const refusal = outcome.refusal;
      // refused: nothing allocated, and the refusal is a fact of its own (its event and its audit entry)
      await this.dataSource.transaction(async (manager) => {
        await this.events.publish(manager, HseAllocationRefused, {
          ...fact,
          allocatedTotal: outcome.allocated,
          refusal,
          at: this.clock.now().toISOString(),
        });
        await this.repository.audit(manager, {
          conventionId,
          entity: 'allocation',
          action: `refused (${outcome.refusal})`,
          actor: caller.mail ?? caller.sub,
          before: { trainerId, allocatedHse: outcome.allocated },
          after: { proposed: hse.toString() },
        });
      });
      throw refusal === 'cap_exceeded'
        ? capExceeded(trainer.name, String(outcome.allocated), String(hse), String(trainer.capHse))
        : aboveDeliveredHours(trainer.name, String(outcome.allocated), String(hse));
    }
    return { trainerId, allocatedHse: outcome.allocated };
  }
}
