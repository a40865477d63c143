import { sqlMigration } from '@forma/persistence';

/**
 * What enrolment needs to check each caller's reach (docs/scopes.md): a session's trainers (by mail) and a school's
 * district and department, from the catalog's SessionScheduled and SchoolRegistered.
 */
export const ReplicaReach1764000002300 = sqlMigration('ReplicaReach1764000002300', {
  up: [
    `
      ALTER TABLE session_replica ADD COLUMN trainer_mails text[] NOT NULL DEFAULT '{}';
      ALTER TABLE school_replica ADD COLUMN district text, ADD COLUMN department text;
    `,
  ],
  down: [
    `
      ALTER TABLE school_replica DROP COLUMN department, DROP COLUMN district;
      ALTER TABLE session_replica DROP COLUMN trainer_mails;
    `,
  ],
});
