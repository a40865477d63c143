import { RuleViolation } from '@forma/domain';

/** The formats a bilan is exported in, their media type and extension. */
export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  pdf: { type: 'application/pdf', ext: 'pdf' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** A job's steps: compute the figures (secrecy applied), lay out the document, store it. */
export const EXPORT_STEPS = ['figures', 'document', 'stored'] as const;

export type ExportState = 'queued' | 'running' | 'done' | 'failed';

export interface ExportJobRow {
  id: string;
  academy: string;
  requestedBy: string;
  state: ExportState;
  stepsDone: number;
  stepsTotal: number;
}

/** Progress as people read it: steps done, of how many, and the percentage. */
export function progressOf(job: Pick<ExportJobRow, 'stepsDone' | 'stepsTotal'>): {
  done: number;
  total: number;
  percent: number;
} {
  return {
    done: job.stepsDone,
    total: job.stepsTotal,
    percent: job.stepsTotal ? Math.round((job.stepsDone / job.stepsTotal) * 100) : 0,
  };
}

/** A job is its requester's: to anyone else it does not exist. */
export function assertOwnJob(
  job: Pick<ExportJobRow, 'id' | 'academy' | 'requestedBy'> | null,
  caller: { sub: string; academy: string },
  id: string,
): asserts job {
  if (!job || job.requestedBy !== caller.sub || job.academy !== caller.academy) throw exportNotFound(id);
}

export function assertReady(job: Pick<ExportJobRow, 'state'>): void {
  if (job.state === 'failed') throw new RuleViolation('conflict', 'export_failed', "L'export a échoué : relancez-le.");
  if (job.state !== 'done')
    throw new RuleViolation('conflict', 'export_not_ready', "L'export n'est pas encore prêt : suivez sa progression.");
}

export const exportNotFound = (id: string) =>
  new RuleViolation('not_found', 'export_not_found', `Aucun export ${id} à votre nom.`);
