import { SignatureMethod, SlotPart } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A signature's proof as it is read back: how, when, the code's window or the drawn image's digest. */
export interface SignatureProof {
  id: string;
  registrationId: string;
  slotIndex: number;
  part: SlotPart;
  method: SignatureMethod;
  signedAt: Date;
  /** The 30-second window of the code scanned (milliseconds since 1970 / 30,000), for a code. */
  codeWindow: number | null;
  /** SHA-256 of the drawn image as received, for a drawn signature. */
  drawingSha256: string | null;
  markId: string;
  signedBy: string;
}

export interface NewSignature {
  id: string;
  sessionId: string;
  registrationId: string;
  slotIndex: number;
  part: SlotPart;
  method: SignatureMethod;
  signedAt: Date;
  codeWindow: number | null;
  drawing: Buffer | null;
  drawingSha256: string | null;
  markId: string;
  signedBy: string;
}

const PROOF_COLUMNS = `id, registration_id AS "registrationId", slot_index AS "slotIndex", part, method, signed_at AS "signedAt",
  code_window::float8 AS "codeWindow", drawing_sha256 AS "drawingSha256", mark_id::text AS "markId", signed_by AS "signedBy"`;

/** Electronic signatures in SQL: one per person and half-day (the table's unique key), never changed. */
@Injectable()
export class SignatureRepository {
  async exists(manager: EntityManager, registrationId: string, slotIndex: number, part: SlotPart): Promise<boolean> {
    const rows = (await manager.query(
      'SELECT 1 FROM signature WHERE registration_id = $1 AND slot_index = $2 AND part = $3',
      [registrationId, slotIndex, part],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(manager: EntityManager, s: NewSignature): Promise<SignatureProof> {
    const [row] = (await manager.query(
      `INSERT INTO signature (id, session_id, registration_id, slot_index, part, method, signed_at, code_window, drawing, drawing_sha256, mark_id, signed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       RETURNING ${PROOF_COLUMNS}`,
      [
        s.id,
        s.sessionId,
        s.registrationId,
        s.slotIndex,
        s.part,
        s.method,
        s.signedAt,
        s.codeWindow,
        s.drawing,
        s.drawingSha256,
        s.markId,
        s.signedBy,
      ],
    )) as SignatureProof[];
    return row;
  }

  async forSession(manager: EntityManager, sessionId: string): Promise<SignatureProof[]> {
    return (await manager.query(`SELECT ${PROOF_COLUMNS} FROM signature WHERE session_id = $1 ORDER BY signed_at, id`, [
      sessionId,
    ])) as SignatureProof[];
  }

  /** The drawn images of a session (for its sheet), by signature id; erased ones are absent. */
  async drawings(manager: EntityManager, sessionId: string): Promise<Map<string, Buffer>> {
    const rows = (await manager.query(
      'SELECT id, drawing FROM signature WHERE session_id = $1 AND drawing IS NOT NULL',
      [sessionId],
    )) as { id: string; drawing: Buffer }[];
    return new Map(rows.map((r) => [r.id, r.drawing]));
  }
}
