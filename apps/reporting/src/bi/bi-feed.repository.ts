import { EventEnvelope } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { decideHse, HseDecision } from '../bilans/hse-secrecy.rules';
import { LinkedDecision } from '../bilans/linked-secrecy.rules';
import { BiFact, cellFrom, SessionFigures, ConventionFigures, ModuleFigures } from './bi-cells.rules';

interface Touched {
  sessions: Set<string>;
  conventions: Set<string>;
  modules: Set<string>;
  /** Schools registered or moved: their académie's conventions are decided again. */
  schools: Set<string>;
}

/** The keys of the BI cells an event may change. */
function touchedBy(events: EventEnvelope<unknown>[]): Touched {
  const touched: Touched = { sessions: new Set(), conventions: new Set(), modules: new Set(), schools: new Set() };
  for (const event of events) {
    const data = event.data as {
      sessionId?: string;
      conventionId?: string;
      moduleId?: string;
      conventions?: { conventionId: string }[];
      uai?: string;
    };
    if (data.sessionId) touched.sessions.add(data.sessionId);
    if (data.conventionId) touched.conventions.add(data.conventionId);
    for (const c of data.conventions ?? []) touched.conventions.add(c.conventionId);
    if (event.type.startsWith('Module') && data.moduleId) touched.modules.add(data.moduleId);
    // a school's place (district, department) moves its conventions in the académie's HSE decision
    if (event.type === 'SchoolRegistered' && data.uai) touched.schools.add(data.uai);
  }
  return touched;
}

/** The académie's secrecy decision now (all time), read in the feed's transaction, and the version of its cube. */
export type DecisionOf = (academy: string) => Promise<{ decision: LinkedDecision; version: string }>;

/**
 * The BI feed: the current cells of each fact (`bi_cell`) and every change to them (`bi_change`), appended in the
 * transaction that changed the facts. A change is only appended when a cell's published body differs from the last
 * one, so replaying the log (a rebuild) appends nothing unless the projections come out different.
 */
@Injectable()
export class BiFeedRepository {
  async refresh(manager: EntityManager, events: EventEnvelope<unknown>[]): Promise<void> {
    const touched = touchedBy(events);
    // a session's cell follows its académie's secrecy decision, taken outside this transaction: the sessions are noted
    // here and published by BiSessionPublisher
    if (touched.sessions.size)
      await manager.query(
        `INSERT INTO bi_pending_session (session_id, academy)
         SELECT session_id, academy FROM fact_session WHERE session_id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`,
        [[...touched.sessions]],
      );
    if (touched.schools.size) {
      // one convention per académie whose schools moved: conventionFigures takes the whole académie
      const ids = (await manager.query(
        `SELECT DISTINCT ON (academy) convention_id AS id FROM fact_convention
          WHERE academy IN (SELECT academy FROM school_replica WHERE uai = ANY($1::text[])) ORDER BY academy, convention_id`,
        [[...touched.schools]],
      )) as { id: string }[];
      for (const { id } of ids) touched.conventions.add(id);
    }
    if (touched.conventions.size)
      await this.publish(manager, 'conventions', await this.conventionFigures(manager, [...touched.conventions]));
    if (touched.modules.size)
      await this.publish(manager, 'modules', await this.moduleFigures(manager, [...touched.modules]));
  }

  /**
   * The académies whose session cells wait for a decision: sessions noted by the projection, or a cube that moved
   * since the cells were last published.
   */
  async pendingAcademies(manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT academy FROM bi_pending_session
        UNION
       SELECT v.academy FROM cube_version v LEFT JOIN bi_decision d USING (academy)
        WHERE d.version IS DISTINCT FROM v.version AND EXISTS (SELECT 1 FROM fact_session s WHERE s.academy = v.academy)
        ORDER BY 1`,
    )) as { academy: string }[];
    return rows.map((r) => r.academy);
  }

  /**
   * Publishes the académie's session cells with a decision taken on the cube of `version`: the sessions noted, or every
   * one when the decision is not the one the cells were last published with. False (nothing done) when the cube has
   * moved since: the caller decides again. The cube's version is held (FOR SHARE) until the commit, so no registration
   * lands between the check and the cells.
   */
  async publishSessions(
    manager: EntityManager,
    academy: string,
    decision: LinkedDecision,
    version: string,
  ): Promise<boolean> {
    const [current] = (await manager.query('SELECT version::text FROM cube_version WHERE academy = $1 FOR SHARE', [
      academy,
    ])) as { version: string }[];
    if ((current?.version ?? '0') !== version) return false;
    const [published] = (await manager.query('SELECT version::text FROM bi_decision WHERE academy = $1', [
      academy,
    ])) as {
      version: string;
    }[];
    // (a DELETE's RETURNING comes back with its count through TypeORM: read through a SELECT)
    const noted = (
      (await manager.query(
        'WITH noted AS (DELETE FROM bi_pending_session WHERE academy = $1 RETURNING session_id) SELECT session_id AS id FROM noted',
        [academy],
      )) as { id: string }[]
    ).map((r) => r.id);
    const ids =
      published?.version === version
        ? noted
        : (
            (await manager.query('SELECT session_id AS id FROM fact_session WHERE academy = $1', [academy])) as {
              id: string;
            }[]
          ).map((r) => r.id);
    const decisionOf: DecisionOf = async () => ({ decision, version });
    for (let i = 0; i < ids.length; i += 500)
      await this.publish(manager, 'sessions', await this.sessionFigures(manager, ids.slice(i, i + 500), decisionOf));
    await manager.query(
      `INSERT INTO bi_decision (academy, version) VALUES ($1, $2) ON CONFLICT (academy) DO UPDATE SET version = EXCLUDED.version`,
      [academy, version],
    );
    return true;
  }

  /** After a rebuild: every cell recomputed; a cell that no longer exists is deleted (a tombstone in the feed). */
  async refreshAll(manager: EntityManager, decisionOf: DecisionOf): Promise<void> {
    const ids = async (sql: string) => ((await manager.query(sql)) as { id: string }[]).map((r) => r.id);
    const facts: [
      BiFact,
      string[],
      (ids: string[]) => Promise<{ key: string; academy: string; body: Record<string, unknown> }[]>,
    ][] = [
      [
        'sessions',
        await ids(
          "SELECT session_id AS id FROM fact_session UNION SELECT cell_key::uuid FROM bi_cell WHERE fact = 'sessions'",
        ),
        (k) => this.sessionFigures(manager, k, decisionOf),
      ],
      [
        'conventions',
        await ids(
          "SELECT convention_id AS id FROM fact_convention UNION SELECT cell_key::uuid FROM bi_cell WHERE fact = 'conventions'",
        ),
        (k) => this.conventionFigures(manager, k),
      ],
      [
        'modules',
        await ids(
          "SELECT module_id AS id FROM offer_module UNION SELECT cell_key::uuid FROM bi_cell WHERE fact = 'modules'",
        ),
        (k) => this.moduleFigures(manager, k),
      ],
    ];
    for (const [fact, keys, figures] of facts) {
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const cells = await figures(chunk);
        await this.publish(manager, fact, cells);
        const present = new Set(cells.map((c) => c.key));
        const gone = chunk.filter((k) => !present.has(k));
        if (gone.length) {
          await manager.query(
            `WITH removed AS (DELETE FROM bi_cell WHERE fact = $1 AND cell_key = ANY($2::text[]) RETURNING cell_key, academy)
             INSERT INTO bi_change (fact, cell_key, academy, body, deleted) SELECT $1, cell_key, academy, NULL, true FROM removed`,
            [fact, gone],
          );
        }
      }
    }
  }

  private async publish(
    manager: EntityManager,
    fact: BiFact,
    cells: { key: string; academy: string; body: Record<string, unknown> }[],
  ): Promise<void> {
    if (!cells.length) return;
    const current = (await manager.query(
      'SELECT cell_key, body FROM bi_cell WHERE fact = $1 AND cell_key = ANY($2::text[]) FOR UPDATE',
      [fact, cells.map((c) => c.key)],
    )) as {
      cell_key: string;
      body: Record<string, unknown>;
    }[];
    const before = new Map(current.map((c) => [c.cell_key, c.body]));
    const changed = cells.filter((c) => !isDeepStrictEqual(JSON.parse(JSON.stringify(c.body)), before.get(c.key)));
    if (!changed.length) return;
    const rows = JSON.stringify(changed.map((c) => ({ key: c.key, academy: c.academy, body: c.body })));
    await manager.query(
      `INSERT INTO bi_cell (fact, cell_key, academy, body)
       SELECT $1, c.key, c.academy, c.body FROM jsonb_to_recordset($2::jsonb) AS c(key text, academy text, body jsonb)
       ON CONFLICT (fact, cell_key) DO UPDATE SET body = EXCLUDED.body, academy = EXCLUDED.academy`,
      [fact, rows],
    );
    await manager.query(
      `INSERT INTO bi_change (fact, cell_key, academy, body)
       SELECT $1, c.key, c.academy, c.body FROM jsonb_to_recordset($2::jsonb) AS c(key text, academy text, body jsonb)`,
      [fact, rows],
    );
  }

  private async sessionFigures(manager: EntityManager, ids: string[], decisionOf: DecisionOf) {
    const rows = (await manager.query(
      `SELECT s.session_id AS "sessionId", s.module_id AS "moduleId", s.academy, s.place_uai AS "placeUai", sc.district, sc.department,
              s.school_year AS "schoolYear", s.first_day::text AS "firstDay", s.scheduled_on::text AS "scheduledOn",
              s.cancelled_on::text AS "cancelledOn", s.delivered_on::text AS "deliveredOn",
              s.face_to_face_minutes AS "faceToFaceMinutes", s.virtual_class_minutes AS "virtualClassMinutes",
              o.category, o.dispositif,
              (SELECT count(*) FROM fact_registration r WHERE r.session_id = s.session_id AND r.cancelled_on IS NULL)::int AS participants,
              (SELECT count(DISTINCT c.registration_id) FROM fact_completion c JOIN fact_registration r USING (registration_id)
                 WHERE c.session_id = s.session_id AND c.revoked_on IS NULL AND r.cancelled_on IS NULL)::int AS completions,
              (SELECT count(DISTINCT a.registration_id) FROM fact_attestation a JOIN fact_registration r USING (registration_id)
                 WHERE a.session_id = s.session_id AND a.revoked_on IS NULL AND r.cancelled_on IS NULL)::int AS attested,
              COALESCE((SELECT sum(answers) FROM fact_evaluation e WHERE e.session_id = s.session_id), 0)::int AS "evaluationAnswers",
              COALESCE((SELECT sum(attended_marks) FROM presence_rollup p WHERE p.session_id = s.session_id), 0)::int AS "attendedMarks",
              COALESCE((SELECT sum(counted_marks) FROM presence_rollup p WHERE p.session_id = s.session_id), 0)::int AS "countedMarks",
              COALESCE((SELECT jsonb_object_agg(modality, minutes) FROM (SELECT modality, sum(minutes) AS minutes FROM presence_rollup p
                 WHERE p.session_id = s.session_id GROUP BY modality) m), '{}'::jsonb) AS "attendedMinutes"
         FROM fact_session s
         LEFT JOIN school_replica sc ON sc.uai = s.place_uai
         LEFT JOIN offer_module o ON o.module_id = s.module_id
        WHERE s.session_id = ANY($1::uuid[])`,
      [ids],
    )) as SessionFigures[];
    const decisions = new Map<string, LinkedDecision>();
    for (const academy of new Set(rows.map((r) => r.academy)))
      decisions.set(academy, (await decisionOf(academy)).decision);
    return rows.map((r) => cellFrom('sessions', r, decisions.get(r.academy)));
  }

  /**
   * The cells of the conventions asked and of every other convention of their académies: the HSE figures of one are
   * withheld with what its school's and places' bilans would give back, a decision over the académie's conventions
   * (hse-secrecy.rules.ts); the cells whose withholding did not change are not appended again.
   */
  private async conventionFigures(manager: EntityManager, asked: string[]) {
    const ids = (
      (await manager.query(
        `SELECT convention_id AS id FROM fact_convention
          WHERE academy IN (SELECT academy FROM fact_convention WHERE convention_id = ANY($1::uuid[]))
         UNION SELECT unnest($1::uuid[])`,
        [asked],
      )) as { id: string }[]
    ).map((r) => r.id);
    const rows = (await manager.query(
      `SELECT c.convention_id AS "conventionId", c.academy, c.uai, sc.district, sc.department, c.school_year AS "schoolYear",
              c.signed_on::text AS "signedOn", c.service_fait_on::text AS "serviceFaitOn", c.validated_on::text AS "validatedOn",
              (SELECT min(p.paid_on) FROM fact_hse_paid p WHERE p.convention_id = c.convention_id)::text AS "paidOn", c.closed_on::text AS "closedOn",
              (SELECT count(DISTINCT trainer_id) FROM fact_hse h WHERE h.convention_id = c.convention_id)::int AS trainers,
              COALESCE((SELECT sum(hse) FROM fact_hse h WHERE h.convention_id = c.convention_id), 0)::text AS "hseAllocated",
              COALESCE((SELECT sum(hse) FROM fact_hse_paid p WHERE p.convention_id = c.convention_id), 0)::text AS "hsePaid",
              COALESCE((SELECT sum(amount) FROM fact_hse_paid p WHERE p.convention_id = c.convention_id), 0)::text AS "amountPaid",
              ARRAY(SELECT DISTINCT h.trainer_id::text FROM fact_hse h WHERE h.convention_id = c.convention_id) AS "trainerIds"
         FROM fact_convention c LEFT JOIN school_replica sc ON sc.uai = c.uai
        WHERE c.convention_id = ANY($1::uuid[])`,
      [ids],
    )) as (ConventionFigures & { trainerIds: string[] })[];
    const decisions = new Map<string, HseDecision>();
    for (const academy of new Set(rows.map((r) => r.academy)))
      decisions.set(
        academy,
        decideHse(rows.filter((r) => r.academy === academy).map((r) => ({ ...r, uai: r.uai === '' ? null : r.uai }))),
      );
    // the body lists its fields one by one: the trainers' ids stay out of the feed
    return rows.map((r) => cellFrom('conventions', r, decisions.get(r.academy)));
  }

  private async moduleFigures(manager: EntityManager, ids: string[]) {
    const rows = (await manager.query(
      `SELECT module_id AS "moduleId", revision, revisions, title, kind, category, modality, academy, origin, dispositif,
              target_profiles AS "targetProfiles", face_to_face_minutes AS "faceToFaceMinutes", distance_minutes AS "distanceMinutes",
              first_published_on::text AS "firstPublishedOn", archived_on::text AS "archivedOn"
         FROM offer_module WHERE module_id = ANY($1::uuid[])`,
      [ids],
    )) as ModuleFigures[];
    return rows.map((r) => cellFrom('modules', r));
  }
}
