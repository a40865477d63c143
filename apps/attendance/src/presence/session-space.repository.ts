import { PersonPlace } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sessionNotFound } from '../session-access.rules';
import { CurrentMark, Enrolled, LedgerEntry, Slot } from './presence.rules';

export interface SessionTrainer {
  name: string;
  mail: string | null;
  role: 'trainer' | 'tutor';
}

/** A session as attendance knows it: the catalog's facts, its module's, and whether its marks are locked. */
export interface SessionSpace {
  id: string;
  moduleId: string;
  academy: string;
  groupNumber: string;
  slots: Slot[];
  placeUai: string | null;
  placeLabel: string | null;
  placeName: string | null;
  status: string;
  trainers: SessionTrainer[];
  trainerMails: string[];
  distanceEndsOn: string | null;
  deliveredAt: Date | null;
  closedAt: Date | null;
  module: {
    title: string;
    revision: number;
    faceToFaceMinutes: number;
    synchronousMinutes: number;
    asynchronousMinutes: number;
    archived: boolean;
  };
}

/** A person on the session's roster, with where they work (for who reaches them). */
export interface RosterLine {
  registrationId: string;
  participantId: string;
  mail: string;
  lastName: string;
  firstName: string;
  uai: string | null;
  schoolName: string | null;
  state: 'confirmed' | 'cancelled';
  confirmedAt: Date;
  place: PersonPlace;
}

export interface LedgerRow extends LedgerEntry {
  id: string;
  author: string;
  recordedAt: Date;
}

/**
 * The latest entry of each (registration, slot, part) of session $1, narrowed by `and` (a condition starting with AND).
 */
const currentMarksSql = (and: string) => `
  SELECT DISTINCT ON (registration_id, slot_index, part) id::text AS id, registration_id AS "registrationId", slot_index AS "slotIndex",
         part, status, minutes
    FROM presence_mark WHERE session_id = $1 ${and}
   ORDER BY registration_id, slot_index, part, id DESC`;

/** A closing or reopening of a session, with who did it and why. */
export interface SessionAuditEntry {
  action: string;
  reason: string | null;
  actor: string;
  at: Date;
}

/** A signed sheet's scan as stored: its type, digest, size and who uploaded it. */
export interface SignedSheetRow {
  id: string;
  contentType: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
  size: number;
}

/** A session a trainer runs, as their list shows it. */
export interface TrainerSession {
  sessionId: string;
  moduleId: string;
  title: string;
  groupNumber: string;
  slots: Slot[];
  place: string | null;
  status: string;
  closedAt: Date | null;
  participants: number;
}

/** The channel attendance announces a session's new marks and signatures on (heard on commit). */
export const PRESENCE_CHANNEL = 'attendance_changed';

/** The session's space in SQL: its replica, roster, ledger (append-only) and lock. */
@Injectable()
export class SessionSpaceRepository {
  /** The session, its ledger row locked for the transaction when `lock` (marks and closing queue per session). */
  async load(manager: EntityManager, id: string, lock = false): Promise<SessionSpace> {
    // locked and read in one round trip once the session has a ledger row (every mark after the first)
    let row = await this.select(manager, id, lock);
    if (!row && lock) {
      await manager.query('INSERT INTO session_ledger (session_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
      row = await this.select(manager, id, lock);
    }
    if (!row) throw sessionNotFound(id);
    return row;
  }

  private async select(manager: EntityManager, id: string, lock: boolean): Promise<SessionSpace | undefined> {
    const [row] = (await manager.query(
      `SELECT s.session_id AS id, s.module_id AS "moduleId", s.academy, s.group_number AS "groupNumber", s.slots, s.place_uai AS "placeUai",
              s.place_label AS "placeLabel", sc.name AS "placeName", s.status, s.trainers, s.trainer_mails AS "trainerMails",
              to_char(s.distance_ends_on, 'YYYY-MM-DD') AS "distanceEndsOn", s.delivered_at AS "deliveredAt", l.closed_at AS "closedAt",
              json_build_object('title', m.title, 'revision', m.revision, 'faceToFaceMinutes', m.face_to_face_minutes,
                'synchronousMinutes', m.synchronous_minutes, 'asynchronousMinutes', m.asynchronous_minutes, 'archived', m.archived) AS module
         FROM session_replica s
         JOIN module_replica m USING (module_id)
         LEFT JOIN school_replica sc ON sc.uai = s.place_uai
         ${lock ? 'JOIN' : 'LEFT JOIN'} session_ledger l ON l.session_id = s.session_id
        WHERE s.session_id = $1
        ${lock ? 'FOR UPDATE OF l' : ''}`,
      [id],
    )) as SessionSpace[];
    return row;
  }

  /** Said in the transaction that changed a session's sheet (marks, signatures): heard on commit by every replica. */
  async announce(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(
      `SELECT pg_notify($1, json_build_object('seq', (SELECT COALESCE(max(id), 0) FROM presence_mark WHERE session_id = $2), 'keys', ARRAY[$2::text])::text)`,
      [PRESENCE_CHANNEL, sessionId],
    );
  }

  /** Where a session's ledger stands: its last entry's id (0 when empty), as text (a bigint). */
  async position(manager: EntityManager, sessionId: string): Promise<string> {
    const [{ seq }] = (await manager.query(
      'SELECT COALESCE(max(id), 0)::text AS seq FROM presence_mark WHERE session_id = $1',
      [sessionId],
    )) as { seq: string }[];
    return seq;
  }

  /** The sessions of an académie that name this trainer's mail, soonest first (their first slot's date). */
  async trainerSessions(manager: EntityManager, academy: string, mail: string): Promise<TrainerSession[]> {
    return (await manager.query(
      `SELECT s.session_id AS "sessionId", s.module_id AS "moduleId", m.title, s.group_number AS "groupNumber", s.slots,
              NULLIF(concat_ws(' — ', s.place_label, sc.name), '') AS place, s.status, l.closed_at AS "closedAt",
              (SELECT count(*)::int FROM roster r WHERE r.session_id = s.session_id AND r.state = 'confirmed') AS participants
         FROM session_replica s
         JOIN module_replica m USING (module_id)
         LEFT JOIN school_replica sc ON sc.uai = s.place_uai
         LEFT JOIN session_ledger l ON l.session_id = s.session_id
        WHERE s.academy = $1 AND $2 = ANY (s.trainer_mails)
        ORDER BY s.slots->0->>'date', m.title, s.group_number`,
      [academy, mail],
    )) as TrainerSession[];
  }

  /**
   * What a batch of marks is checked against, in one round trip: the roster lines and the current marks of the
   * registrations it names (a mark per call reads one person, not the whole session).
   */
  async markContext(
    manager: EntityManager,
    sessionId: string,
    registrationIds: readonly string[],
  ): Promise<{ roster: (Enrolled & { participantId: string })[]; current: CurrentMark[] }> {
    const [row] = (await manager.query(
      `SELECT
         (SELECT COALESCE(json_agg(json_build_object('registrationId', r.registration_id, 'participantId', r.participant_id, 'state', r.state,
                   'confirmedAt', r.confirmed_at)), '[]')
            FROM roster r WHERE r.session_id = $1 AND r.registration_id = ANY($2::uuid[])) AS roster,
         (SELECT COALESCE(json_agg(c), '[]') FROM (${currentMarksSql('AND registration_id = ANY($2::uuid[])')}) c) AS current`,
      [sessionId, [...new Set(registrationIds)]],
    )) as {
      roster: (Omit<Enrolled, 'confirmedAt'> & { participantId: string; confirmedAt: string })[];
      current: CurrentMark[];
    }[];
    return { roster: row.roster.map((l) => ({ ...l, confirmedAt: new Date(l.confirmedAt) })), current: row.current };
  }

  async roster(manager: EntityManager, sessionId: string): Promise<RosterLine[]> {
    const rows = (await manager.query(
      `SELECT r.registration_id AS "registrationId", r.participant_id AS "participantId", r.mail, r.last_name AS "lastName",
              r.first_name AS "firstName", r.uai, sc.name AS "schoolName", r.state, r.confirmed_at AS "confirmedAt", r.academy,
              sc.district, sc.department
         FROM roster r LEFT JOIN school_replica sc ON sc.uai = r.uai
        WHERE r.session_id = $1
        ORDER BY r.last_name, r.first_name, r.registration_id`,
      [sessionId],
    )) as (Omit<RosterLine, 'place'> & { academy: string; district: string | null; department: string | null })[];
    return rows.map(({ academy, district, department, ...line }) => ({
      ...line,
      place: { academy, uai: line.uai, district, department, mail: line.mail },
    }));
  }

  /** The latest entry of each (registration, slot, part): what the ledger says now. */
  async currentMarks(manager: EntityManager, sessionId: string): Promise<CurrentMark[]> {
    return (await manager.query(currentMarksSql(''), [sessionId])) as CurrentMark[];
  }

  async append(
    manager: EntityManager,
    sessionId: string,
    author: string,
    entries: readonly LedgerEntry[],
    recordedAt: Date,
  ): Promise<LedgerRow[]> {
    if (!entries.length) return [];
    const rows = (await manager.query(
      `INSERT INTO presence_mark (registration_id, session_id, slot_index, part, modality, status, minutes, provenance, author, reason, corrects, recorded_at)
       SELECT e.registration_id, $1, e.slot_index, e.part, e.modality, e.status, e.minutes, e.provenance, $2, e.reason, e.corrects, $4
         FROM jsonb_to_recordset($3::jsonb) AS e(registration_id uuid, slot_index int, part text, modality text, status text, minutes int,
              provenance text, reason text, corrects bigint)
       RETURNING id::text AS id, registration_id AS "registrationId", slot_index AS "slotIndex", part, modality, status, minutes, provenance,
              reason, corrects::text AS corrects, author, recorded_at AS "recordedAt"`,
      [
        sessionId,
        author,
        JSON.stringify(
          entries.map((e) => ({
            registration_id: e.registrationId,
            slot_index: e.slotIndex,
            part: e.part,
            modality: e.modality,
            status: e.status,
            minutes: e.minutes,
            provenance: e.provenance,
            reason: e.reason,
            corrects: e.corrects,
          })),
        ),
        recordedAt,
      ],
    )) as LedgerRow[];
    return rows;
  }

  /** Every entry of the ledger, oldest first (corrections included): the flat export and the audit trail. */
  async ledger(manager: EntityManager, sessionId: string): Promise<LedgerRow[]> {
    return (await manager.query(
      `SELECT id::text AS id, registration_id AS "registrationId", slot_index AS "slotIndex", part, modality, status, minutes, provenance,
              reason, corrects::text AS corrects, author, recorded_at AS "recordedAt"
         FROM presence_mark WHERE session_id = $1 ORDER BY id`,
      [sessionId],
    )) as LedgerRow[];
  }

  async setClosed(
    manager: EntityManager,
    sessionId: string,
    closedAt: Date | null,
    actor: string,
    action: 'closed' | 'reopened',
    reason: string | null,
  ): Promise<void> {
    await manager.query('UPDATE session_ledger SET closed_at = $2, closed_by = $3 WHERE session_id = $1', [
      sessionId,
      closedAt,
      closedAt ? actor : null,
    ]);
    await manager.query('INSERT INTO session_audit (session_id, action, reason, actor) VALUES ($1, $2, $3, $4)', [
      sessionId,
      action,
      reason,
      actor,
    ]);
  }

  async audit(manager: EntityManager, sessionId: string): Promise<SessionAuditEntry[]> {
    return manager.query('SELECT action, reason, actor, at FROM session_audit WHERE session_id = $1 ORDER BY id', [
      sessionId,
    ]);
  }

  async storeSignedSheet(
    manager: EntityManager,
    sheet: { id: string; sessionId: string; contentType: string; content: Buffer; sha256: string; uploadedBy: string },
  ): Promise<Date> {
    const [row] = (await manager.query(
      'INSERT INTO signed_sheet (id, session_id, content_type, content, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING uploaded_at AS at',
      [sheet.id, sheet.sessionId, sheet.contentType, sheet.content, sheet.sha256, sheet.uploadedBy],
    )) as { at: Date }[];
    return row.at;
  }

  async signedSheets(manager: EntityManager, sessionId: string): Promise<SignedSheetRow[]> {
    return manager.query(
      `SELECT id, content_type AS "contentType", sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", octet_length(content) AS size
         FROM signed_sheet WHERE session_id = $1 ORDER BY uploaded_at`,
      [sessionId],
    );
  }

  async signedSheet(
    manager: EntityManager,
    sessionId: string,
    id: string,
  ): Promise<{ contentType: string; content: Buffer } | undefined> {
    const [row] = (await manager.query(
      'SELECT content_type AS "contentType", content FROM signed_sheet WHERE session_id = $1 AND id = $2',
      [sessionId, id],
    )) as {
      contentType: string;
      content: Buffer;
    }[];
    return row;
  }
}
