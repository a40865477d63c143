import { sqlMigration } from '@forma/persistence';

/**
 * Export jobs on the shared runner (issue 24): a claim has a time (a claim older than its lease is taken again by any
 * instance: its process died) and the attempts are counted (three, then the job fails).
 */
export const ExportJobClaims1764000006200 = sqlMigration('ExportJobClaims1764000006200', {
  up: ['ALTER TABLE export_job ADD COLUMN attempts integer NOT NULL DEFAULT 0, ADD COLUMN claimed_at timestamptz'],
  down: ['ALTER TABLE export_job DROP COLUMN attempts, DROP COLUMN claimed_at'],
});
