import { Identity } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { composeConvocation } from './convocation-message';
import { convocationNotFound, convocationNotIssued } from './convocation.errors';
import { ConvocationRepository, ConvocationState } from './convocation.repository';

/** A participant's convocation as their space shows it: what the mail says, and where its mailing stands. */
export interface OwnConvocation {
  registrationId: string;
  subject: string;
  /** The convocation's text, as it is mailed. */
  text: string;
  /** `pending` (queued), `sending`, `sent` or `failed` (the mail could not be delivered: the text is still here). */
  mailing: ConvocationState;
  /** When the mail left; null until then. */
  sentAt: Date | null;
}

@Injectable()
export class ConvocationQueries {
  constructor(private readonly convocations: ConvocationRepository) {}

  /**
   * The convocation of one of the caller's own registrations (issue 27): the person is the token's mail, so another
   * person's registration is not found, whatever its identifier; a registration not confirmed has none yet.
   */
  async mine(caller: Identity, registrationId: string): Promise<OwnConvocation> {
    const row = caller.mail
      ? await this.convocations.ofParticipant(registrationId, caller.mail, caller.scope.academy)
      : undefined;
    if (!row) throw convocationNotFound(registrationId);
    if (row.registrationState !== 'confirmed' || !row.state) throw convocationNotIssued(row.registrationState);
    const message = composeConvocation(row);
    return { registrationId, subject: message.subject, text: message.text, mailing: row.state, sentAt: row.sentAt };
  }
}
