// The public API's two background jobs followed to their end through the typed client: a bilan's export (queued,
// running with its progress, done with its file) and a participants import (running, then completed or failed with
// its rejected lines). The CLI's `bilan` and `import`, and the demo, use them.
import type { FormaClient } from './index';
import type { components } from './forma-api';

export type ExportJob = components['schemas']['ExportJobView'];
export type ImportJob = components['schemas']['ImportJobView'];
export type BilanExportQuery = {
  level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
  code: string;
  format: 'csv' | 'xlsx' | 'pdf';
  asOf?: string;
  schoolYear?: string;
};

/** A refusal of the API: the status and the problem's French detail and stable code. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly problem: { code?: string; detail?: string } | undefined,
  ) {
    super(`${status} ${problem?.code ?? ''} ${problem?.detail ?? ''}`.trim());
  }
}

/** An answer's body, or the API's refusal (its status and problem). */
function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) throw new ApiRefusal(answer.response.status, answer.error as ApiRefusal['problem']);
  return answer.data;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(read: () => Promise<T>, finished: (t: T) => boolean, onProgress?: (t: T) => void): Promise<T> {
  for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
    const job = await read();
    onProgress?.(job);
    if (finished(job)) return job;
    await pause(wait);
  }
}

/** Asks for a bilan's export, follows the job (its progress told to `onProgress`) and returns the file's bytes. */
export async function exportBilan(
  client: FormaClient,
  query: BilanExportQuery,
  onProgress?: (job: ExportJob) => void,
): Promise<{ job: ExportJob; bytes: Uint8Array }> {
  const { id } = dataOf(await client.POST('/api/v1/reports/exports', { params: { query } }));
  const job = await poll(
    async () => dataOf(await client.GET('/api/v1/reports/exports/{id}', { params: { path: { id } } })),
    (j) => j.state === 'done' || j.state === 'failed',
    onProgress,
  );
  if (job.state === 'failed') throw new Error(`l’export a échoué : ${job.error ?? 'sans motif'}`);
  const file = await client.GET('/api/v1/reports/exports/{id}/file', {
    params: { path: { id } },
    parseAs: 'arrayBuffer',
  });
  if (!file.data) throw new ApiRefusal(file.response.status, undefined);
  return { job, bytes: new Uint8Array(file.data as ArrayBuffer) };
}

/**
 * Sends a participants file (GAIA's extract, Mailexport, a spreadsheet) and follows its import job to its end;
 * `rejections` is the CSV of its rejected lines (empty when none).
 */
export async function importParticipants(
  client: FormaClient,
  file: Uint8Array | string,
  query: { sessionId?: string; format?: 'gaia' | 'mailexport' | 'spreadsheet'; fileName?: string },
  onProgress?: (job: ImportJob) => void,
): Promise<{ job: ImportJob; rejections: string }> {
  const { id } = dataOf(
    await client.POST('/api/v1/enrolment-imports', {
      params: { query },
      body: file as string,
      bodySerializer: (body: unknown) => body as string,
      headers: { 'content-type': 'application/octet-stream' },
    }),
  );
  const job = await poll(
    async () => dataOf(await client.GET('/api/v1/enrolment-imports/{id}', { params: { path: { id } } })),
    (j) => j.state !== 'running',
    onProgress,
  );
  if (!job.rejected) return { job, rejections: '' };
  const csv = await client.GET('/api/v1/enrolment-imports/{id}/rejections.csv', {
    params: { path: { id } },
    parseAs: 'text',
  });
  return { job, rejections: typeof csv.data === 'string' ? csv.data : '' };
}
