import { newId } from '@forma/domain';
import { Identity, sameAcademy } from '@forma/auth';
import { ImportCompleted, ImportFormat } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { DatabaseConnector } from '@forma/persistence';
import { WorkLoop } from '@forma/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ENROLMENT_SETTINGS, EnrolmentSettings } from '../enrolment.config';
import { foreignAcademy } from '../registrations/registration.errors';
import { RegistrationRepository } from '../registrations/registration.repository';
import { FileRefusal } from './csv-format';
import { ImportBatchWriter } from './import-batch.writer';
import { ImportJobRepository, ImportJobView } from './import-job.repository';
import { importNotFound } from './imports.errors';
import { readBatches, RowBatch } from './row-pipeline';
import { FileFacts, StoredUpload, UploadStorage } from './upload-storage';

export type { ImportJobView };

export interface ImportOptions {
  sessionId?: string;
  format?: ImportFormat;
  fileName?: string;
}

/** A job's heartbeat while it runs, and how long a silent one is given before it is failed as interrupted. */
const HEARTBEAT_MS = 10_000;
const STALE_AFTER_SECONDS = 60;

/**
 * Participant imports as jobs: the upload is stored and sniffed (`UploadStorage`) and refused whole if it is not a
 * CSV; the job is created (202) and runs in the background: the row pipeline streams batches, the batch writer commits
 * each in its own transaction, then `ImportCompleted` is published. A job runs in the process that stored its upload
 * (the file is on its disk: no other replica could read it), claimed by that process (`runner`); it beats while it
 * runs, and a job whose process died stops beating and is failed by the next sweep of any replica (never one another
 * replica is running) — not retried: its file went with its process. The sweep runs on the shared runner (`WorkLoop`).
 */
@Injectable()
export class ImportJobService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportJobService.name);
  private readonly running = new Map<string, Promise<void>>();
  private readonly runner = `${hostname()}:${process.pid}`;
  private readonly sweeper = new WorkLoop(
    async () => {
      await this.sweep();
      return false; // one sweep per beat
    },
    { name: 'imports', everyMs: HEARTBEAT_MS },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly storage: UploadStorage,
    private readonly writer: ImportBatchWriter,
    private readonly jobs: ImportJobRepository,
    private readonly registrations: RegistrationRepository,
    private readonly events: EventPublisher,
    @Inject(ENROLMENT_SETTINGS) private readonly settings: EnrolmentSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper.start(this.database.ready);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
    await Promise.allSettled(this.running.values());
  }

  /** Beats for this process's running jobs, and fails the jobs whose process stopped beating. */
  async sweep(): Promise<string[]> {
    try {
      await this.jobs.heartbeat([...this.running.keys()]);
      const failed = await this.jobs.failStale(STALE_AFTER_SECONDS);
      if (failed.length) this.logger.warn({ jobs: failed }, 'import jobs interrupted (no heartbeat): marked failed');
      return failed;
    } catch (error) {
      this.logger.warn({ err: error }, 'import job sweep failed; next one in 10 s');
      return [];
    }
  }

  /** Stores and sniffs the upload, creates the job and starts it; resolves once the job exists (202). */
  async start(body: Readable, options: ImportOptions, caller: Identity): Promise<ImportJobView> {
    const id = newId();
    const path = this.storage.pathFor(id);
    let upload: StoredUpload;
    let facts: FileFacts;
    try {
      upload = await this.storage.store(body, path);
      facts = await this.storage.sniff(upload, options.format);
      await this.checkSession(facts, options.sessionId, caller);
    } catch (error) {
      await this.storage.remove(path);
      throw error;
    }
    const job = { id, sessionId: options.sessionId ?? null, academy: caller.scope.academy, actor: caller.sub };
    await this.jobs.create({
      ...job,
      format: facts.layout.format,
      fileName: options.fileName ?? null,
      sha256: upload.sha256,
      bytes: upload.bytes,
      encoding: facts.encoding,
      delimiter: facts.delimiter,
      runner: this.runner,
    });
    const run = this.run(job, path, facts).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return this.jobs.view(id);
  }

  /** Resolves when the job has finished (tests, benchmarks). */
  async settled(id: string): Promise<ImportJobView> {
    await this.running.get(id);
    return this.jobs.view(id);
  }

  /** Deletes a finished job's rejected lines; a running job keeps them (409). */
  async deleteRejections(id: string, caller: Identity): Promise<{ id: string; deleted: number }> {
    const job = await this.view(id, caller);
    if (job.state === 'running')
      throw new FileRefusal(
        'conflict',
        'import_running',
        'L’import est en cours : ses rejets se suppriment une fois terminé.',
      );
    return { id, deleted: await this.jobs.deleteRejections(id) };
  }

  /** A job of the caller's académie (another's is not found). */
  async view(id: string, caller: Identity): Promise<ImportJobView> {
    const job = await this.jobs.view(id);
    if (job.academy !== caller.scope.academy) throw importNotFound(id);
    return job;
  }

  /**
   * The file must say which session, or the caller must; a named session must be known, and of the caller's académie.
   */
  private async checkSession(facts: FileFacts, sessionId: string | undefined, caller: Identity): Promise<void> {
    const gaiaSessions = facts.layout.format === 'gaia' || facts.layout.roles.includes('gaiaSession');
    if (!sessionId && !gaiaSessions) {
      throw new FileRefusal(
        'invalid',
        'missing_session',
        'Précisez la session (paramètre sessionId) : le fichier ne dit pas à quelle session inscrire.',
      );
    }
    if (!sessionId) return;
    const session = await this.registrations.sessionPlace(this.dataSource.manager, sessionId);
    if (!session) throw new FileRefusal('not_found', 'unknown_session', `Session inconnue : ${sessionId}.`);
    if (!sameAcademy(caller, session.academy)) throw foreignAcademy(session.academy);
  }

  private async run(
    job: { id: string; sessionId: string | null; academy: string; actor: string },
    path: string,
    facts: FileFacts,
  ): Promise<void> {
    // the batch being written, settled: nothing is reported or removed while it runs
    let writing: Promise<unknown> = Promise.resolve();
    try {
      const cap = this.settings.imports.maxRejections;
      // the next batch is read and checked while this one is written (a stream reads one batch ahead)
      const batches = Readable.from(readBatches(path, facts, job.sessionId, this.settings.imports.batchRows), {
        highWaterMark: 1,
      });
      // two batches are written at once: one writes its people while the one before writes its registrations and
      // commits (BatchTurn); a batch starts once the one before holds its people's locks and the one before that is
      // done
      let previous: Promise<boolean> = Promise.resolve(true);
      let stopped = false;
      for await (const batch of batches as AsyncIterable<RowBatch>) {
        let locked!: () => void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        const current = this.writer.write(job, batch.rows, batch.skipped, cap, { previous, locked });
        writing = current.catch(() => undefined);
        await Promise.race([lockTaken, writing]);
        if (!(await previous)) {
          stopped = true;
          break;
        }
        previous = current;
      }
      if (stopped || !(await previous)) {
        await writing;
        await this.jobs.fail(
          job.id,
          `Import arrêté : plus de ${cap} lignes rejetées. Les ${cap} premières sont gardées (voir les rejets) ; corrigez le fichier et relancez l’import. Les lignes acceptées avant l’arrêt sont conservées.`,
        );
        return;
      }
      await this.complete(job, facts);
    } catch (error) {
      await writing;
      this.logger.error({ err: error, job: job.id }, 'import failed');
      await this.jobs.fail(
        job.id,
        `Import interrompu : ${(error as Error).message}. Les lots déjà validés sont conservés ; relancez l’import (idempotent).`,
      );
    } finally {
      await this.storage.remove(path);
      await this.jobs.forgetSeen(job.id).catch(() => undefined);
    }
  }

  private async complete(
    job: { id: string; sessionId: string | null; academy: string },
    facts: FileFacts,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const done = await this.jobs.complete(manager, job.id);
      await this.events.publish(
        manager,
        ImportCompleted,
        {
          jobId: job.id,
          format: facts.layout.format,
          sessionId: job.sessionId,
          rowsRead: done.rowsRead,
          accepted: done.accepted,
          rejected: done.rejected,
          registrationsCreated: done.registrationsCreated,
          completedAt: new Date(done.finishedAt).toISOString(),
        },
        { academy: job.academy },
      );
    });
  }
}
