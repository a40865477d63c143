import { sqlMigration } from '@forma/persistence';

/** Each field of a person keeps its source and date (`{"grade": {"source": "import:<job>", "at": "..."}}`). */
export const PersonFieldSources1764000002400 = sqlMigration('PersonFieldSources1764000002400', {
  up: [`ALTER TABLE participant ADD COLUMN field_sources jsonb NOT NULL DEFAULT '{}'`],
  down: ['ALTER TABLE participant DROP COLUMN field_sources'],
});
