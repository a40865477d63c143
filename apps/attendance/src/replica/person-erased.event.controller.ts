import { EventEnvelope, PersonErased, PersonErasedV1 } from '@forma/contracts';
import { EventContext, HandleEvent } from '@forma/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

/**
 * Enrolment erased a person (RGPD): the roster's lines that named them are pseudonymised, their marks and completions
 * stay (they are no one's now). Issued attestations are kept as issued: they are the legal proof of a training
 * followed, and their verification must keep answering (docs/scopes.md, what is kept and why).
 */
@Controller()
export class PersonErasedEventController {
  @HandleEvent(PersonErased)
  async onPersonErased(@Payload() event: EventEnvelope<PersonErasedV1>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query(
      `UPDATE roster SET last_name = 'Personne effacée', first_name = '', mail = 'effacee-' || registration_id || '@forma.invalid', uai = NULL, erased_at = now()
        WHERE erased_at IS NULL AND (participant_id = $1 OR encode(sha256(convert_to(lower(trim(mail)), 'UTF8')), 'hex') = $2)`,
      [event.data.participantId, event.data.mailHash],
    );
  }
}
