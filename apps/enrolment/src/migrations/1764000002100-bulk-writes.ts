import { sqlMigration } from '@forma/persistence';

/**
 * Bulk writes (issue 4's import of 100,000 rows): foreign keys whose check PostgreSQL runs row by row, on rows the
 * code writes in the same statement as the row they point to, cost half of each registration insert. They go:
 * - `registration_transition` and `convocation` → `registration`, and `participant_history` → `participant`: written
 *   with their parent in one statement (RegistrationRepository.insert, PeopleRepository.upsert); registrations and
 * people are never
 *   deleted (a registration is cancelled, not removed).
 * - `registration` → `session_replica`: every placement locks the session's replica row FOR UPDATE first and reads it;
 *   replica rows are never deleted (a cancelled session keeps its row with status `cancelled`).
 * `registration` → `participant` stays: people are written by a separate statement.
 */
export const BulkWrites1764000002100 = sqlMigration('BulkWrites1764000002100', {
  up: [
    `
      ALTER TABLE registration_transition DROP CONSTRAINT registration_transition_registration_id_fkey;
      ALTER TABLE convocation DROP CONSTRAINT convocation_registration_id_fkey;
      ALTER TABLE participant_history DROP CONSTRAINT participant_history_participant_id_fkey;
      ALTER TABLE registration DROP CONSTRAINT registration_session_id_fkey;
    `,
  ],
  down: [
    `
      ALTER TABLE registration ADD CONSTRAINT registration_session_id_fkey FOREIGN KEY (session_id) REFERENCES session_replica (session_id);
      ALTER TABLE participant_history ADD CONSTRAINT participant_history_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES participant (id);
      ALTER TABLE convocation ADD CONSTRAINT convocation_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES registration (id);
      ALTER TABLE registration_transition ADD CONSTRAINT registration_transition_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES registration (id);
    `,
  ],
});
