import { sha256Hex } from '@forma/domain';
import { Identity } from '@forma/auth';
import { csvBytes } from '@forma/http';
import { DatabaseConnector } from '@forma/persistence';
import { WorkLoop } from '@forma/platform';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BILAN_CSV_HEADER, bilanCsvRows, bilanFileStem, bilanPdf, bilanXlsx } from '../bilans/bilan-documents';
import { BilanLevel } from '../bilans/bilan-scope.policy';
import { BilanRequest, BilanService } from '../bilans/bilan.service';
import { Bilan } from '../bilans/bilan.rules';
import { ExportJob, ExportJobRepository } from './export-job.repository';
import { assertOwnJob, assertReady, EXPORT_FORMATS, EXPORT_STEPS, ExportFormat } from './export-job.rules';

/** A claim older than this is a dead process's: the job is taken again (an export takes seconds). */
const LEASE_SECONDS = 600;
/** A job taken this many times without finishing fails. */
const MAX_ATTEMPTS = 3;

/**
 * Bilan exports as jobs: the area is authorised when the export is asked (a refusal stores nothing), then a job runs
 * step by step (figures, document, stored), its progress readable at each step, and its file kept for its requester
 * with its SHA-256. The jobs run on the shared runner (`WorkLoop`): asking wakes it; any instance takes the oldest job
 * waiting (`claimNext`: never one another instance holds; a claim older than the lease is taken again), three
 * attempts at most.
 */
@Injectable()
export class ExportJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('exports');
  private readonly loop = new WorkLoop(() => this.runNext(), { name: 'exports', everyMs: 10_000 });

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly jobs: ExportJobRepository,
    private readonly bilans: BilanService,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.database.ready);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async request(caller: Identity, request: BilanRequest, format: ExportFormat): Promise<ExportJob> {
    const area = await this.bilans.authorise(caller, request);
    const id = randomUUID();
    await this.jobs.create(this.dataSource.manager, {
      id,
      requestedBy: caller.sub,
      ...area,
      format,
      stepsTotal: EXPORT_STEPS.length,
    });
    this.loop.wake();
    return (await this.jobs.get(this.dataSource.manager, id))!;
  }

  async get(caller: Identity, id: string): Promise<ExportJob> {
    const job = await this.jobs.get(this.dataSource.manager, id);
    assertOwnJob(job, { sub: caller.sub, academy: caller.scope.academy }, id);
    return job;
  }

  async file(caller: Identity, id: string): Promise<{ job: ExportJob; bytes: Buffer }> {
    const job = await this.get(caller, id);
    assertReady(job);
    return { job, bytes: await this.jobs.file(this.dataSource.manager, id) };
  }

  /** Takes the oldest job waiting and runs it; false when none waits. */
  async runNext(): Promise<boolean> {
    const manager = this.dataSource.manager;
    const claimed = await this.jobs.claimNext(manager, LEASE_SECONDS);
    if (!claimed) return false;
    const { id, attempts } = claimed;
    if (attempts > MAX_ATTEMPTS) {
      await this.jobs.fail(manager, id, `interrompu ${MAX_ATTEMPTS} fois (arrêts du service)`);
      return true;
    }
    try {
      const job = (await this.jobs.get(manager, id))!;
      const bilan = await this.bilans.compute({
        level: job.level as BilanLevel,
        code: job.code,
        label: job.label,
        academy: job.academy,
        asOf: job.asOf,
        period: job.period,
      });
      await this.jobs.progress(manager, id, 'running', 1);
      const bytes = await render(bilan, job.format);
      await this.jobs.progress(manager, id, 'running', 2);
      const name = `${bilanFileStem(bilan)}.${EXPORT_FORMATS[job.format].ext}`;
      await this.jobs.finish(manager, id, { bytes, name, sha256: sha256Hex(bytes) }, EXPORT_STEPS.length);
    } catch (error) {
      this.logger.error(`export ${id} failed: ${(error as Error).message}`);
      await this.jobs.fail(manager, id, (error as Error).message).catch(() => undefined);
    }
    return true;
  }
}

function render(bilan: Bilan, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return Promise.resolve(csvBytes(BILAN_CSV_HEADER, bilanCsvRows(bilan)));
    case 'xlsx':
      return bilanXlsx(bilan);
    case 'pdf':
      return bilanPdf(bilan);
  }
}
