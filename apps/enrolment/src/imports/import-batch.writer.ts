import { retryingTransaction } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PeopleRepository, StoredPerson } from '../people/people.repository';
import { mailKey } from '../people/person';
import { admit, sessionRefusal } from '../registrations/admission.policy';
import { Placements } from '../registrations/placements.service';
import { RegistrationRepository } from '../registrations/registration.repository';
import { RowProblem } from './import-row';
import { ImportJobRepository } from './import-job.repository';
import {
  bySession,
  Candidate,
  candidateKey,
  Checked,
  duplicate,
  firstInBatch,
  onePerPerson,
  pairKey,
  Rejection,
  Row,
} from './import-rows';

/** What the writer needs to know of its job. */
export interface RunningImport {
  id: string;
  sessionId: string | null;
  academy: string;
  actor: string;
}

/**
 * How a batch follows the one before it when an import writes two at once (ImportJobService): a batch reads and
 * writes its people while the one before it writes its registrations, then waits for it to commit before it locks its
 * sessions. Consecutive batches often share a session, and every placement must see the seats the one before took.
 */
export interface BatchTurn {
  /** The batch before: true once it committed, false when it stopped the job at the cap; rejects when it failed. */
  readonly previous: Promise<boolean>;
  /** Told when this batch holds its people's locks: the next batch may take its own without meeting them first. */
  locked(): void;
}

/** A batch written alone, or the first of a job. */
export const ALONE: BatchTurn = { previous: Promise.resolve(true), locked: () => undefined };

/**
 * A batch that waited this long for the one before it gives its locks back and is written again after it, alone: the
 * one before may be waiting for a lock this one holds (a retried transaction, a registration through the API between
 * them), which PostgreSQL cannot see as a deadlock since this one's wait is in the service.
 */
const TURN_PATIENCE_MS = 10_000;

/** The batch before stopped the job at the cap: this one is rolled back. */
class JobStopped extends Error {}

/** This batch waited too long for the one before it (see TURN_PATIENCE_MS). */
class TurnMissed extends Error {}

/**
 * Writes one batch of an import in one transaction: rows refused alone, sessions by GAIA id, schools, duplicates in
 * the file, people, then per session (locked in id order) the admission policy and the placements; rejections and
 * counters commit with them. A failure keeps every batch already committed; re-importing is idempotent.
 */
@Injectable()
export class ImportBatchWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: ImportJobRepository,
    private readonly people: PeopleRepository,
    private readonly registrations: RegistrationRepository,
    private readonly placements: Placements,
  ) {}

  /**
   * Returns false when the job has reached its cap of rejected lines (issue 28): the batch is committed with the
   * rejections that fit under the cap, and the job must stop.
   */
  async write(
    job: RunningImport,
    rows: Checked[],
    skipped: Rejection[],
    maxRejections = Number.MAX_SAFE_INTEGER,
    turn: BatchTurn = ALONE,
  ): Promise<boolean> {
    if (!rows.length && !skipped.length) {
      turn.locked();
      return turn.previous;
    }
    try {
      return await this.transaction(job, rows, skipped, maxRejections, turn);
    } catch (error) {
      if (error instanceof JobStopped) return false;
      if (!(error instanceof TurnMissed)) throw error;
      return (await turn.previous) && this.write(job, rows, skipped, maxRejections);
    }
  }

  private transaction(
    job: RunningImport,
    rows: Checked[],
    skipped: Rejection[],
    maxRejections: number,
    turn: BatchTurn,
  ): Promise<boolean> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const rejections: Rejection[] = [...skipped];
      const reject = (row: Row, problem: RowProblem) =>
        rejections.push({ ...problem, row: row.number, cells: row.cells });
      const candidates: Candidate[] = [];
      for (const checked of rows) {
        if ('problem' in checked) reject(checked.row, checked.problem);
        else candidates.push(checked);
      }
      // the people the file names, read and locked once: for the reach checks, then for the upsert
      const { targeted, known } = await this.targets(manager, job, candidates, reject);
      const unique = await this.firstOccurrences(manager, job.id, targeted, reject);
      const upserted = await this.people.upsert(
        manager,
        onePerPerson(unique),
        `import:${job.id}`,
        job.actor,
        'import',
        known,
      );
      turn.locked();
      if (!(await patiently(turn.previous))) throw new JobStopped();
      const groups = bySession(unique).map(
        ([sessionId, entries]) =>
          [sessionId, entries.map((e) => ({ ...e, stored: upserted.people.get(mailKey(e.person.mail))! }))] as const,
      );
      const { sessions, modules, live } = await this.registrations.lockForPlacement(
        manager,
        groups.map(([sessionId, withPeople]) => ({ sessionId, participantIds: withPeople.map((e) => e.stored.id) })),
      );
      let created = 0;
      let waitlisted = 0;
      let accepted = 0;
      for (const [sessionId, withPeople] of groups) {
        const session = sessions.get(sessionId);
        if (!session) {
          withPeople.forEach((e) =>
            reject(e.row, { code: 'unknown_session', field: 'session', message: `Session inconnue : ${sessionId}.` }),
          );
          continue;
        }
        const module = modules.get(session.moduleId);
        const refusal = sessionRefusal(session, module);
        if (refusal || !module) {
          withPeople.forEach((e) =>
            reject(e.row, {
              code: refusal?.code ?? 'unknown_session',
              field: 'session',
              message: refusal?.message ?? '',
            }),
          );
          continue;
        }
        const ids = withPeople.map((e) => e.stored.id);
        const completed = await this.registrations.completions(manager, ids, module.prerequisiteModuleIds);
        const fresh = [];
        for (const e of withPeople) {
          const registration = live.get(sessionId)?.get(e.stored.id);
          // made by this job: an earlier row of the file, which the batch before wrote while this one was read
          if (registration?.importJobId === job.id) {
            reject(e.row, duplicate(e.person.mail));
            continue;
          }
          const admission = admit(
            module,
            {
              mail: e.stored.mail,
              completedModuleIds: completed.get(e.stored.id) ?? new Set(),
              liveRegistrationId: registration?.id,
            },
            modules,
          );
          if (admission.verdict === 'refused')
            reject(e.row, { code: admission.violation.code, field: 'session', message: admission.violation.message });
          else if (admission.verdict === 'already_registered')
            accepted += 1; // a re-import changes nothing
          else fresh.push(e);
        }
        const placed = await this.placements.place(
          manager,
          session,
          fresh.map((e) => ({ person: e.stored, kind: 'imported' as const, importJobId: job.id })),
          job.actor,
        );
        accepted += placed.length;
        created += placed.length;
        waitlisted += placed.filter((r) => r.state === 'waitlisted').length;
      }
      // the counts first, under the job's lock, and the rejected lines that fit under the cap (the commit does not wait
      // for the WAL flush: see addBatch)
      const rejectedBefore = await this.jobs.addBatch(manager, job.id, {
        rowsRead: rows.length + skipped.length,
        accepted,
        rejected: rejections.length,
        peopleCreated: upserted.created,
        peopleUpdated: upserted.updated,
        registrationsCreated: created,
        waitlisted,
      });
      const room = Math.max(0, maxRejections - rejectedBefore);
      await this.jobs.recordRejections(manager, job.id, rejections.slice(0, room));
      return rejections.length <= room;
    });
  }

  /**
   * Each candidate's session (the job's, or the one its GAIA id names), and its school known: the others are rejected.
   */
  private async targets(
    manager: EntityManager,
    job: RunningImport,
    candidates: Candidate[],
    reject: (row: Row, problem: RowProblem) => void,
  ): Promise<{ targeted: Candidate[]; known: StoredPerson[] }> {
    const gaiaIds = [
      ...new Set(
        candidates.filter((c) => c.gaiaSessionId !== undefined && !job.sessionId).map((c) => c.gaiaSessionId as number),
      ),
    ];
    const byGaia = await this.jobs.sessionsByGaiaId(manager, gaiaIds, job.academy);
    const uais = candidates.map((c) => c.person.uai).filter((u): u is string => !!u);
    const unknownUai = await this.people.unknownSchools(manager, uais);
    const schoolAcademy = await this.people.schoolAcademies(manager, uais);
    // a line may name neither a school nor a person of another académie (issue 22): the file is the caller's, the
    // people are not; the rejection names the field, never whom it holds
    const known = await this.people.lockByMail(
      manager,
      candidates.map((c) => mailKey(c.person.mail)),
    );
    const placed = await this.people.placesOf(manager, known);
    const targeted: Candidate[] = [];
    for (const c of candidates) {
      if (!c.target) {
        const found = c.gaiaSessionId === undefined ? undefined : byGaia.get(c.gaiaSessionId);
        if (!found) {
          reject(c.row, {
            code: 'unknown_session',
            field: 'session',
            message: `Session GAIA inconnue : ${c.gaiaSessionId ?? '(vide)'}.`,
          });
          continue;
        }
        c.target = found;
      }
      if (c.person.uai && unknownUai.has(c.person.uai)) {
        reject(c.row, {
          code: 'unknown_uai',
          field: 'uai',
          message: `Établissement inconnu du référentiel : ${c.person.uai}.`,
        });
        continue;
      }
      if (c.person.uai && schoolAcademy.has(c.person.uai) && schoolAcademy.get(c.person.uai) !== job.academy) {
        reject(c.row, {
          code: 'uai_out_of_scope',
          field: 'uai',
          message: 'Établissement d’une autre académie : hors de votre périmètre.',
        });
        continue;
      }
      const place = placed.get(mailKey(c.person.mail));
      if (place?.academy && place.academy !== job.academy) {
        reject(c.row, {
          code: 'person_out_of_scope',
          field: 'mail',
          message: 'Personne d’une autre académie : hors de votre périmètre.',
        });
        continue;
      }
      targeted.push(c);
    }
    return { targeted, known };
  }

  /**
   * Duplicates in the file (same person, same session): the first row wins, across batches too. In the batch, by key.
   * Across batches: a live registration for (session, mail) made by this job comes from an earlier row of this file.
   * One made before this job (a re-import, a registration through the API) is met once per file: the first row that
   * meets it is noted in import_seen, the next ones are duplicates. A first import writes nothing there.
   */
  private async firstOccurrences(
    manager: EntityManager,
    jobId: string,
    candidates: Candidate[],
    reject: (row: Row, problem: RowProblem) => void,
  ): Promise<Candidate[]> {
    const inBatch = firstInBatch(candidates, reject);
    if (!inBatch.size) return [];
    const list = [...inBatch.values()];
    const live = await this.jobs.liveRegistrationsFor(
      manager,
      list.map((c) => ({ target: c.target as string, mailKey: mailKey(c.person.mail) })),
    );
    if (!live.length) return list;
    const madeBy = new Map(live.map((r) => [pairKey(r.target, r.mailKey), r.jobId]));
    const earlier = list.filter((c) => madeBy.has(candidateKey(c)) && madeBy.get(candidateKey(c)) !== jobId);
    const seen = await this.jobs.markSeen(
      manager,
      jobId,
      earlier.map((c) => ({ target: c.target as string, mailKey: mailKey(c.person.mail) })),
    );
    const firstMeeting = new Set(seen.map((r) => pairKey(r.target, r.mailKey)));
    return list.filter((c) => {
      const key = candidateKey(c);
      if (!madeBy.has(key) || firstMeeting.has(key)) return true;
      reject(c.row, duplicate(c.person.mail));
      return false;
    });
  }
}

/** The batch before's outcome, or TurnMissed when it keeps this one waiting longer than TURN_PATIENCE_MS. */
async function patiently(previous: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const missed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TurnMissed('the batch before kept this one waiting')), TURN_PATIENCE_MS);
  });
  try {
    return await Promise.race([previous, missed]);
  } finally {
    clearTimeout(timer);
  }
}
