import { sqlMigration } from '@forma/persistence';

/** A workshop plan belongs to the scope that made it (a school, a district, the académie): it names teachers. */
export const WorkshopPlanOwner1764000002600 = sqlMigration('WorkshopPlanOwner1764000002600', {
  up: [
    `
      ALTER TABLE workshop_plan ADD COLUMN owner_level text NOT NULL DEFAULT 'academie', ADD COLUMN owner_code text;
      UPDATE workshop_plan SET owner_code = academy;
      ALTER TABLE workshop_plan ALTER COLUMN owner_code SET NOT NULL, ALTER COLUMN owner_level DROP DEFAULT;
    `,
  ],
  down: ['ALTER TABLE workshop_plan DROP COLUMN owner_level, DROP COLUMN owner_code;'],
});
