import { Identity } from '@forma/auth';
import { CancellationReason, RegistrationState } from '@forma/contracts';
import { FieldProblem, ProblemError } from '@forma/http';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { findPerson, StoredPerson, upsertPeople } from '../people/people.store';
import { checkPerson, cleanPerson, mailKey } from '../people/person';
import { RegistrationDesk, registrationNotFound } from './registration-desk';
import { RegistrationRequest, RegistrationResponse } from './registration.dto';

const RETRYABLE = new Set(['23505', '40001', '40P01']);

/** Runs a unit of work, again when a concurrent one created the same person first or a deadlock was broken. */
export async function retryingTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (!code || !RETRYABLE.has(code) || attempt >= 5) throw error;
    }
  }
}

@Injectable()
export class RegistrationCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly desk: RegistrationDesk,
  ) {}

  async register(request: RegistrationRequest, caller: Identity): Promise<RegistrationResponse> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const person = await this.person(manager, request, caller);
      const session = await this.desk.lockSession(manager, request.sessionId);
      const modules = await this.desk.modules(manager, [session.moduleId]);
      const module = modules.get(session.moduleId);
      const refusal = this.desk.refusal(session, module);
      if (refusal) throw new ProblemError(refusal.status, refusal.code, refusal.message, [{ field: 'sessionId', rule: refusal.code, message: refusal.message }]);
      const missing = (await this.desk.missingPrerequisites(manager, module, [person.id], modules)).get(person.id);
      if (missing) {
        const names = missing.map((m) => `« ${m.title} »`).join(', ');
        throw new ProblemError(422, 'prerequisite_missing', `Prérequis non terminé : ${names} doit être terminé avant « ${module?.title} ».`,
          missing.map((m) => ({ field: 'sessionId', rule: 'prerequisite_missing', message: `module prérequis non terminé : ${m.title} (${m.moduleId})` })));
      }
      const live = await this.desk.liveRegistrations(manager, session.sessionId, [person.id]);
      if (live.has(person.id)) {
        throw new ProblemError(409, 'already_registered', `${person.mail} est déjà inscrit(e) à cette session (inscription ${live.get(person.id)}).`, [
          { field: 'sessionId', rule: 'already_registered', message: `inscription existante ${live.get(person.id)}` },
        ]);
      }
      const [placed] = await this.desk.place(
        manager,
        session,
        [{ person, kind: request.kind, designatedBy: request.kind === 'designated' ? caller.sub : null }],
        caller.sub,
      );
      return { id: placed.registrationId, sessionId: session.sessionId, participantId: person.id, state: placed.state, position: placed.position };
    });
  }

  async accept(id: string, caller: Identity): Promise<{ id: string; state: RegistrationState }> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const session = await this.desk.lockSession(manager, await this.sessionOf(manager, id));
      const refusal = this.desk.refusal(session, (await this.desk.modules(manager, [session.moduleId])).get(session.moduleId));
      if (refusal) throw new ProblemError(refusal.status, refusal.code, refusal.message);
      return { id, state: await this.desk.accept(manager, session, id, caller.sub) };
    });
  }

  async cancel(id: string, reason: CancellationReason, comment: string | null, caller: Identity): Promise<{ id: string; state: 'cancelled'; promoted: string[] }> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const session = await this.desk.lockSession(manager, await this.sessionOf(manager, id));
      const promoted = await this.desk.cancel(manager, session, id, reason, comment, caller.sub);
      return { id, state: 'cancelled', promoted: promoted.map((p) => p.registrationId) };
    });
  }

  private async sessionOf(manager: EntityManager, registrationId: string): Promise<string> {
    const [row] = (await manager.query('SELECT session_id AS "sessionId" FROM registration WHERE id = $1', [registrationId])) as { sessionId: string }[];
    if (!row) throw registrationNotFound(registrationId);
    return row.sessionId;
  }

  private async person(manager: EntityManager, request: RegistrationRequest, caller: Identity): Promise<StoredPerson> {
    if (request.participantId) {
      const known = await findPerson(manager, request.participantId);
      if (!known) {
        throw new ProblemError(404, 'unknown_participant', `Personne inconnue : ${request.participantId}.`, [
          { field: 'participantId', rule: 'exists', message: `participantId : personne inconnue ${request.participantId}` },
        ]);
      }
      return known;
    }
    const input = cleanPerson(request.person ?? { mail: '', lastName: '' });
    const problem = checkPerson(input);
    if (problem) throw new ProblemError(422, problem.code, problem.message, [{ field: `person.${problem.field}`, rule: problem.code, message: problem.message }]);
    if (input.uai) await assertKnownSchools(manager, [input.uai], 'person.uai');
    const result = await upsertPeople(manager, [input], 'api', caller.sub);
    const stored = result.people.get(mailKey(input.mail));
    if (!stored) throw new Error('upsertPeople returned no person for its input');
    return stored;
  }
}

/** UAIs the catalog has not published (SchoolRegistered) are refused: a typo would lose the person's school. */
export async function unknownSchools(manager: EntityManager, uais: string[]): Promise<Set<string>> {
  const distinct = [...new Set(uais)];
  if (!distinct.length) return new Set();
  const rows = (await manager.query('SELECT uai FROM school_replica WHERE uai = ANY($1::text[])', [distinct])) as { uai: string }[];
  const known = new Set(rows.map((r) => r.uai));
  return new Set(distinct.filter((u) => !known.has(u)));
}

async function assertKnownSchools(manager: EntityManager, uais: string[], field: string): Promise<void> {
  const unknown = [...(await unknownSchools(manager, uais))];
  if (unknown.length) {
    const errors: FieldProblem[] = unknown.map((u) => ({ field, rule: 'unknown_uai', message: `${field} : établissement inconnu ${u}` }));
    throw new ProblemError(422, 'unknown_uai', `Établissement inconnu du référentiel : ${unknown.join(', ')}.`, errors);
  }
}
