import { Identity } from '@forma/auth';
import { ImportCompleted, ImportFormat } from '@forma/contracts';
import { ProblemError } from '@forma/http';
import { EventPublisher } from '@forma/messaging';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { upsertPeople } from '../people/people.store';
import { checkPerson, mailKey, PersonInput } from '../people/person';
import { RegistrationDesk } from '../registrations/registration-desk';
import { retryingTransaction, unknownSchools } from '../registrations/registration-commands.service';
import { assertText, detectDelimiter, detectEncoding, FileEncoding, FileRefusal, firstLine, looksLikeGaia, mapHeader } from './csv-format';
import { interpretRow, RowLayout, RowProblem } from './import-row';

export interface ImportOptions {
  sessionId?: string;
  format?: ImportFormat;
  fileName?: string;
}

export interface ImportJobView {
  id: string;
  format: ImportFormat;
  sessionId: string | null;
  state: 'running' | 'completed' | 'failed';
  encoding: string | null;
  delimiter: string | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  peopleCreated: number;
  peopleUpdated: number;
  registrationsCreated: number;
  waitlisted: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface Job {
  id: string;
  layout: RowLayout;
  encoding: FileEncoding;
  delimiter: string;
  sessionId: string | null;
  path: string;
  academy: string;
  actor: string;
  hasHeader: boolean;
}

interface Row {
  number: number;
  cells: string[];
}

interface Candidate {
  row: Row;
  person: PersonInput;
  target?: string;
  gaiaSessionId?: number;
}

/** A row after the checks that need no database: a candidate, or its problem. */
type Checked = Candidate | { row: Row; problem: RowProblem };

function checkRow(job: Job, row: Row): Checked {
  const interpreted = interpretRow(job.layout, row.cells);
  if ('problem' in interpreted) return { row, problem: interpreted.problem };
  const problem = checkPerson(interpreted.person);
  if (problem) return { row, problem: { code: problem.code, field: problem.field, message: problem.message } };
  return { row, person: interpreted.person, gaiaSessionId: interpreted.gaiaSessionId, target: job.sessionId ?? undefined };
}

interface Rejection extends RowProblem {
  row: number;
  cells: string[];
}

const SAMPLE_BYTES = 64 * 1024;
const BATCH_ROWS = Number(process.env.IMPORT_BATCH_ROWS ?? 5000);
const MAX_BYTES = Number(process.env.IMPORT_MAX_BYTES ?? 1024 * 1024 * 1024);
const MAX_CELL = 500;
/** Joins a row's cells for one text[] parameter (string_to_array on the server): no cell holds it. */
const UNIT_SEPARATOR = '\u001f';

export const JOB_SELECT = `SELECT id, format, session_id AS "sessionId", state, encoding, delimiter, rows_read AS "rowsRead",
  accepted, rejected, people_created AS "peopleCreated", people_updated AS "peopleUpdated",
  registrations_created AS "registrationsCreated", waitlisted, error, created_at AS "createdAt", finished_at AS "finishedAt"
  FROM import_job`;

/**
 * Participant imports as jobs. The upload is streamed to a temporary file (hashed on the way), sniffed (text?
 * encoding? delimiter? GAIA or a header?) and refused whole if it is not CSV; then the job answers 202 and runs:
 * csv-parse streams the rows, batches of `IMPORT_BATCH_ROWS` are checked and written with multi-row statements in one
 * transaction each (people, registrations, events, convocations, rejections, progress), so memory stays flat and a
 * failure keeps every batch already committed. Re-importing a file finds everyone registered: nothing changes.
 */
@Injectable()
export class ImportJobService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportJobService.name);
  private readonly running = new Map<string, Promise<void>>();
  private readonly directory = process.env.IMPORT_DIR ?? join(tmpdir(), 'forma-imports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly desk: RegistrationDesk,
    private readonly events: EventPublisher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  /** Jobs a stopped process left running: failed, with a message (a re-import finishes them: it is idempotent). */
  async failInterrupted(): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET state = 'failed', error = 'Import interrompu (arrêt du service) : relancez-le, il est idempotent.', finished_at = now()
       WHERE state = 'running'`,
    );
  }

  /** Stores and sniffs the upload, creates the job and starts it; resolves once the job exists (202). */
  async start(body: Readable, options: ImportOptions, caller: Identity): Promise<ImportJobView> {
    const id = uuidv7();
    const path = join(this.directory, `${id}.csv`);
    try {
      const { sha256, bytes } = await this.store(body, path);
      if (bytes === 0) throw new FileRefusal(400, 'empty_file', 'Le fichier envoyé est vide.');
      const job = await this.sniff(id, path, options, caller);
      await this.dataSource.query(
        `INSERT INTO import_job (id, format, session_id, file_name, file_sha256, file_bytes, encoding, delimiter, state, academy, actor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'running', $9, $10)`,
        [id, job.layout.format, job.sessionId, options.fileName ?? null, sha256, bytes, job.encoding, job.delimiter, job.academy, job.actor],
      );
      const run = this.run(job).finally(() => this.running.delete(id));
      this.running.set(id, run);
      return this.view(id);
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof FileRefusal) {
        throw new ProblemError(error.status, error.code, error.message, [{ field: 'file', rule: error.code, message: error.message }]);
      }
      throw error;
    }
  }

  /** Resolves when the job has finished (tests, benchmarks). */
  async settled(id: string): Promise<ImportJobView> {
    await this.running.get(id);
    return this.view(id);
  }

  async view(id: string): Promise<ImportJobView> {
    const [job] = (await this.dataSource.query(`${JOB_SELECT} WHERE id = $1`, [id])) as ImportJobView[];
    if (!job) throw new ProblemError(404, 'import_not_found', `Import introuvable : ${id}.`);
    return job;
  }

  private async store(body: Readable, path: string): Promise<{ sha256: string; bytes: number }> {
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > MAX_BYTES) {
          done(new FileRefusal(413, 'file_too_large', `Fichier trop volumineux (plus de ${Math.round(MAX_BYTES / 1024 / 1024)} Mo).`));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(body, meter, createWriteStream(path));
    return { sha256: hash.digest('hex'), bytes };
  }

  private async sniff(id: string, path: string, options: ImportOptions, caller: Identity): Promise<Job> {
    const handle = await open(path, 'r');
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0);
    await handle.close();
    const head = sample.subarray(0, bytesRead);
    assertText(head);
    const encoding = detectEncoding(head);
    const line = firstLine(iconv.decode(head, encoding));
    if (!line) throw new FileRefusal(422, 'empty_file', 'Le fichier ne contient aucune ligne.');
    const delimiter = detectDelimiter(line);
    const cells = await parseLine(line, delimiter);
    let layout: RowLayout;
    let hasHeader = true;
    if (options.format === 'gaia' || (!options.format && looksLikeGaia(cells, delimiter))) {
      if (delimiter !== '|') throw new FileRefusal(422, 'not_gaia', 'Un extrait GAIA est séparé par des barres verticales (|).');
      layout = { format: 'gaia', roles: [] };
      hasHeader = false;
    } else {
      const header = mapHeader(cells);
      layout = { format: options.format ?? header.format, roles: header.roles };
    }
    const sessionId = options.sessionId ?? null;
    const gaiaSessions = layout.format === 'gaia' || layout.roles.includes('gaiaSession');
    if (!sessionId && !gaiaSessions) {
      throw new FileRefusal(422, 'missing_session', 'Précisez la session (paramètre sessionId) : le fichier ne dit pas à quelle session inscrire.');
    }
    if (sessionId) {
      const [known] = (await this.dataSource.query('SELECT 1 FROM session_replica WHERE session_id = $1', [sessionId])) as unknown[];
      if (!known) throw new FileRefusal(404, 'unknown_session', `Session inconnue : ${sessionId}.`);
    }
    return { id, layout, encoding, delimiter, sessionId, path, academy: caller.scope.academy, actor: caller.sub, hasHeader };
  }

  private async run(job: Job): Promise<void> {
    try {
      const parser = parse({
        delimiter: job.delimiter,
        bom: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_empty_values: true,
        skip_records_with_error: true,
        info: true,
        max_record_size: 64 * 1024,
      });
      const skipped: Rejection[] = [];
      parser.on('skip', (error: Error & { lines?: number }) => {
        skipped.push({ row: error.lines ?? 0, code: 'malformed_row', field: null, message: `Ligne illisible : ${error.message}`, cells: [] });
      });
      const source = createReadStream(job.path).pipe(iconv.decodeStream(job.encoding)).pipe(parser);
      let batch: Checked[] = [];
      let headerSeen = !job.hasHeader;
      for await (const { record, info } of source as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        batch.push(checkRow(job, { number: info.lines, cells: record.map((c) => c.slice(0, MAX_CELL)) }));
        if (batch.length >= BATCH_ROWS) {
          await this.handleBatch(job, batch, skipped.splice(0));
          batch = [];
        }
      }
      await this.handleBatch(job, batch, skipped.splice(0));
      await this.complete(job);
    } catch (error) {
      this.logger.error({ err: error, job: job.id }, 'import failed');
      await this.dataSource.query(`UPDATE import_job SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
        job.id,
        `Import interrompu : ${(error as Error).message}. Les lots déjà validés sont conservés ; relancez l’import (idempotent).`,
      ]);
    } finally {
      await rm(job.path, { force: true });
      await this.dataSource.query('DELETE FROM import_seen WHERE job_id = $1', [job.id]).catch(() => undefined);
    }
  }

  /** One batch, one transaction: checks, people, registrations, events, rejections and progress commit together. */
  private async handleBatch(job: Job, rows: Checked[], skipped: Rejection[]): Promise<void> {
    if (!rows.length && !skipped.length) return;
    await retryingTransaction(this.dataSource, async (manager) => {
      // a batch lost to a crash is redone by re-importing (idempotent): no need to wait for the WAL flush
      await manager.query('SET LOCAL synchronous_commit TO OFF');
      const rejections: Rejection[] = [...skipped];
      const reject = (row: Row, problem: RowProblem) => rejections.push({ ...problem, row: row.number, cells: row.cells });
      // 1. each row alone (checked as it was read)
      const candidates: Candidate[] = [];
      for (const checked of rows) {
        if ('problem' in checked) reject(checked.row, checked.problem);
        else candidates.push(checked);
      }
      // 2. sessions named by GAIA ids
      const gaiaIds = [...new Set(candidates.filter((c) => c.gaiaSessionId !== undefined && !job.sessionId).map((c) => c.gaiaSessionId as number))];
      const byGaia = await this.sessionsByGaiaId(manager, gaiaIds, job.academy);
      // 3. schools
      const unknownUai = await unknownSchools(manager, candidates.map((c) => c.person.uai).filter((u): u is string => !!u));
      const placed: typeof candidates = [];
      for (const c of candidates) {
        if (!c.target) {
          const found = c.gaiaSessionId === undefined ? undefined : byGaia.get(c.gaiaSessionId);
          if (!found) {
            reject(c.row, { code: 'unknown_session', field: 'session', message: `Session GAIA inconnue : ${c.gaiaSessionId ?? '(vide)'}.` });
            continue;
          }
          c.target = found;
        }
        if (c.person.uai && unknownUai.has(c.person.uai)) {
          reject(c.row, { code: 'unknown_uai', field: 'uai', message: `Établissement inconnu du référentiel : ${c.person.uai}.` });
          continue;
        }
        placed.push(c);
      }
      // 4. duplicates in the file (same person, same session): the first row wins, across batches too
      const unique = await this.firstOccurrences(manager, job.id, placed, reject);
      // 5. people, by mail, one input per person (the first row of that person in the batch)
      const people = new Map<string, PersonInput>();
      for (const c of unique) if (!people.has(mailKey(c.person.mail))) people.set(mailKey(c.person.mail), c.person);
      const upserted = await upsertPeople(manager, [...people.values()], `import:${job.id}`, job.actor);
      // 6. registrations, session by session, sessions locked in id order
      const bySession = new Map<string, typeof unique>();
      for (const c of unique) {
        const list = bySession.get(c.target as string);
        if (list) list.push(c);
        else bySession.set(c.target as string, [c]);
      }
      const sessions = await this.desk.lockSessions(manager, [...bySession.keys()]);
      const modules = await this.desk.modules(manager, [...sessions.values()].map((s) => s.moduleId));
      let created = 0;
      let waitlisted = 0;
      let accepted = 0;
      for (const [sessionId, entries] of [...bySession.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const session = sessions.get(sessionId);
        if (!session) {
          entries.forEach((e) => reject(e.row, { code: 'unknown_session', field: 'session', message: `Session inconnue : ${sessionId}.` }));
          continue;
        }
        const module = modules.get(session.moduleId);
        const refusal = this.desk.refusal(session, module);
        if (refusal) {
          entries.forEach((e) => reject(e.row, { code: refusal.code, field: 'session', message: refusal.message }));
          continue;
        }
        const withPeople = entries.map((e) => ({ ...e, stored: upserted.people.get(mailKey(e.person.mail))! }));
        const missing = await this.desk.missingPrerequisites(manager, module, withPeople.map((e) => e.stored.id), modules);
        const live = await this.desk.liveRegistrations(manager, sessionId, withPeople.map((e) => e.stored.id));
        const fresh = [];
        for (const e of withPeople) {
          const lacking = missing.get(e.stored.id);
          if (lacking) {
            reject(e.row, { code: 'prerequisite_missing', field: 'session', message: `Prérequis non terminé : ${lacking.map((m) => `« ${m.title} »`).join(', ')}.` });
          } else if (live.has(e.stored.id)) {
            accepted += 1; // already registered: a re-import changes nothing
          } else {
            fresh.push(e);
          }
        }
        const results = await this.desk.place(
          manager,
          session,
          fresh.map((e) => ({ person: e.stored, kind: 'imported' as const, importJobId: job.id })),
          job.actor,
        );
        accepted += results.length;
        created += results.length;
        waitlisted += results.filter((r) => r.state === 'waitlisted').length;
      }
      await this.recordRejections(manager, job.id, rejections);
      await manager.query(
        `UPDATE import_job SET rows_read = rows_read + $2, accepted = accepted + $3, rejected = rejected + $4,
           people_created = people_created + $5, people_updated = people_updated + $6,
           registrations_created = registrations_created + $7, waitlisted = waitlisted + $8 WHERE id = $1`,
        [job.id, rows.length + skipped.length, accepted, rejections.length, upserted.created, upserted.updated, created, waitlisted],
      );
    });
  }

  private async sessionsByGaiaId(manager: EntityManager, ids: number[], academy: string): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = (await manager.query(
      `SELECT gaia_session_id AS "gaiaId", session_id AS "sessionId", academy FROM session_replica
       WHERE gaia_session_id = ANY($1::int[]) ORDER BY (academy = $2) DESC, session_id`,
      [ids, academy],
    )) as { gaiaId: number; sessionId: string }[];
    const map = new Map<number, string>();
    for (const r of rows) if (!map.has(r.gaiaId)) map.set(r.gaiaId, r.sessionId); // the caller's académie first
    return map;
  }

  private async firstOccurrences<T extends { row: Row; person: PersonInput; target?: string }>(
    manager: EntityManager,
    jobId: string,
    candidates: T[],
    reject: (row: Row, problem: RowProblem) => void,
  ): Promise<T[]> {
    const inBatch = new Map<string, T>();
    for (const c of candidates) {
      const key = pairKey(c.target, mailKey(c.person.mail));
      if (inBatch.has(key)) reject(c.row, duplicate(c.person.mail, inBatch.get(key)!.row.number));
      else inBatch.set(key, c);
    }
    if (!inBatch.size) return [];
    const list = [...inBatch.values()];
    // Across batches: a live registration for (session, mail) made by this job comes from an earlier row of this
    // file. One made before this job (a re-import, a registration through the API) is met once per file: the first
    // row that meets it is noted in import_seen, the next ones are duplicates. A first import writes nothing here.
    const live = (await manager.query(
      `SELECT u.target, u.mail_key AS "mailKey", r.import_job_id AS "jobId"
       FROM unnest($1::uuid[], $2::text[]) AS u(target, mail_key)
       JOIN participant p ON p.mail_key = u.mail_key
       JOIN registration r ON r.participant_id = p.id AND r.session_id = u.target AND r.state <> 'cancelled'`,
      [list.map((c) => c.target), list.map((c) => mailKey(c.person.mail))],
    )) as { target: string; mailKey: string; jobId: string | null }[];
    if (!live.length) return list;
    const madeBy = new Map(live.map((r) => [pairKey(r.target, r.mailKey), r.jobId]));
    const earlier = [...inBatch].filter(([key]) => madeBy.has(key) && madeBy.get(key) !== jobId).map(([, c]) => c);
    const seen = earlier.length
      ? ((await manager.query(
          `INSERT INTO import_seen (job_id, target, mail_key) SELECT $1, t, m FROM unnest($2::text[], $3::text[]) AS u(t, m)
           ON CONFLICT DO NOTHING RETURNING target, mail_key AS "mailKey"`,
          [jobId, earlier.map((c) => c.target), earlier.map((c) => mailKey(c.person.mail))],
        )) as { target: string; mailKey: string }[])
      : [];
    const firstMeeting = new Set(seen.map((r) => pairKey(r.target, r.mailKey)));
    return [...inBatch]
      .filter(([key, c]) => {
        if (!madeBy.has(key) || firstMeeting.has(key)) return true;
        reject(c.row, duplicate(c.person.mail));
        return false;
      })
      .map(([, c]) => c);
  }

  private async recordRejections(manager: EntityManager, jobId: string, rejections: Rejection[]): Promise<void> {
    if (!rejections.length) return;
    await manager.query(
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

  private async complete(job: Job): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `UPDATE import_job SET state = 'completed', finished_at = now() WHERE id = $1
         RETURNING rows_read AS "rowsRead", accepted, rejected, registrations_created AS "registrationsCreated", finished_at AS "finishedAt"`,
        [job.id],
      )) as [{ rowsRead: number; accepted: number; rejected: number; registrationsCreated: number; finishedAt: Date }[], number];
      const done = row[0];
      await this.events.publish(
        manager,
        ImportCompleted,
        {
          jobId: job.id,
          format: job.layout.format,
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

/** One (session, person) pair of an import, as a map key. */
function pairKey(target: string | undefined, mailKeyValue: string): string {
  return `${target}\u0000${mailKeyValue}`;
}

function duplicate(mail: string, first?: number): RowProblem {
  return {
    code: 'duplicate_in_file',
    field: 'mail',
    message: `Doublon dans le fichier : ${mail} est déjà inscrit(e) à cette session par une ligne précédente${first ? ` (ligne ${first})` : ''}.`,
  };
}

async function parseLine(line: string, delimiter: string): Promise<string[]> {
  const parser = parse(line, { delimiter, relax_quotes: true, relax_column_count: true, bom: true });
  for await (const record of parser as AsyncIterable<string[]>) return record;
  return [];
}
