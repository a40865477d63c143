import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A running import job says it is alive: `heartbeat_at` moves on while its process works on it. A job whose heartbeat
 * stopped is failed by whichever replica sweeps first, and only that one: a job another replica is running is left alone.
 */
export class ImportJobHeartbeat1764000002200 implements MigrationInterface {
  name = 'ImportJobHeartbeat1764000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE import_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE import_job ADD COLUMN runner text;
      CREATE INDEX import_job_running ON import_job (heartbeat_at) WHERE state = 'running';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX import_job_running;
      ALTER TABLE import_job DROP COLUMN runner;
      ALTER TABLE import_job DROP COLUMN heartbeat_at;
    `);
  }
}
