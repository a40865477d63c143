import { sqlMigration } from '@forma/persistence';

/**
 * Issue 23: statistical secrecy is decided once per académie over the cube places x profiles, whose finest cells are a
 * school's participants, completions and attestations of one profile. The académie's daily participation deltas by
 * school therefore carry the profile and the outcomes (`participation_by_school_profile` replaces
 * `participation_by_school`); the same statement-level triggers keep them, and the existing registrations are summed
 * into it once.
 */
type BySchool = 'participation_by_school' | 'participation_by_school_profile';

function triggerFunction(op: 'INSERT' | 'UPDATE' | 'DELETE', bySchool: BySchool): string {
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
  const school =
    bySchool === 'participation_by_school'
      ? `INSERT INTO participation_by_school AS t (academy, uai, day, participants)
         SELECT academy, uai, day, sum(p) FROM (${changes}) x GROUP BY academy, uai, day HAVING sum(p) <> 0
         ON CONFLICT (academy, uai, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants;`
      : `INSERT INTO participation_by_school_profile AS t (academy, uai, profile, day, participants, completions, attestations)
         SELECT academy, uai, profile, day, sum(p), sum(c), sum(a) FROM (${changes}) x
          GROUP BY academy, uai, profile, day HAVING sum(p) <> 0 OR sum(c) <> 0 OR sum(a) <> 0
         ON CONFLICT (academy, uai, profile, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants,
           completions = t.completions + EXCLUDED.completions, attestations = t.attestations + EXCLUDED.attestations;`;
  return `CREATE OR REPLACE FUNCTION fact_registration_participation_${op.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO participation_by_profile AS t (academy, profile, day, participants, completions, attestations)
         SELECT academy, profile, day, sum(p), sum(c), sum(a) FROM (${changes}) x
          GROUP BY academy, profile, day HAVING sum(p) <> 0 OR sum(c) <> 0 OR sum(a) <> 0
         ON CONFLICT (academy, profile, day) DO UPDATE SET participants = t.participants + EXCLUDED.participants,
           completions = t.completions + EXCLUDED.completions, attestations = t.attestations + EXCLUDED.attestations;
         ${school}
         RETURN NULL;
       END
     $$`;
}

const OPS = ['INSERT', 'UPDATE', 'DELETE'] as const;

export const ParticipationBySchoolProfile1764000005600 = sqlMigration('ParticipationBySchoolProfile1764000005600', {
  up: [
    `CREATE TABLE participation_by_school_profile (
       academy text NOT NULL, uai text NOT NULL, profile text NOT NULL, day date NOT NULL,
       participants integer NOT NULL, completions integer NOT NULL, attestations integer NOT NULL,
       PRIMARY KEY (academy, uai, profile, day))`,
    `INSERT INTO participation_by_school_profile (academy, uai, profile, day, participants, completions, attestations)
     SELECT r.academy, COALESCE(r.uai, ''), r.profile, c.day, sum(c.participants), sum(c.completions), sum(c.attestations)
       FROM fact_registration r, participation_contribution(r.confirmed_on, r.cancelled_on, r.completed_on, r.completion_revoked_on, r.attested_on, r.attestation_revoked_on) c
      GROUP BY 1, 2, 3, 4 HAVING sum(c.participants) <> 0 OR sum(c.completions) <> 0 OR sum(c.attestations) <> 0`,
    ...OPS.map((op) => triggerFunction(op, 'participation_by_school_profile')),
    'DROP TABLE participation_by_school',
  ],
  down: [
    `CREATE TABLE participation_by_school (
       academy text NOT NULL, uai text NOT NULL, day date NOT NULL, participants integer NOT NULL,
       PRIMARY KEY (academy, uai, day))`,
    `INSERT INTO participation_by_school (academy, uai, day, participants)
     SELECT academy, uai, day, sum(participants) FROM participation_by_school_profile GROUP BY 1, 2, 3 HAVING sum(participants) <> 0`,
    ...OPS.map((op) => triggerFunction(op, 'participation_by_school')),
    'DROP TABLE participation_by_school_profile',
  ],
});
