import { sqlMigration } from '@forma/persistence';

/**
 * Seed 004's practice phase: hot impressions at the end of a workshop and cold ones days later (one of each per
 * participant), the teachers a trainer flags as referents, and the académie's pool of facilitator teachers.
 */
export const FeedbackReferents1764000003200 = sqlMigration('FeedbackReferents1764000003200', {
  up: [
    `
      CREATE TABLE feedback (
        session_id uuid NOT NULL,
        registration_id uuid NOT NULL REFERENCES roster (registration_id),
        moment text NOT NULL CHECK (moment IN ('hot', 'cold')),
        text text NOT NULL,
        given_on date NOT NULL DEFAULT current_date,
        PRIMARY KEY (registration_id, moment)
      );
      CREATE INDEX feedback_session ON feedback (session_id, moment);
      CREATE TABLE referent (
        session_id uuid NOT NULL,
        registration_id uuid NOT NULL REFERENCES roster (registration_id),
        concern text NOT NULL,
        flagged_by text NOT NULL,
        flagged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (registration_id, concern)
      );
      CREATE TABLE facilitator (
        academy text NOT NULL,
        mail text NOT NULL,
        name text NOT NULL,
        concerns text[] NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (academy, mail)
      );
    `,
  ],
  down: ['DROP TABLE facilitator, referent, feedback'],
});
