import { sqlMigration } from '@forma/persistence';

/**
 * Issue 23: a bilan covers a period (a school year, or sessions begun from one day to another); an export job keeps the
 * period it was asked for, so the file it produces later covers the same activity.
 */
export const ExportJobPeriod1764000005700 = sqlMigration('ExportJobPeriod1764000005700', {
  up: [
    `ALTER TABLE export_job ADD COLUMN period_from date, ADD COLUMN period_to date, ADD COLUMN school_year text,
       ADD CONSTRAINT export_job_period CHECK ((period_from IS NULL) = (period_to IS NULL) AND (school_year IS NULL OR period_from IS NOT NULL))`,
  ],
  down: [
    'ALTER TABLE export_job DROP CONSTRAINT export_job_period, DROP COLUMN period_from, DROP COLUMN period_to, DROP COLUMN school_year',
  ],
});
