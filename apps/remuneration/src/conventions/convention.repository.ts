import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConventionState, PlanLineContent, TrainerContent } from './convention.rules';

/** A change of a convention or of its parts: what, who, when, the state before and after. */
export interface ConventionAuditEntry {
  entity: string;
  action: string;
  actor: string;
  at: Date;
  before: unknown;
  after: unknown;
}

export interface ConventionRow {
  id: string;
  academy: string;
  uai: string;
  schoolName: string | null;
  district: string | null;
  schoolYear: string;
  state: ConventionState;
  capHse: string;
  contentSha256: string;
  paperCopySha256: string | null;
  report: Record<string, unknown> | null;
  reportSubmittedAt: Date | null;
  serviceFaitAt: Date | null;
  validatedAt: Date | null;
  paidAt: Date | null;
  closedAt: Date | null;
  createdBy: string;
  /** Raised by every change: `ETag`, and what an update names in `If-Match`. */
  rowVersion: number;
}

export interface TrainerRow extends TrainerContent {
  id: string;
  capHse: string;
  allocatedHse: string;
}

export interface LineRow extends PlanLineContent {
  id: string;
  position: number;
  trainerId: string;
  sheetSha256: string | null;
}

export interface SignatureRow {
  id: string;
  role: 'head' | 'director';
  signer: string;
  onBehalfOf: string | null;
  how: 'tool' | 'paper';
  contentSha256: string;
  signedAt: Date;
  voidedAt: Date | null;
  voidReason: string | null;
}

const CONVENTION = `c.id, c.academy, c.uai, s.name AS "schoolName", s.district, c.school_year AS "schoolYear", c.state, c.cap_hse::text AS "capHse",
  c.content_sha256 AS "contentSha256", c.paper_copy_sha256 AS "paperCopySha256", c.report, c.report_submitted_at AS "reportSubmittedAt",
  c.service_fait_at AS "serviceFaitAt", c.validated_at AS "validatedAt", c.paid_at AS "paidAt", c.closed_at AS "closedAt", c.created_by AS "createdBy", c.version AS "rowVersion"`;

/** Conventions, their trainers, plan lines, signatures and audit trail, as SQL in the caller's transaction. */
@Injectable()
export class ConventionRepository {
  constructor(private readonly clock: Clock) {}

  async schoolOf(manager: EntityManager, uai: string): Promise<{ academy: string; name: string } | undefined> {
    const [row] = (await manager.query('SELECT academy, name FROM school_replica WHERE uai = $1', [uai])) as {
      academy: string;
      name: string;
    }[];
    return row;
  }

  async insert(
    manager: EntityManager,
    c: {
      id: string;
      academy: string;
      uai: string;
      schoolYear: string;
      capHse: string;
      contentSha256: string;
      createdBy: string;
    },
  ): Promise<void> {
    await manager.query(
      "INSERT INTO convention (id, academy, uai, school_year, state, cap_hse, content_sha256, created_by) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7)",
      [c.id, c.academy, c.uai, c.schoolYear, c.capHse, c.contentSha256, c.createdBy],
    );
  }

  async get(manager: EntityManager, id: string, lock = false): Promise<ConventionRow | undefined> {
    if (lock) await manager.query('SELECT 1 FROM convention WHERE id = $1 FOR UPDATE', [id]);
    const [row] = (await manager.query(
      `SELECT ${CONVENTION} FROM convention c LEFT JOIN school_replica s ON s.uai = c.uai WHERE c.id = $1`,
      [id],
    )) as ConventionRow[];
    return row;
  }

  async list(manager: EntityManager, academy: string, uai: string | null): Promise<ConventionRow[]> {
    return manager.query(
      `SELECT ${CONVENTION} FROM convention c LEFT JOIN school_replica s ON s.uai = c.uai WHERE c.academy = $1 AND ($2::text IS NULL OR c.uai = $2) ORDER BY c.school_year DESC, c.created_at`,
      [academy, uai],
    );
  }

  async trainers(manager: EntityManager, id: string): Promise<TrainerRow[]> {
    return manager.query(
      `SELECT id, name, mail, grade, engaged, cap_hse::text AS "capHse", allocated_hse::text AS "allocatedHse" FROM convention_trainer WHERE convention_id = $1 ORDER BY name`,
      [id],
    );
  }

  async lines(manager: EntityManager, id: string): Promise<LineRow[]> {
    return manager.query(
      `SELECT l.id, l.position, l.kind, to_char(l.date, 'YYYY-MM-DD') AS date, l.minutes, l.audience, l.modality, l.headcount, l.trainer_id AS "trainerId",
              t.mail AS "trainerMail", l.session_id AS "sessionId", l.sheet_sha256 AS "sheetSha256"
         FROM plan_line l JOIN convention_trainer t ON t.id = l.trainer_id WHERE l.convention_id = $1 ORDER BY l.position`,
      [id],
    );
  }

  /** The trainers (kept by mail, with their allocations) and the plan lines (replaced) of a convention. */
  async replaceContent(
    manager: EntityManager,
    id: string,
    capHse: string,
    trainers: readonly TrainerContent[],
    lines: readonly PlanLineContent[],
  ): Promise<void> {
    const mails = trainers.map((t) => t.mail);
    await manager.query('DELETE FROM plan_line WHERE convention_id = $1', [id]);
    await manager.query('DELETE FROM convention_trainer WHERE convention_id = $1 AND NOT (mail = ANY($2))', [
      id,
      mails,
    ]);
    for (const t of trainers) {
      await manager.query(
        `INSERT INTO convention_trainer (id, convention_id, name, mail, grade, engaged, cap_hse) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)
         ON CONFLICT (convention_id, mail) DO UPDATE SET name = EXCLUDED.name, grade = EXCLUDED.grade, engaged = EXCLUDED.engaged`,
        [id, t.name, t.mail, t.grade, t.engaged, capHse],
      );
    }
    await manager.query(
      `INSERT INTO plan_line (id, convention_id, position, kind, date, minutes, audience, modality, headcount, trainer_id, session_id)
       SELECT gen_random_uuid(), $1, l.position, l.kind, l.date::date, l.minutes, l.audience, l.modality, l.headcount, t.id, l.session_id
         FROM jsonb_to_recordset($2::jsonb) AS l(position int, kind text, date text, minutes int, audience text, modality text, headcount int, trainer_mail text, session_id uuid)
         JOIN convention_trainer t ON t.convention_id = $1 AND t.mail = l.trainer_mail`,
      [
        id,
        JSON.stringify(
          lines.map((l, position) => ({
            position,
            kind: l.kind,
            date: l.date,
            minutes: l.minutes,
            audience: l.audience,
            modality: l.modality,
            headcount: l.headcount,
            trainer_mail: l.trainerMail,
            session_id: l.sessionId,
          })),
        ),
      ],
    );
  }

  async setDigest(manager: EntityManager, id: string, sha256: string): Promise<void> {
    await manager.query('UPDATE convention SET content_sha256 = $2, version = version + 1 WHERE id = $1', [id, sha256]);
  }

  /** A change that leaves the digest as it was (the same plan sent again) is still a new version. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE convention SET version = version + 1 WHERE id = $1', [id]);
  }

  async setState(
    manager: EntityManager,
    id: string,
    state: ConventionState,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const columns = Object.keys(extra);
    await manager.query(
      `UPDATE convention SET state = $2${columns.map((c, i) => `, ${c} = $${i + 3}`).join('')}, version = version + 1 WHERE id = $1`,
      [id, state, ...columns.map((c) => extra[c])],
    );
  }

  async signatures(manager: EntityManager, id: string): Promise<SignatureRow[]> {
    return manager.query(
      `SELECT id, role, signer, on_behalf_of AS "onBehalfOf", how, content_sha256 AS "contentSha256", signed_at AS "signedAt", voided_at AS "voidedAt", void_reason AS "voidReason"
         FROM signature WHERE convention_id = $1 ORDER BY signed_at, id`,
      [id],
    );
  }

  async sign(
    manager: EntityManager,
    s: {
      id: string;
      conventionId: string;
      role: 'head' | 'director';
      signer: string;
      onBehalfOf: string | null;
      how: 'tool' | 'paper';
      contentSha256: string;
    },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO signature (id, convention_id, role, signer, on_behalf_of, how, content_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [s.id, s.conventionId, s.role, s.signer, s.onBehalfOf, s.how, s.contentSha256],
    );
  }

  /** Voids the standing signatures (content changed); how many were voided. */
  async voidSignatures(manager: EntityManager, id: string, reason: string): Promise<number> {
    const rows = (await manager.query(
      'WITH v AS (UPDATE signature SET voided_at = $3, void_reason = $2 WHERE convention_id = $1 AND voided_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM v',
      [id, reason, this.clock.now()],
    )) as { n: number }[];
    return rows[0].n;
  }

  async storePaperCopy(manager: EntityManager, id: string, content: Buffer, sha256: string): Promise<void> {
    await manager.query('UPDATE convention SET paper_copy = $2, paper_copy_sha256 = $3 WHERE id = $1', [
      id,
      content,
      sha256,
    ]);
  }

  async paperCopy(manager: EntityManager, id: string): Promise<Buffer | null> {
    const [row] = (await manager.query('SELECT paper_copy AS content FROM convention WHERE id = $1', [id])) as {
      content: Buffer | null;
    }[];
    return row?.content ?? null;
  }

  async storeSheet(
    manager: EntityManager,
    conventionId: string,
    lineId: string,
    content: Buffer,
    sha256: string,
  ): Promise<boolean> {
    const rows = (await manager.query(
      'WITH u AS (UPDATE plan_line SET sheet = $3, sheet_sha256 = $4 WHERE convention_id = $1 AND id = $2 RETURNING 1) SELECT count(*)::int AS n FROM u',
      [conventionId, lineId, content, sha256],
    )) as { n: number }[];
    return rows[0].n === 1;
  }

  async saveReport(manager: EntityManager, id: string, report: object): Promise<void> {
    await manager.query('UPDATE convention SET report = $2 WHERE id = $1', [id, JSON.stringify(report)]);
  }

  async audit(
    manager: EntityManager,
    entry: {
      conventionId: string | null;
      entity: string;
      action: string;
      actor: string;
      before: unknown;
      after: unknown;
    },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO audit (convention_id, entity, action, actor, before, after) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        entry.conventionId,
        entry.entity,
        entry.action,
        entry.actor,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  async auditTrail(manager: EntityManager, id: string): Promise<ConventionAuditEntry[]> {
    return manager.query(
      'SELECT entity, action, actor, at, before, after FROM audit WHERE convention_id = $1 ORDER BY id',
      [id],
    );
  }

  /** Of these sessions, those whose hours were delivered in another académie than this one. */
  async foreignSessions(manager: EntityManager, academy: string, sessionIds: string[]): Promise<string[]> {
    if (!sessionIds.length) return [];
    const rows = (await manager.query(
      'SELECT DISTINCT session_id AS id FROM delivered_hours WHERE session_id = ANY($1::uuid[]) AND academy IS DISTINCT FROM $2',
      [sessionIds, academy],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Minutes each trainer of the convention delivered on the sessions its plan lines name (attendance's
   * TrainerHoursDelivered).
   */
  async delivered(
    manager: EntityManager,
    id: string,
  ): Promise<
    {
      sessionId: string;
      trainerMail: string;
      faceToFaceMinutes: number;
      virtualClassMinutes: number;
      followUpMinutes: number;
    }[]
  > {
    return manager.query(
      `SELECT d.session_id AS "sessionId", t.mail AS "trainerMail", d.face_to_face_minutes AS "faceToFaceMinutes",
              d.virtual_class_minutes AS "virtualClassMinutes", d.follow_up_minutes AS "followUpMinutes"
         FROM delivered_hours d
         JOIN convention_trainer t ON t.convention_id = $1 AND t.mail = d.trainer_key
         JOIN convention c ON c.id = $1 AND c.academy = d.academy
        WHERE d.session_id IN (SELECT session_id FROM plan_line WHERE convention_id = $1 AND session_id IS NOT NULL)
        ORDER BY d.delivered_at`,
      [id],
    );
  }
}
