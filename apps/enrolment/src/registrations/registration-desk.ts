import {
  CancellationReason,
  EnrolmentCancelled,
  EnrolmentConfirmed,
  EnrolmentRequested,
  EnrolmentWaitlisted,
  RegistrationFactV1,
  RegistrationKind,
  RegistrationState,
} from '@forma/contracts';
import { ProblemError } from '@forma/http';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { findPerson, StoredPerson } from '../people/people.store';

/** The local replica of a catalog session, as enrolment needs it. */
export interface SessionReplica {
  sessionId: string;
  moduleId: string;
  academy: string;
  capacity: number;
  status: string;
  gaiaSessionId: number | null;
  slots: { date: string; start: string; end: string; kind: string }[];
  placeUai: string | null;
  groupNumber: string;
}

export interface ModuleReplica {
  moduleId: string;
  title: string;
  archived: boolean;
  prerequisiteModuleIds: string[];
  themes: string[];
  totalHours: number;
}

/** Why a session or its module takes no registration; the code is stable, the message French. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export interface PlacementRequest {
  person: StoredPerson;
  kind: RegistrationKind;
  designatedBy?: string | null;
  importJobId?: string | null;
}

export interface Placed {
  registrationId: string;
  participantId: string;
  state: RegistrationState;
  position?: number;
}

const SESSION_SELECT = `SELECT session_id AS "sessionId", module_id AS "moduleId", academy, capacity, status,
  gaia_session_id AS "gaiaSessionId", slots, place_uai AS "placeUai", group_number AS "groupNumber" FROM session_replica`;

const REGISTRATION_SELECT = `SELECT id, session_id AS "sessionId", module_id AS "moduleId", participant_id AS "participantId", kind, state, academy
  FROM registration`;

interface RegistrationRow {
  id: string;
  sessionId: string;
  moduleId: string;
  participantId: string;
  kind: RegistrationKind;
  state: RegistrationState;
  academy: string;
}

/**
 * Where registrations take seats. Every placement locks its session's replica row first, so two requests for the last
 * seat queue on PostgreSQL's row lock and the second one sees the first one's seat: capacity is never exceeded.
 * Sessions are locked in id order, so a bulk import locking several never deadlocks with another.
 */
@Injectable()
export class RegistrationDesk {
  constructor(private readonly events: EventPublisher) {}

  async lockSessions(manager: EntityManager, ids: string[]): Promise<Map<string, SessionReplica>> {
    if (!ids.length) return new Map();
    const rows = (await manager.query(`${SESSION_SELECT} WHERE session_id = ANY($1::uuid[]) ORDER BY session_id FOR UPDATE`, [
      [...new Set(ids)],
    ])) as SessionReplica[];
    return new Map(rows.map((r) => [r.sessionId, r]));
  }

  async lockSession(manager: EntityManager, id: string): Promise<SessionReplica> {
    const session = (await this.lockSessions(manager, [id])).get(id);
    if (!session) throw unknownSession(id);
    return session;
  }

  async modules(manager: EntityManager, ids: string[]): Promise<Map<string, ModuleReplica>> {
    const rows = (await manager.query(
      `SELECT module_id AS "moduleId", title, archived, prerequisite_module_ids AS "prerequisiteModuleIds", themes,
         total_hours::float AS "totalHours"
       FROM module_replica WHERE module_id = ANY($1::uuid[]) OR module_id IN (
         SELECT unnest(prerequisite_module_ids) FROM module_replica WHERE module_id = ANY($1::uuid[]))`,
      [[...new Set(ids)]],
    )) as ModuleReplica[];
    return new Map(rows.map((r) => [r.moduleId, r]));
  }

  /** Cancelled or delivered sessions and archived modules take no registration. */
  refusal(session: SessionReplica, module: ModuleReplica | undefined): Refusal | undefined {
    if (session.status === 'cancelled') {
      return { status: 409, code: 'session_cancelled', message: 'La session est annulée : elle ne prend plus d’inscription.' };
    }
    if (session.status === 'delivered') {
      return { status: 409, code: 'session_closed', message: 'La session a eu lieu : elle ne prend plus d’inscription.' };
    }
    if (!module) {
      // the session's facts arrived before its module's (two topics): without the module, prerequisites are unknown
      return {
        status: 503,
        code: 'module_not_replicated',
        message: 'Le module de cette session n’est pas encore connu du service des inscriptions (réplication du catalogue en cours) : réessayez dans quelques secondes.',
      };
    }
    if (module.archived) {
      return { status: 409, code: 'module_archived', message: `Le module « ${module.title} » est archivé : il ne prend plus d’inscription.` };
    }
    return undefined;
  }

  /** The prerequisites each person has not completed yet, by participant id (empty when all are met). */
  async missingPrerequisites(
    manager: EntityManager,
    module: ModuleReplica | undefined,
    participantIds: string[],
    modules: Map<string, ModuleReplica>,
  ): Promise<Map<string, { moduleId: string; title: string }[]>> {
    const missing = new Map<string, { moduleId: string; title: string }[]>();
    const required = module?.prerequisiteModuleIds ?? [];
    if (!required.length || !participantIds.length) return missing;
    const done = (await manager.query(
      'SELECT participant_id AS "participantId", module_id AS "moduleId" FROM completion WHERE participant_id = ANY($1::uuid[]) AND module_id = ANY($2::uuid[])',
      [participantIds, required],
    )) as { participantId: string; moduleId: string }[];
    const completed = new Set(done.map((d) => `${d.participantId}/${d.moduleId}`));
    for (const participantId of participantIds) {
      const lacking = required
        .filter((m) => !completed.has(`${participantId}/${m}`))
        .map((m) => ({ moduleId: m, title: modules.get(m)?.title ?? m }));
      if (lacking.length) missing.set(participantId, lacking);
    }
    return missing;
  }

  /** Live (not cancelled) registrations of these people to this session, by participant id. */
  async liveRegistrations(manager: EntityManager, sessionId: string, participantIds: string[]): Promise<Map<string, string>> {
    const rows = (await manager.query(
      `SELECT participant_id AS "participantId", id FROM registration
       WHERE session_id = $1 AND participant_id = ANY($2::uuid[]) AND state <> 'cancelled'`,
      [sessionId, participantIds],
    )) as { participantId: string; id: string }[];
    return new Map(rows.map((r) => [r.participantId, r.id]));
  }

  async seats(manager: EntityManager, sessionId: string): Promise<{ confirmed: number; waitlisted: number }> {
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE state = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE state = 'waitlisted')::int AS waitlisted
       FROM registration WHERE session_id = $1`,
      [sessionId],
    )) as { confirmed: number; waitlisted: number }[];
    return row;
  }

  /**
   * Places new registrations in a locked session: individual requests wait for the organiser (`requested`); the others
   * take the free seats in order, then the waitlist. One multi-row insert per table, events in the same transaction.
   */
  async place(manager: EntityManager, session: SessionReplica, requests: PlacementRequest[], actor: string): Promise<Placed[]> {
    if (!requests.length) return [];
    const seats = await this.seats(manager, session.sessionId);
    let free = Math.max(0, session.capacity - seats.confirmed);
    let waiting = seats.waitlisted;
    const now = new Date();
    const placed: (Placed & { request: PlacementRequest })[] = requests.map((request) => {
      const registrationId = uuidv7();
      if (request.kind === 'individual') return { registrationId, participantId: request.person.id, state: 'requested', request };
      if (free > 0) {
        free -= 1;
        return { registrationId, participantId: request.person.id, state: 'confirmed', request };
      }
      waiting += 1;
      return { registrationId, participantId: request.person.id, state: 'waitlisted', position: waiting, request };
    });
    // the registrations, their first transition and the convocations of the confirmed ones: one statement
    const inserting = manager.query(
      `WITH r AS (
         INSERT INTO registration (id, session_id, module_id, participant_id, kind, state, designated_by, waitlisted_at, import_job_id, academy)
         SELECT r.id, $2, $3, r.participant_id, r.kind, r.state, r.designated_by,
                CASE WHEN r.state = 'waitlisted' THEN $5::timestamptz + (r.ord * interval '1 microsecond') END, r.import_job_id, $4
         FROM unnest($1::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::uuid[]) WITH ORDINALITY
           AS r(id, participant_id, kind, state, designated_by, import_job_id, ord)
         RETURNING id, kind, state),
       t AS (INSERT INTO registration_transition (registration_id, from_state, to_state, reason, actor) SELECT id, NULL, state, kind, $11 FROM r)
       INSERT INTO convocation (registration_id) SELECT id FROM r WHERE state = 'confirmed' ON CONFLICT (registration_id) DO NOTHING`,
      [
        placed.map((p) => p.registrationId),
        session.sessionId,
        session.moduleId,
        session.academy,
        now.toISOString(),
        placed.map((p) => p.participantId),
        placed.map((p) => p.request.kind),
        placed.map((p) => p.state),
        placed.map((p) => p.request.designatedBy ?? null),
        placed.map((p) => p.request.importJobId ?? null),
        actor,
      ],
    );
    // while PostgreSQL inserts, the events are built and validated (the statement is sent on the next turn)
    await new Promise((resolve) => setImmediate(resolve));
    const fact = (p: (typeof placed)[number]): RegistrationFactV1 => toFact(p.registrationId, session, p.request.person, p.request.kind);
    const by = (state: RegistrationState) => placed.filter((p) => p.state === state);
    const at = now.toISOString();
    const options = { academy: session.academy };
    const prepare = () => ({
      requested: this.events.prepare(EnrolmentRequested, by('requested').map(fact), options),
      confirmed: this.events.prepare(EnrolmentConfirmed, by('confirmed').map((p) => ({ ...fact(p), confirmedAt: at })), options),
      waitlisted: this.events.prepare(EnrolmentWaitlisted, by('waitlisted').map((p) => ({ ...fact(p), position: p.position ?? 1 })), options),
    });
    let prepared: ReturnType<typeof prepare>;
    try {
      prepared = prepare();
    } finally {
      await inserting; // an invalid event still waits for the statement, whose own error comes first
    }
    const { requested, confirmed, waitlisted } = prepared;
    await this.events.record(manager, EnrolmentRequested, requested);
    await this.events.record(manager, EnrolmentConfirmed, confirmed);
    await this.events.record(manager, EnrolmentWaitlisted, waitlisted);
    if (confirmed.length) await notifyConvocations(manager, confirmed.length);
    return placed.map(({ request: _request, ...rest }) => rest);
  }

  /** The organiser accepts an individual request: a seat if one is free, else the waitlist. */
  async accept(manager: EntityManager, session: SessionReplica, registrationId: string, actor: string): Promise<RegistrationState> {
    const seats = await this.seats(manager, session.sessionId);
    const registration = await this.lockRegistration(manager, registrationId);
    if (registration.state !== 'requested') throw notInState(registration, 'requested');
    const person = await this.personOf(manager, registration.participantId);
    const fact = toFact(registration.id, session, person, registration.kind);
    if (seats.confirmed < session.capacity) {
      await this.setState(manager, registration, 'confirmed', 'accepted', actor);
      await this.events.publish(manager, EnrolmentConfirmed, { ...fact, confirmedAt: new Date().toISOString() }, { academy: session.academy });
      await this.queueConvocations(manager, [registration.id]);
      return 'confirmed';
    }
    await manager.query(`UPDATE registration SET waitlisted_at = now() WHERE id = $1`, [registration.id]);
    await this.setState(manager, registration, 'waitlisted', 'accepted_session_full', actor);
    await this.events.publish(manager, EnrolmentWaitlisted, { ...fact, position: seats.waitlisted + 1 }, { academy: session.academy });
    return 'waitlisted';
  }

  /** Cancels a registration; when it held a seat, the first of the waitlist takes it. */
  async cancel(
    manager: EntityManager,
    session: SessionReplica,
    registrationId: string,
    reason: CancellationReason,
    comment: string | null,
    actor: string,
  ): Promise<Placed[]> {
    const registration = await this.lockRegistration(manager, registrationId);
    if (registration.state === 'cancelled') throw notInState(registration, 'confirmed, waitlisted ou requested');
    await this.cancelRows(manager, session, [registration], reason, comment, actor);
    return registration.state === 'confirmed' ? this.promote(manager, session, actor) : [];
  }

  /** Cancels every live registration of a session (the session was cancelled). */
  async cancelAll(manager: EntityManager, session: SessionReplica, reason: CancellationReason, comment: string, actor: string): Promise<number> {
    const rows = (await manager.query(
      `${REGISTRATION_SELECT} WHERE session_id = $1 AND state <> 'cancelled' ORDER BY id FOR UPDATE`,
      [session.sessionId],
    )) as RegistrationRow[];
    await this.cancelRows(manager, session, rows, reason, comment, actor);
    return rows.length;
  }

  /** Seats freed or capacity raised: the waitlist's first take the free seats, in order of arrival. */
  async promote(manager: EntityManager, session: SessionReplica, actor: string): Promise<Placed[]> {
    if (session.status === 'cancelled' || session.status === 'delivered') return [];
    const seats = await this.seats(manager, session.sessionId);
    const free = session.capacity - seats.confirmed;
    if (free <= 0 || seats.waitlisted === 0) return [];
    const rows = (await manager.query(
      `${REGISTRATION_SELECT} WHERE session_id = $1 AND state = 'waitlisted' ORDER BY waitlisted_at, id LIMIT $2 FOR UPDATE`,
      [session.sessionId, free],
    )) as RegistrationRow[];
    const at = new Date().toISOString();
    for (const row of rows) {
      await this.setState(manager, row, 'confirmed', 'promoted_from_waitlist', actor);
      const person = await this.personOf(manager, row.participantId);
      await this.events.publish(
        manager,
        EnrolmentConfirmed,
        { ...toFact(row.id, session, person, row.kind), promotedFromWaitlist: true, confirmedAt: at },
        { academy: session.academy },
      );
    }
    await this.queueConvocations(manager, rows.map((r) => r.id));
    return rows.map((r) => ({ registrationId: r.id, participantId: r.participantId, state: 'confirmed' }));
  }

  async lockRegistration(manager: EntityManager, id: string): Promise<RegistrationRow> {
    const [row] = (await manager.query(
      `${REGISTRATION_SELECT} WHERE id = $1 FOR UPDATE`,
      [id],
    )) as RegistrationRow[];
    if (!row) throw registrationNotFound(id);
    return row;
  }

  private async cancelRows(
    manager: EntityManager,
    session: SessionReplica,
    rows: RegistrationRow[],
    reason: CancellationReason,
    comment: string | null,
    actor: string,
  ): Promise<void> {
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    await manager.query(
      `UPDATE registration SET state = 'cancelled', cancel_reason = $2, cancel_comment = $3, version = version + 1, updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      [ids, reason, comment],
    );
    await this.recordTransitions(manager, rows.map((r) => ({ id: r.id, from: r.state, to: 'cancelled', reason })), actor);
    await manager.query(`DELETE FROM convocation WHERE registration_id = ANY($1::uuid[]) AND state = 'pending'`, [ids]);
    const at = new Date().toISOString();
    await this.events.publishMany(
      manager,
      EnrolmentCancelled,
      rows.map((r) => ({
        registrationId: r.id,
        sessionId: r.sessionId,
        moduleId: r.moduleId,
        participantId: r.participantId,
        reason,
        comment,
        previousState: r.state as 'requested' | 'confirmed' | 'waitlisted',
        cancelledAt: at,
      })),
      { academy: session.academy },
    );
  }

  private async setState(manager: EntityManager, row: RegistrationRow, to: RegistrationState, reason: string, actor: string): Promise<void> {
    await manager.query(`UPDATE registration SET state = $2, version = version + 1, updated_at = now() WHERE id = $1`, [row.id, to]);
    await this.recordTransitions(manager, [{ id: row.id, from: row.state, to, reason }], actor);
  }

  private async recordTransitions(
    manager: EntityManager,
    transitions: { id: string; from: string | null; to: string; reason: string }[],
    actor: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO registration_transition (registration_id, from_state, to_state, reason, actor)
       SELECT id, from_state, to_state, reason, $5 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, from_state, to_state, reason)`,
      [transitions.map((t) => t.id), transitions.map((t) => t.from), transitions.map((t) => t.to), transitions.map((t) => t.reason), actor],
    );
  }

  /** The notification outbox: one row per registration (primary key), so no registration is ever convoked twice. */
  private async queueConvocations(manager: EntityManager, registrationIds: string[]): Promise<void> {
    if (!registrationIds.length) return;
    await manager.query(
      `INSERT INTO convocation (registration_id) SELECT unnest($1::uuid[]) ON CONFLICT (registration_id) DO NOTHING`,
      [registrationIds],
    );
    await notifyConvocations(manager, registrationIds.length);
  }

  private async personOf(manager: EntityManager, participantId: string): Promise<StoredPerson> {
    const person = await findPerson(manager, participantId);
    if (!person) throw new Error(`registration points to a missing participant ${participantId}`);
    return person;
  }

}

/** Wakes the convocation dispatcher when the transaction commits. */
async function notifyConvocations(manager: EntityManager, count: number): Promise<void> {
  await manager.query(`SELECT pg_notify('forma_convocation', $1)`, [String(count)]);
}

export function toFact(registrationId: string, session: SessionReplica, person: StoredPerson, kind: RegistrationKind): RegistrationFactV1 {
  return {
    registrationId,
    sessionId: session.sessionId,
    moduleId: session.moduleId,
    participantId: person.id,
    mail: person.mail,
    lastName: person.lastName,
    firstName: person.firstName ?? '',
    function: person.function ?? null,
    grade: person.grade ?? null,
    uai: person.uai ?? null,
    kind,
    academy: session.academy,
  };
}

export function unknownSession(id: string): ProblemError {
  return new ProblemError(404, 'unknown_session', `Session inconnue : ${id} (ou pas encore reçue du catalogue).`, [
    { field: 'sessionId', rule: 'exists', message: `sessionId : session inconnue ${id}` },
  ]);
}

export function registrationNotFound(id: string): ProblemError {
  return new ProblemError(404, 'registration_not_found', `Inscription introuvable : ${id}.`);
}

function notInState(row: { id: string; state: string }, expected: string): ProblemError {
  return new ProblemError(409, 'registration_state', `L’inscription ${row.id} est « ${row.state} » ; attendu : ${expected}.`);
}
