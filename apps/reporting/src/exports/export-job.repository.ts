import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BilanPeriod } from '../bilans/bilan.rules';
import { ExportFormat, ExportJobRow, ExportState } from './export-job.rules';

export interface ExportJob extends ExportJobRow {
  level: string;
  code: string;
  label: string;
  asOf: string | null;
  period: BilanPeriod | null;
  format: ExportFormat;
  error: string | null;
  fileName: string | null;
  sha256: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, academy, requested_by AS "requestedBy", level, code, label, as_of::text AS "asOf",
  CASE WHEN period_from IS NULL THEN NULL ELSE json_build_object('from', period_from::text, 'to', period_to::text, 'schoolYear', school_year) END AS period, format, state, steps_done AS "stepsDone",
  steps_total AS "stepsTotal", error, file_name AS "fileName", sha256, created_at AS "createdAt", finished_at AS "finishedAt"`;

/** Export jobs: their state and progress, and the finished file. */
@Injectable()
export class ExportJobRepository {
  async create(
    manager: EntityManager,
    job: Pick<
      ExportJob,
      'id' | 'academy' | 'requestedBy' | 'level' | 'code' | 'label' | 'asOf' | 'period' | 'format' | 'stepsTotal'
    >,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO export_job (id, academy, requested_by, level, code, label, as_of, period_from, period_to, school_year, format, state, steps_total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'queued', $12)`,
      [
        job.id,
        job.academy,
        job.requestedBy,
        job.level,
        job.code,
        job.label,
        job.asOf,
        job.period?.from ?? null,
        job.period?.to ?? null,
        job.period?.schoolYear ?? null,
        job.format,
        job.stepsTotal,
      ],
    );
  }

  async get(manager: EntityManager, id: string): Promise<ExportJob | null> {
    return ((await manager.query(`SELECT ${COLUMNS} FROM export_job WHERE id = $1`, [id])) as ExportJob[])[0] ?? null;
  }

  async file(manager: EntityManager, id: string): Promise<Buffer> {
    return ((await manager.query('SELECT file FROM export_job WHERE id = $1', [id])) as { file: Buffer }[])[0].file;
  }

  async progress(manager: EntityManager, id: string, state: ExportState, stepsDone: number): Promise<void> {
    await manager.query('UPDATE export_job SET state = $2, steps_done = $3 WHERE id = $1', [id, state, stepsDone]);
  }

  async finish(
    manager: EntityManager,
    id: string,
    file: { bytes: Buffer; name: string; sha256: string },
    stepsDone: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE export_job SET state = 'done', steps_done = $5, file = $2, file_name = $3, sha256 = $4, finished_at = now() WHERE id = $1`,
      [id, file.bytes, file.name, file.sha256, stepsDone],
    );
  }

  async fail(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(`UPDATE export_job SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
      id,
      error,
    ]);
  }

  /** Takes a queued job for this process (false if another took it). */
  async claim(manager: EntityManager, id: string): Promise<boolean> {
    return (
      (
        (await manager.query(
          `WITH taken AS (UPDATE export_job SET state = 'running' WHERE id = $1 AND state = 'queued' RETURNING 1) SELECT count(*)::int AS n FROM taken`,
          [id],
        )) as { n: number }[]
      )[0].n === 1
    );
  }

  /** Queued jobs (left by a stopped instance, or asked while it stopped). */
  async queued(manager: EntityManager): Promise<string[]> {
    return (
      (await manager.query(`SELECT id FROM export_job WHERE state = 'queued' ORDER BY created_at`)) as { id: string }[]
    ).map((r) => r.id);
  }

  /** Fails the jobs left running by a process that stopped (an export takes seconds: ten minutes is a dead one). */
  async failAbandoned(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE export_job SET state = 'failed', error = 'interrompu (arrêt du service)', finished_at = now() WHERE state = 'running' AND created_at < now() - interval '10 minutes'`,
    );
  }
}
