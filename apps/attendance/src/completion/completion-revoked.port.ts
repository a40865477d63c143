import { EntityManager } from 'typeorm';

/**
 * What else a completion's revocation undoes, in its transaction: the attestations capability revokes the attestation
 * that stood on it (`AttestationsOnCompletionRevoked`). A port, so that completion does not import attestations, which
 * itself reads completions to issue.
 */
export interface CompletionRevokedHook {
  completionRevoked(manager: EntityManager, registrationId: string, sessionId: string, reason: string): Promise<void>;
}

export const COMPLETION_REVOKED_HOOK = Symbol('CompletionRevokedHook');
