import { sqlMigration } from '@forma/persistence';

/** RGPD: erased people are marked, and every read of personal data by an administrator is kept in an access log. */
export const PersonalData1764000002500 = sqlMigration('PersonalData1764000002500', {
  up: [
    `
      ALTER TABLE participant ADD COLUMN erased_at timestamptz;
      CREATE TABLE personal_data_access (
        id bigserial PRIMARY KEY,
        actor text NOT NULL,
        roles text[] NOT NULL,
        academy text NOT NULL,
        purpose text NOT NULL,
        participant_id uuid,
        session_id uuid,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX personal_data_access_participant ON personal_data_access (participant_id, at);
    `,
  ],
  down: ['DROP TABLE personal_data_access; ALTER TABLE participant DROP COLUMN erased_at;'],
});
