import { sqlMigration } from '@forma/persistence';

/**
 * Issue 16: the ENT training plan (seed 001), as catalog publishes it (DeploymentWavePlanned), every revision kept so
 * that a bilan as of a past day sets the realised against the plan as it stood then. A registration also keeps the
 * target profile of the plan its GAIA function maps to (`target_profile`, null when none does).
 */
export const TrainingPlan1764000005300 = sqlMigration('TrainingPlan1764000005300', {
  up: [
    `CREATE TABLE plan_wave (
       wave_id uuid NOT NULL,
       revision integer NOT NULL,
       academy text NOT NULL,
       school_year text NOT NULL,
       code text NOT NULL,
       label text NOT NULL,
       starts_on date NOT NULL,
       ends_on date NOT NULL,
       train_the_trainers boolean NOT NULL,
       planned_on date NOT NULL,
       PRIMARY KEY (wave_id, revision))`,
    'CREATE INDEX plan_wave_academy ON plan_wave (academy, planned_on)',
    `CREATE TABLE plan_line (
       wave_id uuid NOT NULL,
       revision integer NOT NULL,
       module_id uuid NOT NULL,
       profile text NOT NULL,
       headcount integer NOT NULL,
       sessions integer NOT NULL,
       trainers integer NOT NULL,
       hours numeric(12,2) NOT NULL,
       PRIMARY KEY (wave_id, revision, module_id, profile))`,
    'ALTER TABLE fact_registration ADD COLUMN target_profile text',
    'CREATE INDEX fact_registration_module ON fact_registration (module_id, target_profile)',
  ],
  down: [
    'DROP INDEX fact_registration_module',
    'ALTER TABLE fact_registration DROP COLUMN target_profile',
    'DROP TABLE plan_line, plan_wave',
  ],
});
