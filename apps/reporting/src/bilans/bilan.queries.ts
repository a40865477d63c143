import { academyName } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What runs a query: the data source, or a transaction's manager. */
export type Runner = Pick<EntityManager, 'query'>;
import { AreaPlace, BilanLevel } from './bilan-scope.policy';
import { BilanFigures, BilanPeriod } from './bilan.rules';
import { schoolYearsOf } from './period.rules';
import { ConventionLeaf } from './hse-secrecy.rules';
import { CubeLeaf } from './secrecy-cube.rules';

/**
 * The SQL of the bilans: one area (a level and a code in an académie) as of a day (or now). Each state of a fact began
 * on a day, so "as of" is a condition on those days; presence is read from its daily rollup.
 */
@Injectable()
export class BilanQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Where an area sits, if it exists in the académie (null otherwise). */
  async place(level: BilanLevel, code: string, academy: string): Promise<(AreaPlace & { label: string }) | null> {
    const one = async (sql: string, params: unknown[]) =>
      ((await this.dataSource.query(sql, params)) as (AreaPlace & { label: string })[])[0] ?? null;
    // names from the reference data, the code in brackets only where another area of the académie has the same name
    const named = (column: string) => `COALESCE(n.name, ${column}) || CASE WHEN n.name IS NOT NULL AND EXISTS (
        SELECT 1 FROM area_name o WHERE o.academy = n.academy AND o.level = n.level AND o.name = n.name AND o.code <> n.code)
        THEN ' (' || ${column} || ')' ELSE '' END`;
    switch (level) {
      case 'academie':
        return { academy: code, label: academyLabel(code) };
      case 'department':
        return one(
          `SELECT s.academy, s.department, NULL AS district, 'Département ' || ${named('s.department')} AS label
                      FROM school_replica s LEFT JOIN area_name n ON n.level = 'department' AND n.code = s.department
                     WHERE s.department = $1 AND s.academy = $2 LIMIT 1`,
          [code, academy],
        );
      case 'district':
        return one(
          `SELECT s.academy, s.department, s.district, 'Circonscription ' || ${named('s.district')} AS label
                      FROM school_replica s LEFT JOIN area_name n ON n.level = 'district' AND n.code = s.district
                     WHERE s.district = $1 AND s.academy = $2 LIMIT 1`,
          [code, academy],
        );
      case 'school':
        // school names repeat often ("École élémentaire Jean Jaurès"): the UAI follows when another school of the
        // académie bears the same name
        return one(
          `SELECT s.academy, s.department, s.district,
                           s.name || CASE WHEN EXISTS (SELECT 1 FROM school_replica o WHERE o.academy = s.academy AND o.name = s.name AND o.uai <> s.uai)
                                          THEN ' (' || s.uai || ')' ELSE '' END AS label
                      FROM school_replica s WHERE s.uai = $1`,
          [code],
        );
      case 'canope-dt':
        // a DT the catalog described (CanopeDtDescribed) and that serves the académie
        return one(
          `SELECT $2::text AS academy, NULL AS department, NULL AS district, name || ' : formations d''origine Canopé' AS label FROM canope_dt WHERE code = $1 AND $2::text = ANY(academies)`,
          [code, academy],
        );
      case 'module':
        if (!/^[0-9a-f-]{36}$/i.test(code)) return null;
        return one(
          `SELECT academy, NULL AS department, NULL AS district, title AS label FROM offer_module WHERE module_id = $1`,
          [code],
        );
      case 'dispositif':
        return one(
          `SELECT academy, NULL AS department, NULL AS district, 'Dispositif ' || dispositif AS label FROM offer_module WHERE dispositif = $1 AND academy = $2 LIMIT 1`,
          [code, academy],
        );
    }
  }

  /**
   * The académie's cube of people as of the day (linked-secrecy.rules.ts): per session (with its module, dispositif
   * and origin), school (with its department and district) and profile, its participants, completions and
   * attestations; over a period, the registrations of the period's sessions. `runner` reads inside a transaction (the
   * BI feed's, which sees its own registrations).
   */
  async academyCube(
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null = null,
    runner: Runner = this.dataSource,
  ): Promise<CubeLeaf[]> {
    const rows = (await runner.query(
      `SELECT sc.department, sc.district, r.uai, r.profile, r.session_id AS session, s.module_id AS module, o.dispositif, o.origin = 'canope' AS canope,
              count(*)::int AS people,
              count(*) FILTER (WHERE r.completed_on <= ${UNTIL} AND (r.completion_revoked_on IS NULL OR r.completion_revoked_on > ${UNTIL}))::int AS completions,
              count(*) FILTER (WHERE r.attested_on <= ${UNTIL} AND (r.attestation_revoked_on IS NULL OR r.attestation_revoked_on > ${UNTIL}))::int AS attestations
         FROM fact_registration r JOIN fact_session s USING (session_id) LEFT JOIN school_replica sc ON sc.uai = r.uai
         LEFT JOIN offer_module o ON o.module_id = s.module_id
        WHERE r.academy = $1 AND ${ACTIVE_REGISTRATION} AND ($4::date IS NULL OR s.first_day BETWEEN $4::date AND $5::date) AND $2::text IS NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 5, 3, 4`,
      [academy, null, asOf, period?.from ?? null, period?.to ?? null],
    )) as (Omit<CubeLeaf, 'training'> & {
      session: string;
      module: string;
      dispositif: string | null;
      canope: boolean | null;
    })[];
    return rows.map(({ session, module, dispositif, canope, ...leaf }) => ({
      ...leaf,
      training: { session, module, dispositif, canope: canope === true },
    }));
  }

  /**
   * The académie's conventions with the trainers allocated HSE under them, as known on a day, over a period (the
   * conventions of the school years it touches): what its HSE secrecy is decided on.
   */
  async academyConventions(
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null = null,
    runner: Runner = this.dataSource,
  ): Promise<ConventionLeaf[]> {
    const area = withPeriod(areaConditions('academie'), period);
    return (await runner.query(
      `SELECT c.convention_id AS "conventionId", sc.department, sc.district, NULLIF(c.uai, '') AS uai,
              COALESCE(array_agg(DISTINCT h.trainer_id::text) FILTER (WHERE h.trainer_id IS NOT NULL), '{}') AS "trainerIds"
         FROM fact_convention c LEFT JOIN school_replica sc ON sc.uai = c.uai
         LEFT JOIN fact_hse h ON h.convention_id = c.convention_id AND h.allocated_on <= ${UNTIL}
        WHERE c.academy = $1 AND ${area.convention}
        GROUP BY 1, 2, 3, 4 ORDER BY 1`,
      period ? [academy, academy, asOf, period.from, period.to] : [academy, academy, asOf],
    )) as ConventionLeaf[];
  }

  /**
   * What the académie's cube was last changed to (a trigger bumps it with every registration, module or school that
   * moves it).
   */
  async cubeVersion(academy: string, runner: Runner = this.dataSource): Promise<string> {
    const [row] = (await runner.query('SELECT version::text FROM cube_version WHERE academy = $1', [academy])) as {
      version: string;
    }[];
    return row?.version ?? '0';
  }

  async figures(
    level: BilanLevel,
    code: string,
    academy: string,
    asOf: string | null,
    period: BilanPeriod | null = null,
  ): Promise<BilanFigures> {
    const area = withPeriod(areaConditions(level), period);
    // every query of a period names $4 and $5 (PostgreSQL refuses a parameter it cannot type)
    const params = period ? [academy, code, asOf, period.from, period.to] : [academy, code, asOf];
    // the académie's own rollups sum every session; a period reads the rollups by session, as smaller areas do
    const academyRollups = level === 'academie' && !period;
    const q = <T>(sql: string) => this.dataSource.query(sql, params) as Promise<T[]>;
    const [sessions] = await q<{ planned: number; delivered: number; cancelled: number; f2f: string; cv: string }>(`
      SELECT count(*) FILTER (WHERE NOT cancelled AND NOT delivered)::int AS planned,
             count(*) FILTER (WHERE delivered AND NOT cancelled)::int AS delivered,
             count(*) FILTER (WHERE cancelled)::int AS cancelled,
             (COALESCE(sum(face_to_face_minutes) FILTER (WHERE delivered AND NOT cancelled), 0) / 60.0)::numeric(12,2)::text AS f2f,
             (COALESCE(sum(virtual_class_minutes) FILTER (WHERE delivered AND NOT cancelled), 0) / 60.0)::numeric(12,2)::text AS cv
        FROM (SELECT s.*, s.cancelled_on IS NOT NULL AND s.cancelled_on <= ${UNTIL} AS cancelled,
                     s.delivered_on IS NOT NULL AND s.delivered_on <= ${UNTIL} AS delivered
                FROM fact_session s WHERE s.academy = $1 AND s.scheduled_on <= ${UNTIL} AND ${area.session}) s`);
    // the académie reads its own daily rollup; smaller areas the rollup by session, school and profile
    const rollup = academyRollups ? 'presence_daily p' : 'presence_rollup p';
    const modalities = await q<BilanFigures['modalities'][number]>(`
      SELECT p.modality, sum(p.people)::int AS people, sum(p.minutes)::int AS minutes,
             sum(p.attended_marks)::int AS "attendedMarks", sum(p.counted_marks)::int AS "countedMarks"
        FROM ${rollup} WHERE p.academy = $1 AND p.day <= ${UNTIL} AND ${area.rollup}
       GROUP BY p.modality HAVING sum(p.counted_marks) <> 0 OR sum(p.minutes) <> 0 ORDER BY p.modality`);
    const marks = `marks AS (
        SELECT p.profile, sum(p.attended_marks)::int AS attended, sum(p.counted_marks)::int AS counted
          FROM ${rollup} WHERE p.academy = $1 AND p.day <= ${UNTIL} AND ${area.rollup} GROUP BY p.profile)`;
    // the académie sums its daily participation deltas (a trigger keeps them with the registrations); smaller areas
    // count their own registrations
    const counts = academyRollups
      ? `counts AS (
        SELECT c.profile, sum(c.participants)::int AS participants, sum(c.completions)::int AS completions, sum(c.attestations)::int AS attestations
          FROM participation_by_profile c WHERE c.academy = $1 AND c.day <= ${UNTIL} AND $2::text = $1
         GROUP BY c.profile HAVING sum(c.participants) <> 0)`
      : `counts AS (
        SELECT r.profile, count(*)::int AS participants,
               count(*) FILTER (WHERE r.completed_on <= ${UNTIL} AND (r.completion_revoked_on IS NULL OR r.completion_revoked_on > ${UNTIL}))::int AS completions,
               count(*) FILTER (WHERE r.attested_on <= ${UNTIL} AND (r.attestation_revoked_on IS NULL OR r.attestation_revoked_on > ${UNTIL}))::int AS attestations
          FROM fact_registration r
         WHERE r.academy = $1 AND ${ACTIVE_REGISTRATION} AND ${area.registration}
         GROUP BY r.profile)`;
    const profiles = await q<BilanFigures['profiles'][number]>(`
      WITH ${counts}, ${marks}
      SELECT counts.profile, counts.participants, COALESCE(marks.attended, 0)::int AS "attendedMarks", COALESCE(marks.counted, 0)::int AS "countedMarks",
             counts.completions, counts.attestations
        FROM counts LEFT JOIN marks USING (profile) ORDER BY counts.profile`);
    const bySchool = academyRollups
      ? `SELECT c.uai, sum(c.participants)::int AS participants FROM participation_by_school_profile c
            WHERE c.academy = $1 AND c.day <= ${UNTIL} AND $2::text = $1 GROUP BY c.uai HAVING sum(c.participants) <> 0`
      : `SELECT COALESCE(r.uai, '') AS uai, count(*)::int AS participants FROM fact_registration r
            WHERE r.academy = $1 AND ${ACTIVE_REGISTRATION} AND ${area.registration} GROUP BY 1`;
    // a training's participants by school would cross the two hierarchies of the académie's secrecy decision (its
    // people by session and school are published nowhere): a place's bilan lists its schools, a training's does not
    const schools =
      level === 'school' || TRAINING_LEVELS.has(level)
        ? []
        : await q<BilanFigures['schools'][number]>(`
      SELECT n.uai, COALESCE(sc.name, 'Établissement non renseigné') AS name, n.participants
        FROM (${bySchool}) n LEFT JOIN school_replica sc ON sc.uai = n.uai AND n.uai <> ''
       ORDER BY 2, 1`);
    // the answers by session: the area's total is withheld when one of its sessions' is (the BI feed shows each)
    const answered = await q<{ sessionId: string; answers: number }>(`
      SELECT s.session_id AS "sessionId", sum(e.answers)::int AS answers FROM fact_evaluation e JOIN fact_session s USING (session_id)
       WHERE s.academy = $1 AND e.answered_on <= ${UNTIL} AND ${area.session}
       GROUP BY 1 HAVING sum(e.answers) > 0 ORDER BY 1`);
    const [conventions] = await q<BilanFigures['conventions']>(`
      WITH c AS (SELECT c.* FROM fact_convention c WHERE c.academy = $1 AND ${area.convention})
      SELECT (SELECT count(*) FROM c WHERE EXISTS (SELECT 1 FROM fact_hse h WHERE h.convention_id = c.convention_id AND h.allocated_on <= ${UNTIL})
                OR c.signed_on <= ${UNTIL})::int AS conventions,
             (SELECT count(*) FROM c WHERE c.signed_on <= ${UNTIL})::int AS signed,
             (SELECT count(*) FROM c WHERE c.service_fait_on <= ${UNTIL})::int AS "serviceFait",
             (SELECT count(*) FROM c WHERE EXISTS (SELECT 1 FROM fact_hse_paid p WHERE p.convention_id = c.convention_id AND p.paid_on <= ${UNTIL}))::int AS paid,
             (SELECT count(DISTINCT h.trainer_id) FROM fact_hse h JOIN c USING (convention_id) WHERE h.allocated_on <= ${UNTIL})::int AS trainers,
             (SELECT COALESCE(sum(h.hse), 0) FROM fact_hse h JOIN c USING (convention_id) WHERE h.allocated_on <= ${UNTIL})::numeric(12,2)::text AS "hseAllocated",
             (SELECT COALESCE(sum(p.hse), 0) FROM fact_hse_paid p JOIN c USING (convention_id) WHERE p.paid_on <= ${UNTIL})::numeric(12,2)::text AS "hsePaid",
             (SELECT COALESCE(sum(p.amount), 0) FROM fact_hse_paid p JOIN c USING (convention_id) WHERE p.paid_on <= ${UNTIL})::numeric(12,2)::text AS "amountPaid"`);
    const plan = level === 'academie' ? await this.plan(academy, asOf, period) : { lines: [], modules: [] };
    return {
      plan,
      sessions: { planned: sessions.planned, delivered: sessions.delivered, cancelled: sessions.cancelled },
      plannedHoursDelivered: { faceToFace: sessions.f2f, virtualClass: sessions.cv },
      modalities,
      profiles,
      schools,
      evaluationAnswers: answered.reduce((sum, s) => sum + s.answers, 0),
      answersBySession: answered,
      conventions,
    };
  }

  /**
   * The training plan as it stood on the day (each wave at its latest revision by then) against the realised: per wave,
   * module and target profile, the participants of the module's sessions that begin within the wave; per wave and
   * module, the sessions delivered and their hours.
   */
  private async plan(academy: string, asOf: string | null, period: BilanPeriod | null): Promise<BilanFigures['plan']> {
    // a period keeps the waves of its school years (a wave belongs to one)
    const params = period ? [academy, asOf, schoolYearsOf(period)] : [academy, asOf];
    const waves = `waves AS (
        SELECT DISTINCT ON (w.wave_id) w.* FROM plan_wave w WHERE w.academy = $1 AND w.planned_on <= COALESCE($2::date, 'infinity'::date)
           ${period ? 'AND w.school_year = ANY($3::text[])' : ''}
         ORDER BY w.wave_id, w.revision DESC)`;
    const lines = (await this.dataSource.query(
      `WITH ${waves}
       SELECT w.code AS "waveCode", w.label AS "waveLabel", w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn", l.module_id AS "moduleId",
              COALESCE(m.title, l.module_id::text) AS "moduleTitle", l.profile, l.headcount,
              (SELECT count(*) FROM fact_registration r JOIN fact_session s USING (session_id)
                WHERE r.module_id = l.module_id AND r.target_profile = l.profile AND r.academy = $1
                  AND s.first_day BETWEEN w.starts_on AND w.ends_on
                  AND r.confirmed_on <= COALESCE($2::date, 'infinity'::date) AND (r.cancelled_on IS NULL OR r.cancelled_on > COALESCE($2::date, 'infinity'::date)))::int AS participants
         FROM waves w JOIN plan_line l USING (wave_id, revision) LEFT JOIN offer_module m ON m.module_id = l.module_id
        ORDER BY w.starts_on, w.code, 6, l.profile`,
      params,
    )) as BilanFigures['plan']['lines'];
    const modules = (await this.dataSource.query(
      `WITH ${waves},
       planned AS (
         SELECT w.wave_id, w.code, w.starts_on, w.ends_on, l.module_id, sum(l.sessions)::int AS sessions, sum(l.trainers)::int AS trainers, sum(l.hours) AS hours
           FROM waves w JOIN plan_line l USING (wave_id, revision) GROUP BY 1, 2, 3, 4, 5)
       SELECT p.code AS "waveCode", p.module_id AS "moduleId", COALESCE(m.title, p.module_id::text) AS "moduleTitle",
              p.sessions AS "forecastSessions", p.trainers AS "forecastTrainers", p.hours::numeric(12,2)::text AS "forecastHours",
              count(s.session_id)::int AS "deliveredSessions",
              (COALESCE(sum(s.face_to_face_minutes + s.virtual_class_minutes), 0) / 60.0)::numeric(12,2)::text AS "deliveredHours"
         FROM planned p LEFT JOIN offer_module m ON m.module_id = p.module_id
         LEFT JOIN fact_session s ON s.module_id = p.module_id AND s.academy = $1 AND s.first_day BETWEEN p.starts_on AND p.ends_on
              AND s.delivered_on <= COALESCE($2::date, 'infinity'::date) AND (s.cancelled_on IS NULL OR s.cancelled_on > COALESCE($2::date, 'infinity'::date))
        GROUP BY p.code, p.starts_on, p.module_id, m.title, p.sessions, p.trainers, p.hours
        ORDER BY p.starts_on, p.code, 3`,
      params,
    )) as BilanFigures['plan']['modules'];
    return { lines, modules };
  }
}

/**
 * The area's conditions narrowed to the period's sessions ($4, $5) and the conventions of the school years it touches.
 */
function withPeriod(
  area: ReturnType<typeof areaConditions>,
  period: BilanPeriod | null,
): ReturnType<typeof areaConditions> {
  if (!period) return area;
  const sessions = `(SELECT ps.session_id FROM fact_session ps WHERE ps.academy = $1 AND ps.first_day BETWEEN $4::date AND $5::date)`;
  return {
    session: `(${area.session} AND s.first_day BETWEEN $4::date AND $5::date)`,
    registration: `(${area.registration} AND r.session_id IN ${sessions})`,
    rollup: `(${area.rollup} AND p.session_id IN ${sessions})`,
    convention: `(${area.convention} AND make_date(split_part(c.school_year, '-', 1)::int, 9, 1) <= $5::date
                  AND make_date(split_part(c.school_year, '-', 2)::int, 8, 31) >= $4::date)`,
  };
}

/** "Académie de Guyane", "Académie d’Aix-Marseille"; the code for an académie the reference does not know. */
function academyLabel(code: string): string {
  const name = academyName(code);
  if (!name) return `Académie ${code}`;
  return /^[AEIOUYÉÈÀÂÎÔ]/i.test(name) ? `Académie d’${name}` : `Académie de ${name}`;
}

/** The levels of the trainings' hierarchy (a module, a dispositif, Canopé's offer). */
const TRAINING_LEVELS = new Set<BilanLevel>(['module', 'dispositif', 'canope-dt']);

/** The last day a bilan counts ($3, or no limit). */
const UNTIL = `COALESCE($3::date, 'infinity'::date)`;

/** A registration confirmed and not cancelled on that day (what participation_contribution counts as a participant). */
const ACTIVE_REGISTRATION = `r.confirmed_on <= ${UNTIL} AND (r.cancelled_on IS NULL OR r.cancelled_on > ${UNTIL})`;

/**
 * The conditions that put a session, a registration, a rollup row or a convention in the area ($1 académie, $2 code).
 */
function areaConditions(level: BilanLevel): {
  session: string;
  registration: string;
  rollup: string;
  convention: string;
} {
  const schoolsWhere = (column: string) => `(SELECT uai FROM school_replica WHERE academy = $1 AND ${column} = $2)`;
  const modulesWhere = (condition: string) =>
    `(SELECT module_id FROM offer_module WHERE academy = $1 AND ${condition})`;
  const byPlace = (schools: string) => ({
    session: `(s.place_uai IN ${schools} OR EXISTS (SELECT 1 FROM fact_registration r2 WHERE r2.session_id = s.session_id AND r2.uai IN ${schools}))`,
    registration: `r.uai IN ${schools}`,
    rollup: `p.uai IN ${schools}`,
    convention: `c.uai IN ${schools}`,
  });
  const byModule = (modules: string) => ({
    session: `s.module_id IN ${modules}`,
    registration: `r.module_id IN ${modules}`,
    rollup: `p.module_id IN ${modules}`,
    convention: '$2::text IS NULL', // conventions belong to schools, not to trainings
  });
  switch (level) {
    case 'academie':
      return {
        session: '$2::text = $1',
        registration: '$2::text = $1',
        rollup: '$2::text = $1',
        convention: '$2::text = $1',
      };
    case 'department':
      return byPlace(schoolsWhere('department'));
    case 'district':
      return byPlace(schoolsWhere('district'));
    case 'school':
      return byPlace(`(SELECT $2::text)`);
    case 'canope-dt':
      return byModule(modulesWhere(`origin = 'canope' AND $2::text IS NOT NULL`));
    case 'module':
      return byModule(modulesWhere('module_id::text = $2'));
    case 'dispositif':
      return byModule(modulesWhere('dispositif = $2'));
  }
}
