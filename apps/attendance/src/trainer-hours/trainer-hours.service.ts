import { SessionDeliveredV1, TrainerHoursDelivered } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SessionSpaceRepository } from '../presence/session-space.repository';
import { ReplicaRepository } from '../replica/replica.repository';
import { trainerHours } from './trainer-hours.rules';

/** A delivered session: its trainers' hours per modality, announced once (TrainerHoursDelivered), for remuneration. */
@Injectable()
export class TrainerHoursService {
  constructor(
    private readonly replicas: ReplicaRepository,
    private readonly spaces: SessionSpaceRepository,
    private readonly events: EventPublisher,
  ) {}

  /** In the inbox's transaction: a second delivery of the same session announces nothing. */
  async delivered(manager: EntityManager, delivery: SessionDeliveredV1): Promise<void> {
    if (!(await this.replicas.deliverSession(manager, delivery))) return;
    const space = await this.spaces.load(manager, delivery.sessionId);
    for (const hours of trainerHours(space.slots, space.module.asynchronousMinutes, space.trainers)) {
      await this.events.publish(manager, TrainerHoursDelivered, {
        sessionId: space.id,
        moduleId: space.moduleId,
        academy: space.academy,
        trainer: { name: hours.trainer.name, mail: hours.trainer.mail, role: hours.trainer.role },
        faceToFaceMinutes: hours.faceToFaceMinutes,
        virtualClassMinutes: hours.virtualClassMinutes,
        followUpMinutes: hours.followUpMinutes,
        dates: hours.dates,
        deliveredAt: delivery.deliveredAt,
      });
    }
  }
}
