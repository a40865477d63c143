import { SessionRescheduled, mailHashOf } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { scheduledPayload } from '../sessions/session-commands.service';
import { TrainerErasureRepository } from './trainer-erasure.repository';

/**
 * What the catalog holds of a person, erased (RGPD): their rows as a GAIA module trainer, and their name and mail on
 * the sessions they are named on (the session keeps a trainer, unnamed, and is announced again so replicas follow).
 */
@Injectable()
export class TrainerErasure {
  constructor(
    private readonly places: TrainerErasureRepository,
    private readonly events: EventPublisher,
  ) {}

  async erase(manager: EntityManager, mailHash: string): Promise<{ moduleTrainers: number; sessions: number }> {
    const moduleTrainers = await this.places.removeModuleTrainers(manager, mailHash);
    const sessions = await this.places.sessionsNaming(manager, mailHash);
    for (const session of sessions) {
      session.trainers = session.trainers.map((t) =>
        t.mail && mailHashOf(t.mail) === mailHash ? { name: 'Formateur effacé (RGPD)', mail: null, role: t.role } : t,
      );
      const saved = await this.places.save(manager, session);
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed: ['trainers'] });
    }
    return { moduleTrainers, sessions: sessions.length };
  }
}
