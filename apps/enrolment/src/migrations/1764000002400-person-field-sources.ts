import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each field of a person keeps its source and date (`{"grade": {"source": "import:<job>", "at": "..."}}`). */
export class PersonFieldSources1764000002400 implements MigrationInterface {
  name = 'PersonFieldSources1764000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ADD COLUMN field_sources jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant DROP COLUMN field_sources');
  }
}
