import { sqlMigration } from '@forma/persistence';

/**
 * Anonymous evaluations (issue 14): who has answered and what was answered live in tables nothing joins. The answers
 * are only counters per session, item and value (no row per answer, no id, no time, no order): each answer adds one to
 * its values and zero to every other cell of the session in one statement, so every cell carries the same transaction
 * and no cell tells what the last respondent chose. The respondents' table has no time either.
 */
export const Evaluation1764000003100 = sqlMigration('Evaluation1764000003100', {
  up: [
    `
      CREATE TABLE evaluation (
        session_id uuid PRIMARY KEY,
        module_id uuid NOT NULL,
        academy text NOT NULL,
        items jsonb NOT NULL,
        answered boolean NOT NULL DEFAULT false,
        closed_on date
      );
      CREATE TABLE evaluation_respondent (
        session_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        PRIMARY KEY (session_id, registration_id)
      );
      CREATE TABLE evaluation_tally (
        session_id uuid NOT NULL,
        item text NOT NULL,
        value smallint NOT NULL,
        count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
        PRIMARY KEY (session_id, item, value)
      );
    `,
  ],
  down: ['DROP TABLE evaluation_tally, evaluation_respondent, evaluation'],
});
