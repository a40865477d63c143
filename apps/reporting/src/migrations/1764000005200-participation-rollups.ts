import { sqlMigration } from '@forma/persistence';

/**
 * Participation as daily deltas, as presence already is: the académie bilan's participants, completions and attestations
 * by profile, and participants by school, are sums of a few thousand rows instead of a scan of every registration.
 *
 * A registration counts as a participant from `confirmed_on` until `cancelled_on`; its completion from
 * greatest(confirmed, completed) until least(cancelled, revoked), and its attestation likewise: each interval is a +1 on
 * its first day and a -1 on its last (none when it is empty). A trigger on `fact_registration` subtracts a row's old
 * contribution and adds its new one, in the transaction that changed it (projection, rebuild, or a benchmark's generator
 * alike), so the rollups can never drift from the facts they sum. A bilan as of D sums the deltas of the days up to D.
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
    `CREATE FUNCTION participation_contribution(r fact_registration)
       RETURNS TABLE (day date, participants integer, completions integer, attestations integer)
       LANGUAGE sql STABLE AS $$
         SELECT d.day, sum(d.p)::int, sum(d.c)::int, sum(d.a)::int FROM (
           SELECT i.day, i.delta AS p, 0 AS c, 0 AS a FROM participation_interval(r.confirmed_on, r.cancelled_on) i
           UNION ALL
           SELECT i.day, 0, i.delta, 0 FROM participation_interval(
             CASE WHEN r.completed_on IS NOT NULL THEN greatest(r.confirmed_on, r.completed_on) END, least(r.cancelled_on, r.completion_revoked_on)) i
           UNION ALL
           SELECT i.day, 0, 0, i.delta FROM participation_interval(
             CASE WHEN r.attested_on IS NOT NULL THEN greatest(r.confirmed_on, r.attested_on) END, least(r.cancelled_on, r.attestation_revoked_on)) i
         ) d GROUP BY d.day
       $$`,
    `CREATE FUNCTION participation_apply(r fact_registration, sign integer) RETURNS void LANGUAGE sql AS $$
       INSERT INTO participation_by_profile AS t (academy, profile, day, participants, completions, attestations)
       SELECT r.academy, r.profile, c.day, sign * c.participants, sign * c.completions, sign * c.attestations
         FROM participation_contribution(r) c
       ON CONFLICT (academy, profile, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants,
         completions = t.completions + EXCLUDED.completions, attestations = t.attestations + EXCLUDED.attestations;
       INSERT INTO participation_by_school AS t (academy, uai, day, participants)
       SELECT r.academy, COALESCE(r.uai, ''), c.day, sign * c.participants FROM participation_contribution(r) c WHERE c.participants <> 0
       ON CONFLICT (academy, uai, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants;
     $$`,
    `CREATE FUNCTION fact_registration_participation() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND (OLD.academy, OLD.uai, OLD.profile, OLD.confirmed_on, OLD.cancelled_on, OLD.completed_on,
             OLD.completion_revoked_on, OLD.attested_on, OLD.attestation_revoked_on) IS NOT DISTINCT FROM (NEW.academy, NEW.uai,
             NEW.profile, NEW.confirmed_on, NEW.cancelled_on, NEW.completed_on, NEW.completion_revoked_on, NEW.attested_on,
             NEW.attestation_revoked_on) THEN
           RETURN NULL;
         END IF;
         IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM participation_apply(OLD, -1); END IF;
         IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM participation_apply(NEW, 1); END IF;
         RETURN NULL;
       END
     $$`,
    `CREATE TRIGGER fact_registration_participation AFTER INSERT OR UPDATE OR DELETE ON fact_registration
       FOR EACH ROW EXECUTE FUNCTION fact_registration_participation()`,
  ],
  down: [
    'DROP TRIGGER fact_registration_participation ON fact_registration',
    'DROP FUNCTION fact_registration_participation(), participation_apply(fact_registration, integer), participation_contribution(fact_registration), participation_interval(date, date)',
    'DROP TABLE participation_by_school, participation_by_profile',
  ],
});
