import { sqlMigration } from '@forma/persistence';

/**
 * Issue 23: the bilans' labels carry names, not codes: the departments' and districts' names come from the reference
 * data (`AreaDescribed`), kept here like every projection (rebuilt from the log).
 */
export const AreaNames1764000005900 = sqlMigration('AreaNames1764000005900', {
  up: [
    `CREATE TABLE area_name (
       level text NOT NULL CHECK (level IN ('department', 'district')),
       code text NOT NULL,
       academy text NOT NULL,
       name text NOT NULL,
       PRIMARY KEY (level, code))`,
  ],
  down: ['DROP TABLE area_name'],
});
