import { sqlMigration } from '@forma/persistence';

/**
 * A GAIA extract's source table (`ACA…`, `DEP…`) belongs to the académie that first imported it: another académie's
 * import of the same table is refused line by line (issue 13: a Paris import rewrote Guyane's session).
 */
export const GaiaSourceTable1764000001200 = sqlMigration('GaiaSourceTable1764000001200', {
  // the tables already imported belong to the académie of their sessions
  up: [
    `
      CREATE TABLE gaia_source_table (
        name text PRIMARY KEY,
        academy text NOT NULL REFERENCES academy (code),
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`,
    `
      INSERT INTO gaia_source_table (name, academy)
      SELECT DISTINCT ON (split_part(gaia_key, ':', 2)) split_part(gaia_key, ':', 2), academy FROM training_session
      WHERE gaia_key IS NOT NULL AND gaia_key NOT LIKE 'N:%' AND split_part(gaia_key, ':', 2) <> 'N'
      ORDER BY split_part(gaia_key, ':', 2), created_at
      ON CONFLICT DO NOTHING`,
  ],
  down: ['DROP TABLE gaia_source_table'],
});
