import { sqlMigration } from '@forma/persistence';

/**
 * Issue 16: the Canopé territorial directorates (from `CanopeDtDescribed`), a dimension of the bilans: a `canope-dt`
 * bilan names a DT that serves the caller's académie, and its label is the DT's name. Rebuilt from the log like any
 * projection.
 */
export const CanopeDt1764000005500 = sqlMigration('CanopeDt1764000005500', {
  up: [
    `CREATE TABLE canope_dt (
       code text PRIMARY KEY,
       name text NOT NULL,
       academies text[] NOT NULL
     )`,
  ],
  down: ['DROP TABLE canope_dt'],
});
