import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompletionEvidence } from './completion.rules';

export interface CompletionRow {
  id: string;
  registrationId: string;
  sessionId: string;
  ruleVersion: number;
  evidence: CompletionEvidence;
  completedAt: Date;
  completedBy: string;
  revokedAt: Date | null;
  revokeReason: string | null;
}

const COLUMNS = `id, registration_id AS "registrationId", session_id AS "sessionId", rule_version AS "ruleVersion", evidence,
  completed_at AS "completedAt", completed_by AS "completedBy", revoked_at AS "revokedAt", revoke_reason AS "revokeReason"`;

/** Completions: dated facts, one active per registration, revoked explicitly (never deleted). */
@Injectable()
export class CompletionRepository {
  constructor(private readonly clock: Clock) {}

  async ofSession(manager: EntityManager, sessionId: string): Promise<CompletionRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM completion WHERE session_id = $1 ORDER BY completed_at`, [sessionId]);
  }

  async active(manager: EntityManager, registrationId: string, lock = false): Promise<CompletionRow | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM completion WHERE registration_id = $1 AND revoked_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [registrationId],
    )) as CompletionRow[];
    return row;
  }

  async insert(
    manager: EntityManager,
    c: {
      id: string;
      registrationId: string;
      sessionId: string;
      evidence: CompletionEvidence;
      completedAt: Date;
      completedBy: string;
    },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO completion (id, registration_id, session_id, rule_version, evidence, completed_at, completed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        c.id,
        c.registrationId,
        c.sessionId,
        c.evidence.ruleVersion,
        JSON.stringify(c.evidence),
        c.completedAt,
        c.completedBy,
      ],
    );
  }

  async revoke(manager: EntityManager, id: string, by: string, reason: string): Promise<Date> {
    const [row] = (await manager.query(
      'WITH changed AS (UPDATE completion SET revoked_at = $4, revoked_by = $2, revoke_reason = $3 WHERE id = $1 RETURNING revoked_at AS at) SELECT at FROM changed',
      [id, by, reason, this.clock.now()],
    )) as { at: Date }[];
    return row.at;
  }

  async sessionOf(manager: EntityManager, registrationId: string): Promise<string | undefined> {
    const [row] = (await manager.query('SELECT session_id AS "sessionId" FROM roster WHERE registration_id = $1', [
      registrationId,
    ])) as { sessionId: string }[];
    return row?.sessionId;
  }
}
