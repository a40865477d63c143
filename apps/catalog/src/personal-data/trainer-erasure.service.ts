import { SessionRescheduled, mailHashOf, mailHashSql } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ModuleTrainer, TrainingSession } from '../catalog.entities';
import { scheduledPayload } from '../sessions/session-commands.service';

/**
 * What the catalog holds of a person, erased (RGPD): their rows as a GAIA module trainer, and their name and mail on
 * the
 * sessions they are named on (the session keeps a trainer, unnamed, and is announced again so replicas follow).
 */
@Injectable()
export class TrainerErasure {
  constructor(private readonly events: EventPublisher) {}

  async erase(manager: EntityManager, mailHash: string): Promise<{ moduleTrainers: number; sessions: number }> {
    const trainers = await manager
      .createQueryBuilder(ModuleTrainer, 't')
      .where(`${mailHashSql('t.mail')} = :mailHash`, { mailHash })
      .getMany();
    if (trainers.length) await manager.remove(trainers);
    const sessions = await manager
      .createQueryBuilder(TrainingSession, 's')
      .setLock('pessimistic_write')
      .where(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(s.trainers) AS t WHERE ${mailHashSql("t->>'mail'")} = :mailHash)`,
        { mailHash },
      )
      .getMany();
    for (const session of sessions) {
      session.trainers = session.trainers.map((t) =>
        t.mail && mailHashOf(t.mail) === mailHash ? { name: 'Formateur effacé (RGPD)', mail: null, role: t.role } : t,
      );
      const saved = await manager.save(session);
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed: ['trainers'] });
    }
    return { moduleTrainers: trainers.length, sessions: sessions.length };
  }
}
