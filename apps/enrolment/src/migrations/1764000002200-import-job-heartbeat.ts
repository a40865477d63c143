import { sqlMigration } from '@forma/persistence';

/**
 * A running import job says it is alive: `heartbeat_at` moves on while its process works on it. A job whose heartbeat
 * stopped is failed by whichever replica sweeps first, and only that one: a job another replica is running is left
 * alone.
 */
export const ImportJobHeartbeat1764000002200 = sqlMigration('ImportJobHeartbeat1764000002200', {
  up: [
    `
      ALTER TABLE import_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE import_job ADD COLUMN runner text;
      CREATE INDEX import_job_running ON import_job (heartbeat_at) WHERE state = 'running';
    `,
  ],
  down: [
    `
      DROP INDEX import_job_running;
      ALTER TABLE import_job DROP COLUMN runner;
      ALTER TABLE import_job DROP COLUMN heartbeat_at;
    `,
  ],
});
