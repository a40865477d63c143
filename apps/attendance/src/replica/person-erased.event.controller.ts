import { EventEnvelope, PersonErased, PersonErasedV1 } from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReplicaRepository } from './replica.repository';

/**
 * Enrolment erased a person (RGPD): the roster's lines that named them are pseudonymised; their marks and completions
 * stay (they are no one's now). Issued attestations are kept as issued: they are the legal proof of a training
 * followed, and their verification must keep answering (docs/scopes.md, what is kept and why).
 */
@Controller()
export class PersonErasedEventController {
  constructor(private readonly replicas: ReplicaRepository) {}

  @HandleEvent(PersonErased)
  onPersonErased(@Payload() event: EventEnvelope<PersonErasedV1>, @Ctx() ctx: EventContext): Promise<void> {
    return this.replicas.erasePerson(ctx.manager, event.data);
  }
}
