import { preparedQuery } from '@forma/persistence';
import { Clock } from '@forma/domain';
import { CancellationReason, RegistrationKind, RegistrationState } from '@forma/contracts';
import { SessionPlace } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { registrationNotFound, unknownSession } from './registration.errors';
import { LockedSession, ModuleReplica, SeatCount, SessionReplica } from './session-replica';

const SESSION_SELECT = `SELECT s.session_id AS "sessionId", s.module_id AS "moduleId", s.academy, s.capacity, s.status,
  s.gaia_session_id AS "gaiaSessionId", s.slots, s.place_uai AS "placeUai", s.group_number AS "groupNumber",
  s.trainer_mails AS "trainerMails" FROM session_replica s`;

const REGISTRATION_SELECT = `SELECT id, session_id AS "sessionId", module_id AS "moduleId", participant_id AS "participantId", kind, state, academy
  FROM registration`;

/** The confirmed and waitlisted registrations of the sessions $1 (uuid[]): a query, to count after their lock. */
const SEAT_COUNTS = `SELECT session_id AS "sessionId", count(*) FILTER (WHERE state = 'confirmed')::int AS confirmed,
    count(*) FILTER (WHERE state = 'waitlisted')::int AS waitlisted
  FROM registration WHERE session_id = ANY($1::uuid[]) AND state IN ('confirmed', 'waitlisted') GROUP BY session_id`;

/** The modules a query of module ids selects (over $1), and the modules they require. */
const modulesAmong = (ids: string) =>
  `SELECT module_id AS "moduleId", title, archived, prerequisite_module_ids AS "prerequisiteModuleIds", themes,
     total_hours::float AS "totalHours"
   FROM module_replica WHERE module_id IN (${ids}) OR module_id IN (
     SELECT unnest(prerequisite_module_ids) FROM module_replica WHERE module_id IN (${ids}))`;

/**
 * The live (not cancelled) registration of each (session, person) pair given as two uuid[] parameters, with the import
 * job that made it: one probe of `registration_live` per pair (a join would hash the whole table for each batch).
 */
const LIVE_REGISTRATIONS = (sessions: string, participants: string) =>
  `SELECT u.session_id AS "sessionId", u.participant_id AS "participantId", r.id, r.import_job_id AS "importJobId"
   FROM unnest(${sessions}::uuid[], ${participants}::uuid[]) AS u(session_id, participant_id)
   CROSS JOIN LATERAL (SELECT id, import_job_id FROM registration
     WHERE session_id = u.session_id AND participant_id = u.participant_id AND state <> 'cancelled' LIMIT 1) r`;

/** The sessions $1 (uuid[]) locked in id order, so two bulk imports never deadlock. */
const LOCK_SESSIONS = `${SESSION_SELECT} WHERE s.session_id = ANY($1::uuid[]) ORDER BY s.session_id FOR UPDATE`;

/**
 * After their lock, the seats of the sessions $1, their modules and the modules those require, and the live
 * registrations of the (session, person) pairs $2, $3: one statement (`lockForPlacement`), its text built once.
 */
const PLACEMENT_READ = `SELECT (SELECT coalesce(json_agg(c), '[]') FROM (${SEAT_COUNTS}) c) AS seats,
    (SELECT coalesce(json_agg(m), '[]') FROM (${modulesAmong('SELECT module_id FROM session_replica WHERE session_id = ANY($1::uuid[])')}) m) AS modules,
    (SELECT coalesce(json_agg(l), '[]') FROM (${LIVE_REGISTRATIONS('$2', '$3')}) l) AS live`;

type Seats = SeatCount & { sessionId: string };
type Pair = { sessionId: string; participantId: string };

/** The locked rows with their seats counted after the lock: the only place a `LockedSession` is made. */
const locked = (sessions: SessionReplica[], seats: Seats[]): Map<string, LockedSession> => {
  const counts = new Map(seats.map((s) => [s.sessionId, { confirmed: s.confirmed, waitlisted: s.waitlisted }]));
  return new Map(
    sessions.map((s) => [
      s.sessionId,
      { ...s, seats: counts.get(s.sessionId) ?? { confirmed: 0, waitlisted: 0 } } as LockedSession,
    ]),
  );
};

export interface RegistrationRow {
  id: string;
  sessionId: string;
  moduleId: string;
  participantId: string;
  kind: RegistrationKind;
  state: RegistrationState;
  academy: string;
}

/** A new registration as written: its decision made by the admission policy. */
export interface NewRegistration {
  id: string;
  participantId: string;
  kind: RegistrationKind;
  state: 'requested' | 'confirmed' | 'waitlisted';
  designatedBy: string | null;
  importJobId: string | null;
}

export interface Transition {
  id: string;
  from: string | null;
  to: string;
  reason: string;
}

/** A registration that holds or waits for a seat (not cancelled). */
export interface LiveRegistration {
  id: string;
  /** The import job that made it, if an import did. */
  importJobId: string | null;
}

/**
 * Registrations, the session and module replicas and completions, as SQL. Every method runs in the caller's
 * transaction.
 */
@Injectable()
export class RegistrationRepository {
  constructor(private readonly clock: Clock) {}

  /**
   * Locks the sessions' replica rows (in id order, so two bulk imports never deadlock) and counts their seats inside
   * the lock: the only way to get a `LockedSession`. The count is a statement of its own, after the lock: read in the
   * locking statement, it would come from the snapshot taken before the lock's wait, and could miss the seats the
   * transaction that held the lock took.
   */
  async lockSessions(manager: EntityManager, ids: string[]): Promise<Map<string, LockedSession>> {
    const sessions = await this.lockRows(manager, ids);
    if (!sessions.length) return new Map();
    const seats = (await preparedQuery(manager, SEAT_COUNTS, [sessions.map((s) => s.sessionId)])) as Seats[];
    return locked(sessions, seats);
  }

  /**
   * What placing people in sessions needs, in two round trips (a bulk import's batch): the sessions locked as
   * `lockSessions` locks them, then in one statement after the lock their seats, their modules and the modules those
   * require (as `modules`), and the registrations each person already holds there (as `liveRegistrations`, by session).
   */
  async lockForPlacement(
    manager: EntityManager,
    groups: { sessionId: string; participantIds: string[] }[],
  ): Promise<{
    sessions: Map<string, LockedSession>;
    modules: Map<string, ModuleReplica>;
    live: Map<string, Map<string, LiveRegistration>>;
  }> {
    const sessions = await this.lockRows(
      manager,
      groups.map((g) => g.sessionId),
    );
    const live = new Map(groups.map((g) => [g.sessionId, new Map<string, LiveRegistration>()]));
    if (!sessions.length) return { sessions: new Map(), modules: new Map(), live };
    const pairs = groups.flatMap((g) => g.participantIds.map((participantId) => [g.sessionId, participantId]));
    const [read] = (await preparedQuery(manager, PLACEMENT_READ, [
      sessions.map((s) => s.sessionId),
      pairs.map(([session]) => session),
      pairs.map(([, participant]) => participant),
    ])) as { seats: Seats[]; modules: ModuleReplica[]; live: (LiveRegistration & Pair)[] }[];
    for (const { sessionId, participantId, ...registration } of read.live)
      live.get(sessionId)?.set(participantId, registration);
    return {
      sessions: locked(sessions, read.seats),
      modules: new Map(read.modules.map((m) => [m.moduleId, m])),
      live,
    };
  }

  /** The sessions' replica rows, locked in id order. */
  private async lockRows(manager: EntityManager, ids: string[]): Promise<SessionReplica[]> {
    if (!ids.length) return [];
    return (await preparedQuery(manager, LOCK_SESSIONS, [[...new Set(ids)]])) as SessionReplica[];
  }

  async lockSession(manager: EntityManager, id: string): Promise<LockedSession> {
    const session = (await this.lockSessions(manager, [id])).get(id);
    if (!session) throw unknownSession(id);
    return session;
  }

  /** The session's académie and trainers (who may see its people), or undefined when it is unknown here. */
  async sessionPlace(manager: EntityManager, id: string): Promise<SessionPlace | undefined> {
    const [row] = (await preparedQuery(
      manager,
      'SELECT academy, trainer_mails AS "trainerMails" FROM session_replica WHERE session_id = $1',
      [id],
    )) as SessionPlace[];
    return row;
  }

  /** A session's seats: its capacity, the registrations confirmed (holding a seat), waitlisted and requested. */
  async seats(manager: EntityManager, id: string): Promise<SessionSeats> {
    const [row] = (await preparedQuery(
      manager,
      `SELECT s.capacity,
         count(*) FILTER (WHERE r.state = 'confirmed')::int AS confirmed,
         count(*) FILTER (WHERE r.state = 'waitlisted')::int AS waitlisted,
         count(*) FILTER (WHERE r.state = 'requested')::int AS requested
       FROM session_replica s LEFT JOIN registration r ON r.session_id = s.session_id
       WHERE s.session_id = $1 GROUP BY s.capacity`,
      [id],
    )) as Omit<SessionSeats, 'left'>[];
    return { ...row, left: Math.max(0, row.capacity - row.confirmed) };
  }

  /** The modules and the modules they require (for the prerequisites' titles). */
  async modules(manager: EntityManager, ids: string[]): Promise<Map<string, ModuleReplica>> {
    const rows = (await preparedQuery(manager, modulesAmong('SELECT unnest($1::uuid[])'), [
      [...new Set(ids)],
    ])) as ModuleReplica[];
    return new Map(rows.map((r) => [r.moduleId, r]));
  }

  /** The modules among `moduleIds` each person has completed, by participant id. */
  async completions(
    manager: EntityManager,
    participantIds: string[],
    moduleIds: string[],
  ): Promise<Map<string, Set<string>>> {
    const completed = new Map<string, Set<string>>();
    if (!participantIds.length || !moduleIds.length) return completed;
    const rows = (await preparedQuery(
      manager,
      'SELECT participant_id AS "participantId", module_id AS "moduleId" FROM completion WHERE participant_id = ANY($1::uuid[]) AND module_id = ANY($2::uuid[])',
      [participantIds, moduleIds],
    )) as { participantId: string; moduleId: string }[];
    for (const r of rows) completed.set(r.participantId, (completed.get(r.participantId) ?? new Set()).add(r.moduleId));
    return completed;
  }

  /** Each person's registration to the session that is not cancelled, with the import job that made it, if any. */
  async liveRegistrations(
    manager: EntityManager,
    sessionId: string,
    participantIds: string[],
  ): Promise<Map<string, LiveRegistration>> {
    if (!participantIds.length) return new Map();
    const rows = (await preparedQuery(manager, LIVE_REGISTRATIONS('$1', '$2'), [
      participantIds.map(() => sessionId),
      participantIds,
    ])) as (LiveRegistration & Pair)[];
    return new Map(rows.map(({ participantId, id, importJobId }) => [participantId, { id, importJobId }]));
  }

  /**
   * The registrations, their first transition and the convocations of the confirmed ones: one statement. The
   * registrations are new (their ids made by the caller), so their convocations are too: a plain insert, without the
   * speculative one of `ON CONFLICT` (~1 ms of a 400-registration batch's ~10 ms).
   */
  async insert(
    manager: EntityManager,
    session: LockedSession,
    rows: NewRegistration[],
    at: Date,
    actor: string,
  ): Promise<void> {
    await preparedQuery(
      manager,
      `WITH r AS (
         INSERT INTO registration (id, session_id, module_id, participant_id, kind, state, designated_by, waitlisted_at, import_job_id, academy)
         SELECT r.id, $2, $3, r.participant_id, r.kind, r.state, r.designated_by,
                CASE WHEN r.state = 'waitlisted' THEN $5::timestamptz + (r.ord * interval '1 microsecond') END, r.import_job_id, $4
         FROM unnest($1::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::uuid[]) WITH ORDINALITY
           AS r(id, participant_id, kind, state, designated_by, import_job_id, ord)
         RETURNING id, kind, state),
       t AS (INSERT INTO registration_transition (registration_id, from_state, to_state, reason, actor) SELECT id, NULL, state, kind, $11 FROM r)
       INSERT INTO convocation (registration_id) SELECT id FROM r WHERE state = 'confirmed'`,
      [
        rows.map((p) => p.id),
        session.sessionId,
        session.moduleId,
        session.academy,
        at.toISOString(),
        rows.map((p) => p.participantId),
        rows.map((p) => p.kind),
        rows.map((p) => p.state),
        rows.map((p) => p.designatedBy),
        rows.map((p) => p.importJobId),
        actor,
      ],
    );
  }

  async sessionOf(manager: EntityManager, registrationId: string): Promise<string> {
    const [row] = (await preparedQuery(manager, 'SELECT session_id AS "sessionId" FROM registration WHERE id = $1', [
      registrationId,
    ])) as { sessionId: string }[];
    if (!row) throw registrationNotFound(registrationId);
    return row.sessionId;
  }

  async lockRegistration(manager: EntityManager, id: string): Promise<RegistrationRow> {
    const [row] = (await preparedQuery(manager, `${REGISTRATION_SELECT} WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as RegistrationRow[];
    if (!row) throw registrationNotFound(id);
    return row;
  }

  async lockLive(manager: EntityManager, sessionId: string): Promise<RegistrationRow[]> {
    return (await preparedQuery(
      manager,
      `${REGISTRATION_SELECT} WHERE session_id = $1 AND state <> 'cancelled' ORDER BY id FOR UPDATE`,
      [sessionId],
    )) as RegistrationRow[];
  }

  /** The first `count` of the waitlist, in order of arrival, locked. */
  async lockWaitlistHead(manager: EntityManager, sessionId: string, count: number): Promise<RegistrationRow[]> {
    return (await preparedQuery(
      manager,
      `${REGISTRATION_SELECT} WHERE session_id = $1 AND state = 'waitlisted' ORDER BY waitlisted_at, id LIMIT $2 FOR UPDATE`,
      [sessionId, count],
    )) as RegistrationRow[];
  }

  async setState(
    manager: EntityManager,
    rows: RegistrationRow[],
    to: RegistrationState,
    reason: string,
    actor: string,
  ): Promise<void> {
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    await preparedQuery(
      manager,
      `UPDATE registration SET state = $2::text, version = version + 1, updated_at = $3,
         waitlisted_at = CASE WHEN $2::text = 'waitlisted' THEN $3 ELSE waitlisted_at END
       WHERE id = ANY($1::uuid[])`,
      [ids, to, this.clock.now()],
    );
    await this.recordTransitions(
      manager,
      rows.map((r) => ({ id: r.id, from: r.state, to, reason })),
      actor,
    );
  }

  async markCancelled(
    manager: EntityManager,
    rows: RegistrationRow[],
    reason: CancellationReason,
    comment: string | null,
    actor: string,
  ): Promise<void> {
    const ids = rows.map((r) => r.id);
    await preparedQuery(
      manager,
      `UPDATE registration SET state = 'cancelled', cancel_reason = $2, cancel_comment = $3, version = version + 1, updated_at = $4
       WHERE id = ANY($1::uuid[])`,
      [ids, reason, comment, this.clock.now()],
    );
    await this.recordTransitions(
      manager,
      rows.map((r) => ({ id: r.id, from: r.state, to: 'cancelled', reason })),
      actor,
    );
    await preparedQuery(
      manager,
      `DELETE FROM convocation WHERE registration_id = ANY($1::uuid[]) AND state = 'pending'`,
      [ids],
    );
  }

  /** The notification outbox: one row per registration (primary key), so no registration is ever convoked twice. */
  async queueConvocations(manager: EntityManager, registrationIds: string[]): Promise<void> {
    if (!registrationIds.length) return;
    await preparedQuery(
      manager,
      `INSERT INTO convocation (registration_id) SELECT unnest($1::uuid[]) ON CONFLICT (registration_id) DO NOTHING`,
      [registrationIds],
    );
  }

  private async recordTransitions(manager: EntityManager, transitions: Transition[], actor: string): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO registration_transition (registration_id, from_state, to_state, reason, actor)
       SELECT id, from_state, to_state, reason, $5 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, from_state, to_state, reason)`,
      [
        transitions.map((t) => t.id),
        transitions.map((t) => t.from),
        transitions.map((t) => t.to),
        transitions.map((t) => t.reason),
        actor,
      ],
    );
  }
}

/** A session's seats as a list of its registrations shows them. */
export interface SessionSeats {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  requested: number;
  /** Seats not yet held: capacity minus the confirmed. */
  left: number;
}
