import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AttestationSnapshot } from './attestation.pdf';

export interface AttestationRow {
  id: string;
  code: string;
  registrationId: string;
  sessionId: string;
  academy: string;
  templateVersion: number;
  snapshot: AttestationSnapshot;
  /** Null until its PDF is rendered. */
  sha256: string | null;
  renderedAt: Date | null;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  replacedBy: string | null;
  replacedByCode: string | null;
}

const COLUMNS = `a.id, a.code, a.registration_id AS "registrationId", a.session_id AS "sessionId", a.academy, a.template_version AS "templateVersion",
  a.snapshot, a.sha256, a.rendered_at AS "renderedAt", a.issued_at AS "issuedAt", a.revoked_at AS "revokedAt", a.revoke_reason AS "revokeReason",
  a.replaced_by AS "replacedBy", r.code AS "replacedByCode"`;

/** Attestations as issued: what they state (snapshot), their template version, their PDF and its SHA-256. */
@Injectable()
export class AttestationRepository {
  constructor(private readonly clock: Clock) {}

  /** An attestation as issued: what it states; its PDF comes from the renderer. */
  async insert(
    manager: EntityManager,
    a: {
      id: string;
      code: string;
      registrationId: string;
      sessionId: string;
      academy: string;
      snapshot: AttestationSnapshot;
      issuedAt: Date;
      issuedBy: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO attestation (id, code, registration_id, session_id, academy, template_version, snapshot, issued_at, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.id,
        a.code,
        a.registrationId,
        a.sessionId,
        a.academy,
        a.snapshot.templateVersion,
        JSON.stringify(a.snapshot),
        a.issuedAt,
        a.issuedBy,
      ],
    );
  }

  /** The oldest attestation still to render, locked for this transaction (another instance takes the next one). */
  async claimToRender(manager: EntityManager): Promise<AttestationRow | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM attestation a LEFT JOIN attestation r ON r.id = a.replaced_by
        WHERE a.id = (SELECT id FROM attestation WHERE rendered_at IS NULL ORDER BY issued_at LIMIT 1 FOR UPDATE SKIP LOCKED)`,
    )) as AttestationRow[];
    return row;
  }

  async rendered(manager: EntityManager, id: string, pdf: Buffer, sha256: string): Promise<void> {
    await manager.query('UPDATE attestation SET pdf = $2, sha256 = $3, rendered_at = $4 WHERE id = $1', [
      id,
      pdf,
      sha256,
      this.clock.now(),
    ]);
  }

  /** How many attestations of the session wait for their PDF. */
  async pendingOf(manager: EntityManager, sessionId: string): Promise<number> {
    const [row] = (await manager.query(
      'SELECT count(*)::int AS n FROM attestation WHERE session_id = $1 AND rendered_at IS NULL',
      [sessionId],
    )) as { n: number }[];
    return row.n;
  }

  async byId(manager: EntityManager, id: string): Promise<AttestationRow | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM attestation a LEFT JOIN attestation r ON r.id = a.replaced_by WHERE a.id = $1`,
      [id],
    )) as AttestationRow[];
    return row;
  }

  async byCode(manager: EntityManager, code: string): Promise<AttestationRow | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM attestation a LEFT JOIN attestation r ON r.id = a.replaced_by WHERE a.code = $1`,
      [code],
    )) as AttestationRow[];
    return row;
  }

  async activeFor(manager: EntityManager, registrationId: string): Promise<AttestationRow | undefined> {
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM attestation a LEFT JOIN attestation r ON r.id = a.replaced_by WHERE a.registration_id = $1 AND a.revoked_at IS NULL`,
      [registrationId],
    )) as AttestationRow[];
    return row;
  }

  async ofSession(manager: EntityManager, sessionId: string): Promise<AttestationRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM attestation a LEFT JOIN attestation r ON r.id = a.replaced_by WHERE a.session_id = $1 ORDER BY a.issued_at`,
      [sessionId],
    );
  }

  /** The PDF, or null while it is being rendered. */
  async pdf(manager: EntityManager, id: string): Promise<Buffer | null> {
    const [row] = (await manager.query('SELECT pdf FROM attestation WHERE id = $1', [id])) as { pdf: Buffer | null }[];
    return row.pdf;
  }

  async revoke(manager: EntityManager, id: string, reason: string, replacedBy: string | null = null): Promise<Date> {
    const [row] = (await manager.query(
      'WITH changed AS (UPDATE attestation SET revoked_at = COALESCE(revoked_at, $4), revoke_reason = COALESCE(revoke_reason, $2), replaced_by = COALESCE($3, replaced_by) WHERE id = $1 RETURNING revoked_at AS at) SELECT at FROM changed',
      [id, reason, replacedBy, this.clock.now()],
    )) as { at: Date }[];
    return row.at;
  }

  /** The attestations of the registrations a person holds under this mail in this académie (their own space). */
  async ofPerson(manager: EntityManager, academy: string, mail: string): Promise<AttestationRow[]> {
    return (await manager.query(
      `SELECT ${COLUMNS} FROM attestation a LEFT JOIN attestation r ON r.id = a.replaced_by
         JOIN roster ro ON ro.registration_id = a.registration_id
        WHERE ro.academy = $1 AND lower(ro.mail) = lower($2) AND ro.erased_at IS NULL
        ORDER BY a.issued_at DESC`,
      [academy, mail],
    )) as AttestationRow[];
  }
}
