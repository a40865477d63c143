import { Identity, PersonPlace, reachesPersonInSession, sameAcademy } from '@forma/auth';
import { RegistrationState } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { foreignAcademy, unknownSession } from './registration.errors';
import { PersonalDataRepository } from '../people/personal-data.repository';
import { PersonIdentity } from '../people/people.views';
import { RegistrationRepository, SessionSeats } from './registration.repository';

/**
 * Registrations with their person and, for the waitlisted, their rank: numbered in one pass over the session's rows
 * (a window, before any filter), not counted again for each row — a session of 10,000 waitlisted was 50 million index
 * entries a page, and a join to a numbered waitlist let a planner without statistics (a file just imported) compare
 * every row with every other (bench:pages). `session` is the SQL naming the session the rows belong to.
 */
const list = (
  session: string,
) => `SELECT r.id, r.session_id AS "sessionId", r.participant_id AS "participantId", r.kind, r.state,
  r.cancel_reason AS "cancelReason", r.created_at AS "createdAt", p.mail, p.last_name AS "lastName", p.first_name AS "firstName",
  p.function, p.grade, p.uai, sr.district, sr.department, r.academy AS "personAcademy", r.position
  FROM (SELECT *, (CASE WHEN state = 'waitlisted'
                   THEN row_number() OVER (PARTITION BY state = 'waitlisted' ORDER BY waitlisted_at, id) END)::int AS position
          FROM registration WHERE session_id = ${session}) r
  JOIN participant p ON p.id = r.participant_id LEFT JOIN school_replica sr ON sr.uai = p.uai`;

export interface RegistrationView extends PersonIdentity {
  id: string;
  sessionId: string;
  participantId: string;
  kind: string;
  state: RegistrationState;
  cancelReason: string | null;
  createdAt: Date;
  position: number | null;
}

/** A change of a registration's state, with its reason and author. */
export interface RegistrationTransition {
  from: RegistrationState | null;
  to: RegistrationState;
  reason: string | null;
  actor: string;
  at: Date;
}

/** A participant's own registration, as their space lists it: the session's module, days and place. */
export interface OwnRegistration {
  id: string;
  sessionId: string;
  participantId: string;
  state: RegistrationState;
  cancelReason: string | null;
  position: number | null;
  moduleId: string | null;
  moduleTitle: string | null;
  /** The session's days (AAAA-MM-JJ), in order. */
  days: string[];
}

/** A registration with the history of its states. */
export type RegistrationWithHistory = RegistrationView & { history: RegistrationTransition[] };

/** One page of a session's registrations within the caller's reach, its total, and the session's seats. */
export interface RegistrationPage {
  items: RegistrationView[];
  /** The registrations the caller reaches that match the filters (every page). */
  total: number;
  offset: number;
  limit: number;
  seats: SessionSeats;
}

/** What a page of registrations is asked for: filters, order and the page's place. */
export interface RegistrationSearchQuery {
  sessionId: string;
  state: RegistrationState | null;
  /** Words of the name or mail. */
  q: string | null;
  sort: 'name' | 'state' | 'createdAt';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SORTS: Record<RegistrationSearchQuery['sort'], string> = {
  name: 'lower(p.last_name) {o}, lower(p.first_name) {o}',
  state: 'r.state {o}, r.waitlisted_at {o} NULLS FIRST, lower(p.last_name) {o}',
  createdAt: 'r.created_at {o}',
};

/** A registration seen from a school: its session's module and first day beside it. */
export interface SchoolRegistrationView extends RegistrationView {
  moduleTitle: string | null;
  /** The session's first day (YYYY-MM-DD). */
  startsOn: string | null;
}

/** One page of the registrations of a school's people within the caller's reach, and their total. */
export interface SchoolRegistrationPage {
  items: SchoolRegistrationView[];
  /** The registrations the caller reaches that match the filters (every page). */
  total: number;
  offset: number;
  limit: number;
}

/** What a page of a school's registrations is asked for. */
export interface SchoolRegistrationQuery {
  uai: string;
  state: RegistrationState | null;
  q: string | null;
  offset: number;
  limit: number;
}

/** Words searched in names and mails, as an ILIKE pattern with its wildcards escaped (null: no search). */
const likeWords = (q: string | null) => (q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);

type Row = RegistrationView & { district: string | null; department: string | null; personAcademy: string };

/**
 * What the API reads of registrations, within the caller's reach (docs/scopes.md): a session of another académie is
 * refused; in one's own, each registration is shown only to who reaches its person (school head, IEN, trainer of the
 * session, the person) or the académie-wide roles.
 */
@Injectable()
export class RegistrationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly personal: PersonalDataRepository,
  ) {}

  /**
   * A session's registrations: by state then waitlist rank (`order: 'state'`), or by name (`order: 'name'`, exports).
   */
  async ofSession(
    caller: Identity,
    sessionId: string,
    state: RegistrationState | null,
    order: 'state' | 'name',
  ): Promise<RegistrationView[]> {
    const session = await this.registrations.sessionPlace(this.dataSource.manager, sessionId);
    if (!session) throw unknownSession(sessionId);
    if (!sameAcademy(caller, session.academy)) throw foreignAcademy(session.academy);
    const by =
      order === 'state' ? 'r.state, r.waitlisted_at NULLS FIRST, p.last_name, r.id' : 'p.last_name, p.first_name, r.id';
    const rows = (await this.dataSource.query(
      `${list('$1')} WHERE r.session_id = $1 AND ($2::text IS NULL OR r.state = $2) ORDER BY ${by}`,
      [sessionId, state],
    )) as Row[];
    await this.personal.logAccess(caller, order === 'name' ? 'registrations export' : 'registrations list', {
      sessionId,
    });
    return rows.filter((r) => reachesPersonInSession(caller, place(r), session)).map(view);
  }

  /**
   * A page of a session's registrations, filtered and sorted by the database, then kept to those the caller reaches
   * (the one rule of docs/scopes.md, `reachesPersonInSession`) before the page is cut: the total counts only those.
   * A session holds at most its capacity and its waitlist (a few thousand rows): they are read whole, paged here.
   */
  async search(caller: Identity, query: RegistrationSearchQuery): Promise<RegistrationPage> {
    const session = await this.registrations.sessionPlace(this.dataSource.manager, query.sessionId);
    if (!session) throw unknownSession(query.sessionId);
    if (!sameAcademy(caller, session.academy)) throw foreignAcademy(session.academy);
    const words = likeWords(query.q);
    const rows = (await this.dataSource.query(
      `${list('$1')} WHERE r.session_id = $1 AND ($2::text IS NULL OR r.state = $2)
         AND ($3::text IS NULL OR p.last_name ILIKE $3 OR p.first_name ILIKE $3 OR p.mail ILIKE $3)
       ORDER BY ${SORTS[query.sort].replaceAll('{o}', query.order === 'desc' ? 'DESC' : 'ASC')}, r.id`,
      [query.sessionId, query.state, words],
    )) as Row[];
    const reached = rows.filter((r) => reachesPersonInSession(caller, place(r), session));
    await this.personal.logAccess(caller, 'registrations list', { sessionId: query.sessionId });
    return {
      items: reached.slice(query.offset, query.offset + query.limit).map(view),
      total: reached.length,
      offset: query.offset,
      limit: query.limit,
      seats: await this.registrations.seats(this.dataSource.manager, query.sessionId),
    };
  }

  /**
   * A page of the registrations of a school's people, across the caller's académie's sessions, latest sessions first
   * (the school head's and the IEN's view): each kept only when the caller reaches its person in its session — the
   * same rule as a session's list, so a school out of reach lists nothing (as `GET /people?uai` does). No waitlist
   * rank here: it belongs to the session's list.
   */
  async ofSchool(caller: Identity, query: SchoolRegistrationQuery): Promise<SchoolRegistrationPage> {
    const words = likeWords(query.q);
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.session_id AS "sessionId", r.participant_id AS "participantId", r.kind, r.state,
         r.cancel_reason AS "cancelReason", r.created_at AS "createdAt", p.mail, p.last_name AS "lastName",
         p.first_name AS "firstName", p.function, p.grade, p.uai, sr.district, sr.department,
         r.academy AS "personAcademy", NULL::int AS position, s.academy AS "sessionAcademy",
         s.trainer_mails AS "trainerMails", m.title AS "moduleTitle", s.slots -> 0 ->> 'date' AS "startsOn"
       FROM participant p
       JOIN registration r ON r.participant_id = p.id
       JOIN session_replica s ON s.session_id = r.session_id
       LEFT JOIN module_replica m ON m.module_id = s.module_id
       LEFT JOIN school_replica sr ON sr.uai = p.uai
       WHERE p.uai = $1 AND s.academy = $2 AND ($3::text IS NULL OR r.state = $3)
         AND ($4::text IS NULL OR p.last_name ILIKE $4 OR p.first_name ILIKE $4 OR p.mail ILIKE $4)
       ORDER BY "startsOn" DESC NULLS LAST, lower(p.last_name), lower(p.first_name), r.id`,
      [query.uai, caller.scope.academy, query.state, words],
    )) as (Row & {
      sessionAcademy: string;
      trainerMails: string[];
      moduleTitle: string | null;
      startsOn: string | null;
    })[];
    const reached = rows.filter((r) =>
      reachesPersonInSession(caller, place(r), { academy: r.sessionAcademy, trainerMails: r.trainerMails }),
    );
    const items = reached
      .slice(query.offset, query.offset + query.limit)
      .map(({ sessionAcademy: _s, trainerMails: _t, moduleTitle, startsOn, ...row }) => ({
        ...view(row),
        moduleTitle,
        startsOn,
      }));
    await this.personal.logAccessOfMany(
      caller,
      'registrations of a school',
      items.map((i) => i.participantId),
    );
    return { items, total: reached.length, offset: query.offset, limit: query.limit };
  }

  /** One registration with the history of its states; undefined when unknown or out of the caller's reach. */
  async withHistory(caller: Identity, id: string): Promise<RegistrationWithHistory | undefined> {
    const [row] = (await this.dataSource.query(
      `${list('(SELECT session_id FROM registration WHERE id = $1)')} WHERE r.id = $1`,
      [id],
    )) as Row[];
    if (!row) return undefined;
    const session = await this.registrations.sessionPlace(this.dataSource.manager, row.sessionId);
    if (!session || !reachesPersonInSession(caller, place(row), session)) return undefined;
    await this.personal.logAccess(caller, 'registration', {
      participantId: row.participantId,
      sessionId: row.sessionId,
    });
    const history = (await this.dataSource.query(
      `SELECT from_state AS "from", to_state AS "to", reason, actor, at FROM registration_transition WHERE registration_id = $1 ORDER BY id`,
      [id],
    )) as RegistrationTransition[];
    return { ...view(row), history };
  }

  /**
   * A participant's own registrations in their académie (issue 27): the person is the token's mail, never a
   * parameter; the sessions soonest first, the waitlisted with their rank.
   */
  async mine(caller: Identity): Promise<OwnRegistration[]> {
    if (!caller.mail) return [];
    return (await this.dataSource.query(
      `SELECT r.id, r.session_id AS "sessionId", r.participant_id AS "participantId", r.state, r.cancel_reason AS "cancelReason",
              (CASE WHEN r.state = 'waitlisted' THEN (SELECT count(*)::int FROM registration w WHERE w.session_id = r.session_id
                 AND w.state = 'waitlisted' AND (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id)) END) AS position,
              s.module_id AS "moduleId", m.title AS "moduleTitle",
              COALESCE((SELECT array_agg(DISTINCT d ORDER BY d) FROM jsonb_array_elements_text(jsonb_path_query_array(s.slots, '$[*].date')) d), '{}') AS days
         FROM participant p
         JOIN registration r ON r.participant_id = p.id
         JOIN session_replica s ON s.session_id = r.session_id
         LEFT JOIN module_replica m ON m.module_id = s.module_id
        WHERE lower(p.mail) = lower($1) AND r.academy = $2 AND s.academy = $2
        ORDER BY s.slots -> 0 ->> 'date' NULLS LAST, r.created_at`,
      [caller.mail, caller.scope.academy],
    )) as OwnRegistration[];
  }
}

const place = (r: Row): PersonPlace => ({
  academy: r.personAcademy,
  uai: r.uai,
  district: r.district,
  department: r.department,
  mail: r.mail.toLowerCase(),
});
const view = ({ district: _d, department: _p, personAcademy: _a, ...rest }: Row): RegistrationView => rest;
