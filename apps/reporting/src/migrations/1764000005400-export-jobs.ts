import { sqlMigration } from '@forma/persistence';

/**
 * Issue 16: a bilan export can run as a job: queued, running with its progress (steps done of steps), done with its
 * file
 * (and the file's SHA-256) kept for its requester, or failed with the reason. The area was authorised when it was
 * asked.
 */
export const ExportJobs1764000005400 = sqlMigration('ExportJobs1764000005400', {
  up: [
    `CREATE TABLE export_job (
       id uuid PRIMARY KEY,
       academy text NOT NULL,
       requested_by text NOT NULL,
       level text NOT NULL,
       code text NOT NULL,
       label text NOT NULL,
       as_of date,
       format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
       state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
       steps_done integer NOT NULL DEFAULT 0,
       steps_total integer NOT NULL,
       error text,
       file bytea,
       file_name text,
       sha256 text,
       created_at timestamptz NOT NULL DEFAULT now(),
       finished_at timestamptz)`,
    "CREATE INDEX export_job_unfinished ON export_job (created_at) WHERE state IN ('queued', 'running')",
  ],
  down: ['DROP TABLE export_job'],
});
