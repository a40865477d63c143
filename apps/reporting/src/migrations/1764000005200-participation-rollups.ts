import { sqlMigration } from '@forma/persistence';

/**
 * Participation as daily deltas, as presence already is: the académie bilan's participants, completions and
 * attestations
 * by profile, and participants by school, are sums of a few thousand rows instead of a scan of every registration.
 *
 * A registration counts as a participant from `confirmed_on` until `cancelled_on`; its completion from
 * greatest(confirmed, completed) until least(cancelled, revoked), and its attestation likewise: each interval is a +1
 * on
 * its first day and a -1 on its last (none when it is empty). Statement-level triggers on `fact_registration` subtract
 * the changed rows' old contributions and add their new ones, in the statement that changed them (projection, rebuild
 * or a benchmark's generator alike), so the rollups never drift from the facts they sum. A bilan as of D sums the
 * deltas of the days up to D.
 */
export const ParticipationRollups1764000005200 = sqlMigration('ParticipationRollups1764000005200', {
  up: [
    `CREATE TABLE participation_by_profile (
       academy text NOT NULL, profile text NOT NULL, day date NOT NULL,
       participants integer NOT NULL, completions integer NOT NULL, attestations integer NOT NULL,
       PRIMARY KEY (academy, profile, day))`,
    `CREATE TABLE participation_by_school (
       academy text NOT NULL, uai text NOT NULL, day date NOT NULL, participants integer NOT NULL,
       PRIMARY KEY (academy, uai, day))`,
    // +1 on the first day of [from, until), -1 on its end; nothing when the interval is empty
    `CREATE FUNCTION participation_interval(from_day date, until_day date) RETURNS TABLE (day date, delta integer)
       LANGUAGE sql IMMUTABLE AS $$
         SELECT from_day, 1 WHERE from_day IS NOT NULL AND (until_day IS NULL OR until_day > from_day)
         UNION ALL
         SELECT until_day, -1 WHERE from_day IS NOT NULL AND until_day > from_day
       $$`,
    `CREATE FUNCTION participation_contribution(
         confirmed_on date, cancelled_on date, completed_on date, completion_revoked_on date, attested_on date, attestation_revoked_on date)
       RETURNS TABLE (day date, participants integer, completions integer, attestations integer)
       LANGUAGE sql IMMUTABLE AS $$
         SELECT d.day, sum(d.p)::int, sum(d.c)::int, sum(d.a)::int FROM (
           SELECT i.day, i.delta AS p, 0 AS c, 0 AS a FROM participation_interval(confirmed_on, cancelled_on) i
           UNION ALL
           SELECT i.day, 0, i.delta, 0 FROM participation_interval(
             CASE WHEN completed_on IS NOT NULL THEN greatest(confirmed_on, completed_on) END, least(cancelled_on, completion_revoked_on)) i
           UNION ALL
           SELECT i.day, 0, 0, i.delta FROM participation_interval(
             CASE WHEN attested_on IS NOT NULL THEN greatest(confirmed_on, attested_on) END, least(cancelled_on, attestation_revoked_on)) i
         ) d GROUP BY d.day
       $$`,
    // one statement-level trigger per kind of change, over its transition tables: a bulk insert or update costs a few
    // set-based statements, not a function call per row
    ...(['INSERT', 'UPDATE', 'DELETE'] as const).map((op) => {
      const sides = {
        INSERT: [['new_rows', 1]],
        UPDATE: [
          ['old_rows', -1],
          ['new_rows', 1],
        ],
        DELETE: [['old_rows', -1]],
      }[op];
      const changes = sides
        .map(
          ([
            rows,
            sign,
          ]) => `SELECT r.academy, r.profile, COALESCE(r.uai, '') AS uai, c.day, ${sign} * c.participants AS p, ${sign} * c.completions AS c, ${sign} * c.attestations AS a
              FROM ${rows} r, participation_contribution(r.confirmed_on, r.cancelled_on, r.completed_on, r.completion_revoked_on, r.attested_on, r.attestation_revoked_on) c`,
        )
        .join(' UNION ALL ');
      return `CREATE FUNCTION fact_registration_participation_${op.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO participation_by_profile AS t (academy, profile, day, participants, completions, attestations)
         SELECT academy, profile, day, sum(p), sum(c), sum(a) FROM (${changes}) x
          GROUP BY academy, profile, day HAVING sum(p) <> 0 OR sum(c) <> 0 OR sum(a) <> 0
         ON CONFLICT (academy, profile, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants,
           completions = t.completions + EXCLUDED.completions, attestations = t.attestations + EXCLUDED.attestations;
         INSERT INTO participation_by_school AS t (academy, uai, day, participants)
         SELECT academy, uai, day, sum(p) FROM (${changes}) x GROUP BY academy, uai, day HAVING sum(p) <> 0
         ON CONFLICT (academy, uai, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants;
         RETURN NULL;
       END
     $$`;
    }),
    `CREATE TRIGGER fact_registration_participation_insert AFTER INSERT ON fact_registration
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_registration_participation_insert()`,
    `CREATE TRIGGER fact_registration_participation_update AFTER UPDATE ON fact_registration
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_registration_participation_update()`,
    `CREATE TRIGGER fact_registration_participation_delete AFTER DELETE ON fact_registration
       REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_registration_participation_delete()`,
  ],
  down: [
    ...['insert', 'update', 'delete'].map(
      (op) => `DROP TRIGGER fact_registration_participation_${op} ON fact_registration`,
    ),
    ...['insert', 'update', 'delete'].map((op) => `DROP FUNCTION fact_registration_participation_${op}()`),
    'DROP FUNCTION participation_contribution(date, date, date, date, date, date), participation_interval(date, date)',
    'DROP TABLE participation_by_school, participation_by_profile',
  ],
});
