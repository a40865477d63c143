import { sqlMigration } from '@forma/persistence';

export const CreateTrainingModule1764000001000 = sqlMigration('CreateTrainingModule1764000001000', {
  up: [
    `
      CREATE TABLE training_module (
        id uuid PRIMARY KEY,
        revision integer NOT NULL CHECK (revision >= 1),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        title text NOT NULL,
        short_title text,
        kind text NOT NULL,
        category text NOT NULL,
        modality text NOT NULL,
        target_profiles text[] NOT NULL,
        face_to_face_hours numeric(6,2) NOT NULL CHECK (face_to_face_hours >= 0),
        distance_synchronous_hours numeric(6,2) NOT NULL CHECK (distance_synchronous_hours >= 0),
        distance_asynchronous_hours numeric(6,2) NOT NULL CHECK (distance_asynchronous_hours >= 0),
        max_participants_per_session integer CHECK (max_participants_per_session > 0),
        academy text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        row_version integer NOT NULL
      )`,
    'CREATE INDEX training_module_academy ON training_module (academy, created_at)',
  ],
  down: ['DROP TABLE training_module'],
});
