import { sqlMigration } from '@forma/persistence';
import { bump, OPS } from './1764000006000-cube-version';

/**
 * Issue 23 (leak 4): the BI feed's session cells follow the académie's secrecy decision, which takes seconds at a large
 * académie's scale: too long for the projection's transaction. The projection only notes the sessions its events
 * touched (`bi_pending_session`); the feed's publisher (`BiSessionPublisher`) decides outside any transaction, then
 * publishes them, or every session of the académie when the decision's cube moved, in one transaction.
 *
 * The cube joins the registrations to their session (its module, its first day for a period): a session projected
 * after its registrations (the catalog's and enrolment's topics are read concurrently) changes the cube too, so the
 * sessions bump `cube_version` like the registrations (a decision kept under a version must be the cube's at it).
 */
export const BiPendingSessions1764000006100 = sqlMigration('BiPendingSessions1764000006100', {
  up: [
    'CREATE TABLE bi_pending_session (session_id uuid PRIMARY KEY, academy text NOT NULL)',
    'CREATE INDEX bi_pending_session_academy ON bi_pending_session (academy)',
    'INSERT INTO bi_pending_session (session_id, academy) SELECT session_id, academy FROM fact_session',
    ...OPS.flatMap((op) =>
      bump('fact_session', op, 'o.module_id IS DISTINCT FROM n.module_id OR o.first_day IS DISTINCT FROM n.first_day'),
    ),
  ],
  down: [
    ...OPS.flatMap((op) => [
      `DROP TRIGGER fact_session_cube_version_${op.toLowerCase()} ON fact_session`,
      `DROP FUNCTION fact_session_cube_version_${op.toLowerCase()}()`,
    ]),
    'DROP TABLE bi_pending_session',
  ],
});
