import { EventEnvelope, SessionDelivered, SessionDeliveredV1, TrainerHoursDelivered } from '@forma/contracts';
import { EventContext, EventPublisher, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { SessionSpaceRepository } from '../presence/session-space.repository';
import { ReplicaRepository } from '../replica/replica.repository';
import { trainerHours } from './trainer-hours.rules';

/** A delivered session: its trainers' hours, per modality, announced once (TrainerHoursDelivered) for remuneration. */
@Controller()
export class TrainerHoursEventController {
  constructor(
    private readonly replicas: ReplicaRepository,
    private readonly spaces: SessionSpaceRepository,
    private readonly events: EventPublisher,
  ) {}

  @HandleEvent(SessionDelivered)
  async onDelivered(@Payload() event: EventEnvelope<SessionDeliveredV1>, @Ctx() ctx: EventContext): Promise<void> {
    if (!(await this.replicas.deliverSession(ctx.manager, event.data))) return;
    const space = await this.spaces.load(ctx.manager, event.data.sessionId);
    for (const hours of trainerHours(space.slots, space.module.asynchronousMinutes, space.trainers)) {
      await this.events.publish(ctx.manager, TrainerHoursDelivered, {
        sessionId: space.id,
        moduleId: space.moduleId,
        academy: space.academy,
        trainer: { name: hours.trainer.name, mail: hours.trainer.mail, role: hours.trainer.role },
        faceToFaceMinutes: hours.faceToFaceMinutes,
        virtualClassMinutes: hours.virtualClassMinutes,
        followUpMinutes: hours.followUpMinutes,
        dates: hours.dates,
        deliveredAt: event.data.deliveredAt,
      });
    }
  }
}
