import { AttestationRevoked } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompletionRevokedHook } from '../completion/completion-revoked.port';
import { AttestationRepository } from './attestation.repository';

/** An attestation stands only on a completion: when the completion is revoked, so is its attestation. */
@Injectable()
export class AttestationsOnCompletionRevoked implements CompletionRevokedHook {
  constructor(
    private readonly attestations: AttestationRepository,
    private readonly events: EventPublisher,
  ) {}

  async completionRevoked(
    manager: EntityManager,
    registrationId: string,
    sessionId: string,
    reason: string,
  ): Promise<void> {
    const attestation = await this.attestations.activeFor(manager, registrationId);
    if (!attestation) return;
    const at = await this.attestations.revoke(manager, attestation.id, reason);
    await this.events.publish(manager, AttestationRevoked, {
      attestationId: attestation.id,
      sessionId,
      replacedBy: null,
      reason,
      revokedAt: new Date(at).toISOString(),
    });
  }
}
