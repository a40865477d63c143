import { sqlMigration } from '@forma/persistence';

/**
 * Issue 23 (leak 4): the académie's secrecy decision now spans its places and its trainings (sessions, modules,
 * dispositifs, Canopé's offer), over the registrations by session, school and profile. Reading them to tell whether
 * the decision still stands would cost more than a bilan, so every change to what the decision is taken on bumps the
 * académie's `cube_version` in the same transaction (statement-level triggers on the registrations, the modules'
 * dispositif and origin, the schools' places); the decision is kept by that version.
 */
const SOURCES = [
  { table: 'fact_registration', changed: 'true' },
  {
    table: 'offer_module',
    changed: 'o.dispositif IS DISTINCT FROM n.dispositif OR o.origin IS DISTINCT FROM n.origin',
  },
  {
    table: 'school_replica',
    changed: 'o.department IS DISTINCT FROM n.department OR o.district IS DISTINCT FROM n.district',
  },
] as const;
export const OPS = ['INSERT', 'UPDATE', 'DELETE'] as const;

/** The statements of the trigger that bumps `cube_version` after `op` on `table` (also used by migration 6100). */
export function bump(table: string, op: (typeof OPS)[number], changed: string): string[] {
  const name = `${table}_cube_version_${op.toLowerCase()}`;
  const rows = { INSERT: 'SELECT academy FROM new_rows', DELETE: 'SELECT academy FROM old_rows', UPDATE: '' }[op];
  const key = {
    fact_registration: 'registration_id',
    offer_module: 'module_id',
    school_replica: 'uai',
    fact_session: 'session_id',
  }[table];
  const touched =
    op === 'UPDATE'
      ? `SELECT n.academy FROM new_rows n JOIN old_rows o USING (${key}) WHERE ${changed} UNION SELECT o.academy FROM new_rows n JOIN old_rows o USING (${key}) WHERE ${changed}`
      : rows;
  const transition = {
    INSERT: 'NEW TABLE AS new_rows',
    DELETE: 'OLD TABLE AS old_rows',
    UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
  }[op];
  return [
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO cube_version AS v (academy, version)
         SELECT academy, nextval('cube_version_seq') FROM (SELECT DISTINCT academy FROM (${touched}) t WHERE academy IS NOT NULL ORDER BY academy) d
         ON CONFLICT (academy) DO UPDATE SET version = nextval('cube_version_seq');
         RETURN NULL;
       END
     $$`,
    `CREATE TRIGGER ${name} AFTER ${op} ON ${table} REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
  ];
}

export const CubeVersion1764000006000 = sqlMigration('CubeVersion1764000006000', {
  up: [
    'CREATE SEQUENCE cube_version_seq',
    'CREATE TABLE cube_version (academy text PRIMARY KEY, version bigint NOT NULL)',
    "INSERT INTO cube_version (academy, version) SELECT academy, nextval('cube_version_seq') FROM (SELECT DISTINCT academy FROM fact_registration) a",
    'CREATE TABLE bi_decision (academy text PRIMARY KEY, version bigint NOT NULL)',
    ...SOURCES.flatMap(({ table, changed }) => OPS.flatMap((op) => bump(table, op, changed))),
  ],
  down: [
    ...SOURCES.flatMap(({ table }) =>
      OPS.flatMap((op) => [
        `DROP TRIGGER ${table}_cube_version_${op.toLowerCase()} ON ${table}`,
        `DROP FUNCTION ${table}_cube_version_${op.toLowerCase()}()`,
      ]),
    ),
    'DROP TABLE bi_decision',
    'DROP TABLE cube_version',
    'DROP SEQUENCE cube_version_seq',
  ],
});
