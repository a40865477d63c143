import { sqlMigration } from '@forma/persistence';

/**
 * Issue 16: the ENT training plan of seed 001, owned by the catalog. A deployment wave of an académie's school year
 * holds its lines (module x target profile, with forecast headcount, sessions, trainers and hours); a revision replaces
 * the wave as a whole, under optimistic locking, and is published as DeploymentWavePlanned.
 */
export const TrainingPlan1764000001300 = sqlMigration('TrainingPlan1764000001300', {
  up: [
    `
      CREATE TABLE deployment_wave (
        id uuid PRIMARY KEY,
        academy text NOT NULL REFERENCES academy (code),
        school_year text NOT NULL,
        code text NOT NULL,
        label text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        train_the_trainers boolean NOT NULL,
        lines jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        row_version integer NOT NULL,
        UNIQUE (academy, school_year, code),
        CHECK (starts_on <= ends_on)
      )`,
  ],
  down: ['DROP TABLE deployment_wave'],
});
