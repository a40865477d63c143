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

  /**
   * Takes the oldest job waiting — queued, or claimed by a process longer ago than `leaseSeconds` (it died) — for this
   * process: `FOR UPDATE SKIP LOCKED`, so two instances never take the same one; its attempts are counted.
   */
  async claimNext(manager: EntityManager, leaseSeconds: number): Promise<{ id: string; attempts: number } | undefined> {
    const [taken] = (await manager.query(
      `WITH next AS (
         SELECT id FROM export_job
          WHERE state = 'queued' OR (state = 'running' AND claimed_at < now() - make_interval(secs => $1))
          ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1),
       taken AS (
         UPDATE export_job j SET state = 'running', attempts = j.attempts + 1, claimed_at = now()
           FROM next WHERE j.id = next.id
         RETURNING j.id, j.attempts)
       SELECT id, attempts FROM taken`,
      [leaseSeconds],
    )) as { id: string; attempts: number }[];
    return taken;
  }
}
