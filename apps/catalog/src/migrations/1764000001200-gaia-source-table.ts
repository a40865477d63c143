import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A GAIA extract's source table (`ACA…`, `DEP…`) belongs to the académie that first imported it: another académie's
 * import of the same table is refused line by line (issue 13: a Paris import rewrote Guyane's session).
 */
export class GaiaSourceTable1764000001200 implements MigrationInterface {
  name = 'GaiaSourceTable1764000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gaia_source_table (
        name text PRIMARY KEY,
        academy text NOT NULL REFERENCES academy (code),
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // the tables already imported belong to the académie of their sessions
    await q.query(`
      INSERT INTO gaia_source_table (name, academy)
      SELECT DISTINCT ON (split_part(gaia_key, ':', 2)) split_part(gaia_key, ':', 2), academy FROM training_session
      WHERE gaia_key IS NOT NULL AND gaia_key NOT LIKE 'N:%' AND split_part(gaia_key, ':', 2) <> 'N'
      ORDER BY split_part(gaia_key, ':', 2), created_at
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE gaia_source_table');
  }
}
