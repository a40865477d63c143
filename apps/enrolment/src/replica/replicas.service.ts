import { SessionScheduledV1 } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Placements } from '../registrations/placements.service';
import { RegistrationRepository } from '../registrations/registration.repository';
import { ReplicaRepository } from './replica.repository';

/** What a catalog session fact changes here beyond its replica: a larger capacity promotes, a cancellation cancels. */
@Injectable()
export class SessionReplicas {
  constructor(
    private readonly replicas: ReplicaRepository,
    private readonly registrations: RegistrationRepository,
    private readonly placements: Placements,
  ) {}

  async scheduled(manager: EntityManager, s: SessionScheduledV1): Promise<void> {
    const { previousCapacity } = await this.replicas.upsertSession(manager, s);
    if (previousCapacity !== undefined && s.capacity > previousCapacity) {
      // more seats: the waitlist moves up
      await this.placements.promote(manager, await this.registrations.lockSession(manager, s.sessionId), 'catalog');
    }
  }

  async cancelled(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    // never scheduled here: nothing registered
    if (!(await this.replicas.cancelSession(manager, sessionId, reason))) return;
    const session = await this.registrations.lockSession(manager, sessionId);
    await this.placements.cancelAll(manager, session, 'session_cancelled', reason, 'catalog');
  }
}
