import { AttendanceRecordedV1 } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parisDay as day } from './projection-sql';
import { attended, counted, independentRuns, slotKey } from './projection.rules';

/** What a batch adds to one bucket of the presence rollups. */
interface RollupDelta {
  academy: string;
  sessionId: string;
  moduleId: string;
  uai: string;
  profile: string;
  modality: string;
  day: string;
  attendedMarks: number;
  countedMarks: number;
  minutes: number;
  people: number;
}

/**
 * The presence projections: the ledger of marks (with supersessions), the first counted mark of each person per
 * modality, and the rollups the bilans read (by session, school and profile, and the académie's daily one). Written in
 * the inbox's transaction (or a rebuild's); every write is idempotent for a redelivered event.
 */
@Injectable()
export class PresenceProjectionRepository {
  /**
   * A presence mark: a new entry of the ledger. It supersedes the mark it corrects (or the current one of the same
   * participant, slot part and modality); the daily rollup gets the new mark's figures and loses the old one's, both on
   * the day of the correction, so a bilan as of an earlier day still shows the old mark.
   */
  async recordMark(manager: EntityManager, m: AttendanceRecordedV1): Promise<void> {
    const key = slotKey(m.slotIndex, m.part);
    const inserted = (await manager.query(
      `WITH added AS (
         INSERT INTO presence_mark (mark_id, registration_id, session_id, slot_key, modality, status, minutes, recorded_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${day(8)}) ON CONFLICT (registration_id, mark_id) DO NOTHING RETURNING mark_id, recorded_on)
       SELECT mark_id, recorded_on::text AS day FROM added`,
      [m.markId, m.registrationId, m.sessionId, key, m.modality, m.status, m.minutes, m.recordedAt],
    )) as { mark_id: string; day: string }[];
    if (!inserted.length) return;
    const markDay = inserted[0].day;
    // the people a modality's hours are built from (statistical secrecy counts people, not marks): counted once, on the
    // day of their first counted mark in that modality
    const firstInModality = counted(m.status)
      ? (
          (await manager.query(
            `WITH added AS (INSERT INTO registration_modality (registration_id, modality, first_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1)
           SELECT count(*)::int AS n FROM added`,
            [m.registrationId, m.modality, markDay],
          )) as { n: number }[]
        )[0].n
      : 0;
    const superseded = (await manager.query(
      `WITH old AS (
         UPDATE presence_mark SET superseded_on = $5 WHERE mark_id <> $1 AND superseded_on IS NULL AND registration_id = $2
           AND (mark_id = $3 OR (slot_key = $4 AND modality = $6)) RETURNING status, minutes, modality)
       SELECT * FROM old`,
      [m.markId, m.registrationId, m.correctsMarkId ?? '', key, markDay, m.modality],
    )) as { status: AttendanceRecordedV1['status']; minutes: number; modality: string }[];
    const [place] = (await manager.query('SELECT uai, profile FROM fact_registration WHERE registration_id = $1', [
      m.registrationId,
    ])) as {
      uai: string | null;
      profile: string;
    }[];
    const bucket = {
      academy: m.academy,
      sessionId: m.sessionId,
      moduleId: m.moduleId,
      uai: place?.uai ?? '',
      profile: place?.profile ?? '',
      day: markDay,
    };
    for (const old of superseded)
      await this.addToRollup(
        manager,
        { ...bucket, modality: old.modality },
        -attended(old.status),
        -counted(old.status),
        -old.minutes,
      );
    await this.addToRollup(
      manager,
      { ...bucket, modality: m.modality },
      attended(m.status),
      counted(m.status),
      m.minutes,
      firstInModality,
    );
  }

  /**
   * A batch of presence marks in a few set-based statements (the ledger, the first mark per modality, supersessions,
   * both rollups), with the same result as recording them one by one: the batch is cut, in order, where a mark depends
   * on an earlier one of its run (the same participant, slot part and modality, or a correction of it).
   */
  async recordMarks(manager: EntityManager, marks: AttendanceRecordedV1[]): Promise<void> {
    for (const run of independentRuns(marks)) {
      if (run.length === 1) await this.recordMark(manager, run[0]);
      else await this.recordIndependentMarks(manager, run);
    }
  }

  private async recordIndependentMarks(manager: EntityManager, marks: AttendanceRecordedV1[]): Promise<void> {
    const fresh = (await manager.query(
      `INSERT INTO presence_mark (mark_id, registration_id, session_id, slot_key, modality, status, minutes, recorded_on)
       SELECT n.mark_id, n.registration_id, n.session_id, n.slot_key, n.modality, n.status, n.minutes, (n.recorded_at AT TIME ZONE 'Europe/Paris')::date
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[])
              AS n (mark_id, registration_id, session_id, slot_key, modality, status, minutes, recorded_at)
       ON CONFLICT (registration_id, mark_id) DO NOTHING RETURNING registration_id::text, mark_id, recorded_on::text AS day`,
      [
        marks.map((m) => m.markId),
        marks.map((m) => m.registrationId),
        marks.map((m) => m.sessionId),
        marks.map((m) => slotKey(m.slotIndex, m.part)),
        marks.map((m) => m.modality),
        marks.map((m) => m.status),
        marks.map((m) => m.minutes),
        marks.map((m) => m.recordedAt),
      ],
    )) as { registration_id: string; mark_id: string; day: string }[];
    const dayOf = new Map(fresh.map((f) => [`${f.registration_id}/${f.mark_id}`, f.day]));
    const applied = marks
      .filter((m) => dayOf.has(`${m.registrationId}/${m.markId}`))
      .map((m) => ({ ...m, day: dayOf.get(`${m.registrationId}/${m.markId}`)! }));
    if (!applied.length) return;
    // each participant counted once per modality, on the day of their first counted mark (the batch's first, in order)
    const firstCounted = new Map<string, (typeof applied)[number]>();
    for (const m of applied)
      if (counted(m.status) && !firstCounted.has(`${m.registrationId}/${m.modality}`))
        firstCounted.set(`${m.registrationId}/${m.modality}`, m);
    const firsts = firstCounted.size
      ? ((await manager.query(
          `INSERT INTO registration_modality (registration_id, modality, first_on)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[]) ON CONFLICT DO NOTHING RETURNING registration_id::text, modality`,
          [
            [...firstCounted.values()].map((m) => m.registrationId),
            [...firstCounted.values()].map((m) => m.modality),
            [...firstCounted.values()].map((m) => m.day),
          ],
        )) as { registration_id: string; modality: string }[])
      : [];
    const superseded = (await manager.query(
      // a CTE: TypeORM answers an UPDATE with [rows, count], a SELECT with its rows
      `WITH old AS (
         UPDATE presence_mark p SET superseded_on = n.day
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[]) AS n (mark_id, registration_id, corrects, slot_key, modality, day)
          WHERE p.registration_id = n.registration_id AND p.superseded_on IS NULL AND p.mark_id <> n.mark_id
            AND (p.mark_id = n.corrects OR (p.slot_key = n.slot_key AND p.modality = n.modality))
         RETURNING n.registration_id::text, n.mark_id, p.status, p.minutes, p.modality)
       SELECT * FROM old`,
      [
        applied.map((m) => m.markId),
        applied.map((m) => m.registrationId),
        applied.map((m) => m.correctsMarkId ?? ''),
        applied.map((m) => slotKey(m.slotIndex, m.part)),
        applied.map((m) => m.modality),
        applied.map((m) => m.day),
      ],
    )) as {
      registration_id: string;
      mark_id: string;
      status: AttendanceRecordedV1['status'];
      minutes: number;
      modality: string;
    }[];
    const places = new Map(
      (
        (await manager.query(
          'SELECT registration_id::text, uai, profile FROM fact_registration WHERE registration_id = ANY($1::uuid[])',
          [[...new Set(applied.map((m) => m.registrationId))]],
        )) as {
          registration_id: string;
          uai: string | null;
          profile: string;
        }[]
      ).map((r) => [r.registration_id, r]),
    );
    const byMark = new Map(applied.map((m) => [`${m.registrationId}/${m.markId}`, m]));
    const deltas = new Map<string, RollupDelta>();
    const add = (
      m: (typeof applied)[number],
      modality: string,
      attendedMarks: number,
      countedMarks: number,
      minutes: number,
      people: number,
    ) => {
      const place = places.get(m.registrationId);
      const bucket = {
        academy: m.academy,
        sessionId: m.sessionId,
        moduleId: m.moduleId,
        uai: place?.uai ?? '',
        profile: place?.profile ?? '',
        modality,
        day: m.day,
      };
      // the rollup's key: a session has one module
      const key = JSON.stringify([
        bucket.academy,
        bucket.sessionId,
        bucket.uai,
        bucket.profile,
        bucket.modality,
        bucket.day,
      ]);
      const d = deltas.get(key) ?? { ...bucket, attendedMarks: 0, countedMarks: 0, minutes: 0, people: 0 };
      deltas.set(key, {
        ...d,
        attendedMarks: d.attendedMarks + attendedMarks,
        countedMarks: d.countedMarks + countedMarks,
        minutes: d.minutes + minutes,
        people: d.people + people,
      });
    };
    for (const old of superseded)
      add(
        byMark.get(`${old.registration_id}/${old.mark_id}`)!,
        old.modality,
        -attended(old.status),
        -counted(old.status),
        -old.minutes,
        0,
      );
    for (const m of applied) add(m, m.modality, attended(m.status), counted(m.status), m.minutes, 0);
    for (const f of firsts) {
      const m = firstCounted.get(`${f.registration_id}/${f.modality}`)!;
      add(m, m.modality, 0, 0, 0, 1);
    }
    await this.addToRollups(manager, [...deltas.values()]);
  }

  /**
   * Adds deltas to the rollup by session, school and profile, and to the académie's daily rollup, in two statements.
   */
  private async addToRollups(manager: EntityManager, deltas: RollupDelta[]): Promise<void> {
    const rows = deltas.filter((d) => d.attendedMarks || d.countedMarks || d.minutes || d.people);
    if (!rows.length) return;
    const col = <K extends keyof RollupDelta>(k: K) => rows.map((d) => d[k]);
    await manager.query(
      `INSERT INTO presence_rollup AS t (academy, session_id, module_id, uai, profile, modality, day, attended_marks, counted_marks, minutes, people)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::date[], $8::int[], $9::int[], $10::bigint[], $11::int[])
       ON CONFLICT (academy, session_id, uai, profile, modality, day) DO UPDATE SET attended_marks = t.attended_marks + EXCLUDED.attended_marks,
         counted_marks = t.counted_marks + EXCLUDED.counted_marks, minutes = t.minutes + EXCLUDED.minutes, people = t.people + EXCLUDED.people`,
      [
        col('academy'),
        col('sessionId'),
        col('moduleId'),
        col('uai'),
        col('profile'),
        col('modality'),
        col('day'),
        col('attendedMarks'),
        col('countedMarks'),
        col('minutes'),
        col('people'),
      ],
    );
    await manager.query(
      `INSERT INTO presence_daily AS t (academy, profile, modality, day, attended_marks, counted_marks, minutes, people)
       SELECT academy, profile, modality, day, sum(a), sum(c), sum(m), sum(p)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::int[], $6::int[], $7::bigint[], $8::int[]) AS d (academy, profile, modality, day, a, c, m, p)
        GROUP BY academy, profile, modality, day
       ON CONFLICT (academy, profile, modality, day) DO UPDATE SET attended_marks = t.attended_marks + EXCLUDED.attended_marks,
         counted_marks = t.counted_marks + EXCLUDED.counted_marks, minutes = t.minutes + EXCLUDED.minutes, people = t.people + EXCLUDED.people`,
      [
        col('academy'),
        col('profile'),
        col('modality'),
        col('day'),
        col('attendedMarks'),
        col('countedMarks'),
        col('minutes'),
        col('people'),
      ],
    );
  }

  private async addToRollup(
    manager: EntityManager,
    b: {
      academy: string;
      sessionId: string;
      moduleId: string;
      uai: string;
      profile: string;
      modality: string;
      day: string;
      profileUnchanged?: boolean;
    },
    attendedMarks: number,
    countedMarks: number,
    minutes: number,
    people = 0,
  ): Promise<void> {
    if (!attendedMarks && !countedMarks && !minutes && !people) return;
    await manager.query(
      `INSERT INTO presence_rollup (academy, session_id, module_id, uai, profile, modality, day, attended_marks, counted_marks, minutes, people)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (academy, session_id, uai, profile, modality, day) DO UPDATE SET attended_marks = presence_rollup.attended_marks + EXCLUDED.attended_marks,
         counted_marks = presence_rollup.counted_marks + EXCLUDED.counted_marks, minutes = presence_rollup.minutes + EXCLUDED.minutes,
         people = presence_rollup.people + EXCLUDED.people`,
      [
        b.academy,
        b.sessionId,
        b.moduleId,
        b.uai,
        b.profile,
        b.modality,
        b.day,
        attendedMarks,
        countedMarks,
        minutes,
        people,
      ],
    );
    if (b.profileUnchanged) return; // a move between schools of one profile leaves the académie's rollup as it was
    await manager.query(
      `INSERT INTO presence_daily (academy, profile, modality, day, attended_marks, counted_marks, minutes, people)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (academy, profile, modality, day) DO UPDATE SET attended_marks = presence_daily.attended_marks + EXCLUDED.attended_marks,
         counted_marks = presence_daily.counted_marks + EXCLUDED.counted_marks, minutes = presence_daily.minutes + EXCLUDED.minutes,
         people = presence_daily.people + EXCLUDED.people`,
      [b.academy, b.profile, b.modality, b.day, attendedMarks, countedMarks, minutes, people],
    );
  }

  /** Moves a registration's presence (every entry and every supersession, on their days) from one bucket to another. */
  async moveRollup(
    manager: EntityManager,
    registrationId: string,
    from: { uai: string; profile: string },
    to: { uai: string; profile: string },
  ): Promise<void> {
    const deltas = (await manager.query(
      `SELECT r.academy, m.session_id AS "sessionId", r.module_id AS "moduleId", m.modality, d.day::text AS day,
              sum(d.sign * CASE WHEN m.status IN ('present', 'partial') THEN 1 ELSE 0 END)::int AS attended,
              sum(d.sign * CASE WHEN m.status IN ('present', 'partial', 'absent', 'excused') THEN 1 ELSE 0 END)::int AS counted,
              sum(d.sign * m.minutes)::int AS minutes
         FROM presence_mark m
         JOIN fact_registration r ON r.registration_id = m.registration_id
         CROSS JOIN LATERAL (VALUES (m.recorded_on, 1), (m.superseded_on, -1)) AS d(day, sign)
        WHERE m.registration_id = $1 AND d.day IS NOT NULL
        GROUP BY r.academy, m.session_id, r.module_id, m.modality, d.day`,
      [registrationId],
    )) as {
      academy: string;
      sessionId: string;
      moduleId: string;
      modality: string;
      day: string;
      attended: number;
      counted: number;
      minutes: number;
    }[];
    const firsts = (await manager.query(
      `SELECT r.academy, r.session_id AS "sessionId", r.module_id AS "moduleId", f.modality, f.first_on::text AS day
         FROM registration_modality f JOIN fact_registration r USING (registration_id) WHERE f.registration_id = $1`,
      [registrationId],
    )) as { academy: string; sessionId: string; moduleId: string; modality: string; day: string }[];
    const profileUnchanged = from.profile === to.profile;
    for (const d of deltas) {
      await this.addToRollup(manager, { ...d, ...from, profileUnchanged }, -d.attended, -d.counted, -d.minutes);
      await this.addToRollup(manager, { ...d, ...to, profileUnchanged }, d.attended, d.counted, d.minutes);
    }
    for (const f of firsts) {
      await this.addToRollup(manager, { ...f, ...from, profileUnchanged }, 0, 0, 0, -1);
      await this.addToRollup(manager, { ...f, ...to, profileUnchanged }, 0, 0, 0, 1);
    }
  }
}
