import { preparedQuery } from '@forma/persistence';
import { ImportFormat } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Rejection } from './import-rows';
import { importNotFound } from './imports.errors';

/** What one batch adds to its job's counters. */
export interface BatchCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  peopleCreated: number;
  peopleUpdated: number;
  registrationsCreated: number;
  waitlisted: number;
}

export interface ImportJobView extends BatchCounts {
  id: string;
  format: ImportFormat;
  sessionId: string | null;
  state: 'running' | 'completed' | 'failed';
  encoding: string | null;
  delimiter: string | null;
  academy: string;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface NewImportJob {
  id: string;
  format: ImportFormat;
  sessionId: string | null;
  fileName: string | null;
  sha256: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  academy: string;
  actor: string;
  runner: string;
}

export interface RejectionRow {
  row: number;
  code: string;
  field: string | null;
  message: string;
  cells: string[];
}

const JOB_SELECT = `SELECT id, format, session_id AS "sessionId", state, encoding, delimiter, academy, rows_read AS "rowsRead",
  accepted, rejected, people_created AS "peopleCreated", people_updated AS "peopleUpdated",
  registrations_created AS "registrationsCreated", waitlisted, error, created_at AS "createdAt", finished_at AS "finishedAt"
  FROM import_job`;

/** Joins a row's cells for one text[] parameter (string_to_array on the server): no cell holds it. */
const UNIT_SEPARATOR = '\u001f';

/** Import jobs, their rejections and the "already met" pairs of a re-import, as SQL. */
@Injectable()
export class ImportJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(job: NewImportJob): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO import_job (id, format, session_id, file_name, file_sha256, file_bytes, encoding, delimiter, state, academy, actor, runner)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'running', $9, $10, $11)`,
      [
        job.id,
        job.format,
        job.sessionId,
        job.fileName,
        job.sha256,
        job.bytes,
        job.encoding,
        job.delimiter,
        job.academy,
        job.actor,
        job.runner,
      ],
    );
  }

  async view(id: string): Promise<ImportJobView> {
    const [job] = (await this.dataSource.query(`${JOB_SELECT} WHERE id = $1`, [id])) as ImportJobView[];
    if (!job) throw importNotFound(id);
    return job;
  }

  /** A page of rejections after row `after`, in row order. */
  rejections(id: string, after: number, limit: number): Promise<RejectionRow[]> {
    return this.dataSource.query(
      `SELECT row_number AS "row", code, field, message, cells FROM import_rejection
       WHERE job_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
      [id, after, limit],
    );
  }

  /** The jobs still being worked on say so. */
  async heartbeat(ids: string[]): Promise<void> {
    if (ids.length)
      await this.dataSource.query(
        `UPDATE import_job SET heartbeat_at = now() WHERE id = ANY($1::uuid[]) AND state = 'running'`,
        [ids],
      );
  }

  /**
   * Fails the running jobs whose heartbeat stopped more than `staleAfterSeconds` ago (their process died), whichever
   * replica ran them; a job another live replica is running keeps beating and is left alone. Returns their ids.
   */
  async failStale(staleAfterSeconds: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `UPDATE import_job SET state = 'failed', error = 'Import interrompu (arrêt du service) : relancez-le, il est idempotent.', finished_at = now()
       WHERE state = 'running' AND heartbeat_at < now() - make_interval(secs => $1) RETURNING id`,
      [staleAfterSeconds],
    )) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, error],
    );
  }

  /**
   * Adds a batch's counts to its job and returns how many lines the job had rejected before this batch (which records
   * its own up to the cap), in one statement under the job's row lock. It is the batch's last statement, and tells
   * PostgreSQL for this transaction that its commit need not wait for the WAL flush: a batch lost to a crash is redone
   * by re-importing (idempotent).
   */
  async addBatch(manager: EntityManager, id: string, c: BatchCounts): Promise<number> {
    const [rows] = (await preparedQuery(
      manager,
      `UPDATE import_job SET rows_read = rows_read + $2, accepted = accepted + $3, rejected = rejected + $4,
         people_created = people_created + $5, people_updated = people_updated + $6,
         registrations_created = registrations_created + $7, waitlisted = waitlisted + $8, heartbeat_at = now()
         FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed
       WHERE id = $1 RETURNING rejected - $4 AS "rejectedBefore"`,
      [id, c.rowsRead, c.accepted, c.rejected, c.peopleCreated, c.peopleUpdated, c.registrationsCreated, c.waitlisted],
    )) as [{ rejectedBefore: number }[], number];
    return rows[0]?.rejectedBefore ?? 0;
  }

  async complete(
    manager: EntityManager,
    id: string,
  ): Promise<{ rowsRead: number; accepted: number; rejected: number; registrationsCreated: number; finishedAt: Date }> {
    const [rows] = (await preparedQuery(
      manager,
      `UPDATE import_job SET state = 'completed', finished_at = now() WHERE id = $1
       RETURNING rows_read AS "rowsRead", accepted, rejected, registrations_created AS "registrationsCreated", finished_at AS "finishedAt"`,
      [id],
    )) as [
      { rowsRead: number; accepted: number; rejected: number; registrationsCreated: number; finishedAt: Date }[],
      number,
    ];
    return rows[0];
  }

  /** Deletes a finished job's rejected lines (an administrator's clean-up); returns how many. */
  async deleteRejections(id: string): Promise<number> {
    const [rows] = (await this.dataSource.query('DELETE FROM import_rejection WHERE job_id = $1 RETURNING 1', [
      id,
    ])) as [unknown[], number];
    return rows.length;
  }

  async recordRejections(manager: EntityManager, jobId: string, rejections: Rejection[]): Promise<void> {
    if (!rejections.length) return;
    await preparedQuery(
      manager,
      `INSERT INTO import_rejection (job_id, row_number, code, field, message, cells)
       SELECT $1, r, c, f, m, string_to_array(x, E'\\x1f') FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(r, c, f, m, x)
       ON CONFLICT (job_id, row_number) DO NOTHING`,
      [
        jobId,
        rejections.map((r) => r.row),
        rejections.map((r) => r.code),
        rejections.map((r) => r.field),
        rejections.map((r) => r.message),
        rejections.map((r) => r.cells.map((c) => c.split(UNIT_SEPARATOR).join(' ')).join(UNIT_SEPARATOR)),
      ],
    );
  }

  /** Sessions named by GAIA ids, in the caller's académie only (GAIA numbers its sessions per académie). */
  async sessionsByGaiaId(manager: EntityManager, ids: number[], academy: string): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = (await preparedQuery(
      manager,
      `SELECT gaia_session_id AS "gaiaId", session_id AS "sessionId" FROM session_replica
       WHERE gaia_session_id = ANY($1::int[]) AND academy = $2 ORDER BY session_id`,
      [ids, academy],
    )) as { gaiaId: number; sessionId: string }[];
    const map = new Map<number, string>();
    for (const r of rows) if (!map.has(r.gaiaId)) map.set(r.gaiaId, r.sessionId);
    return map;
  }

  /** Live registrations for (session, mail key) pairs, with the job that made each (null: not an import). */
  async liveRegistrationsFor(
    manager: EntityManager,
    pairs: { target: string; mailKey: string }[],
  ): Promise<{ target: string; mailKey: string; jobId: string | null }[]> {
    if (!pairs.length) return [];
    return preparedQuery(
      manager,
      // one index probe per pair (LIMIT keeps the planner from hashing the whole participant table for each batch,
      // which made an import's batches slower as it went)
      `SELECT u.target, u.mail_key AS "mailKey", r.import_job_id AS "jobId"
       FROM unnest($1::uuid[], $2::text[]) AS u(target, mail_key)
       CROSS JOIN LATERAL (SELECT id FROM participant WHERE mail_key = u.mail_key LIMIT 1) p
       CROSS JOIN LATERAL (
         SELECT import_job_id FROM registration
         WHERE participant_id = p.id AND session_id = u.target AND state <> 'cancelled' LIMIT 1) r`,
      [pairs.map((p) => p.target), pairs.map((p) => p.mailKey)],
    );
  }

  /** Notes pairs met by this job; returns those met for the first time (the others were met by an earlier row). */
  async markSeen(
    manager: EntityManager,
    jobId: string,
    pairs: { target: string; mailKey: string }[],
  ): Promise<{ target: string; mailKey: string }[]> {
    if (!pairs.length) return [];
    return preparedQuery(
      manager,
      `INSERT INTO import_seen (job_id, target, mail_key) SELECT $1, t, m FROM unnest($2::text[], $3::text[]) AS u(t, m)
       ON CONFLICT DO NOTHING RETURNING target, mail_key AS "mailKey"`,
      [jobId, pairs.map((p) => p.target), pairs.map((p) => p.mailKey)],
    );
  }

  async forgetSeen(jobId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM import_seen WHERE job_id = $1', [jobId]);
  }
}
