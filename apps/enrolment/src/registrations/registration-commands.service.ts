import { Identity, isAcademyWide, organises, reachesPersonInSession, sameAcademy, SessionPlace } from '@forma/auth';
import { CancellationReason, RegistrationState } from '@forma/contracts';
import { retryingTransaction } from '@forma/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PeopleRepository, StoredPerson } from '../people/people.repository';
import { checkPerson, cleanPerson, mailKey, PersonAuthority } from '../people/person';
import { admit, sessionRefusal } from './admission.policy';
import { Placements } from './placements.service';
import {
  designationForbidden,
  foreignAcademy,
  outOfScope,
  unknownParticipant,
  unknownSchools,
} from './registration.errors';
import { RegistrationRepository } from './registration.repository';
import { RegistrationRequest, RegistrationResponse } from './registration.dto';
import { personRefused } from './registration.errors';

export interface RegistrationAccepted {
  id: string;
  state: RegistrationState;
}

/** A registration cancelled, and the registrations its freed seat promoted from the waitlist. */
export interface RegistrationCancelled {
  id: string;
  state: 'cancelled';
  promoted: string[];
}

/** The registration use cases of the API: each one transaction, re-run whole on a deadlock or a concurrent insert. */
@Injectable()
export class RegistrationCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationRepository,
    private readonly people: PeopleRepository,
    private readonly placements: Placements,
  ) {}

  async register(request: RegistrationRequest, caller: Identity): Promise<RegistrationResponse> {
    if (request.kind === 'designated' && caller.roles.every((r) => r === 'participant')) throw designationForbidden();
    return retryingTransaction(this.dataSource, async (manager) => {
      const session = await this.registrations.lockSession(manager, request.sessionId);
      if (!sameAcademy(caller, session.academy)) throw foreignAcademy(session.academy);
      const person = await this.person(manager, request, caller, session);
      // a school head designates people of their school, an IEN of their district, a participant only themself; and
      // nobody reaches a person of another académie (issue 22): the refusal names no one
      const place = (await this.people.places(manager, [person.id])).get(person.id);
      if (!place || !reachesPersonInSession(caller, place, session)) throw personOutOfScope(caller, request);
      const modules = await this.registrations.modules(manager, [session.moduleId]);
      const module = modules.get(session.moduleId);
      const refusal = sessionRefusal(session, module);
      if (refusal || !module) throw refusal;
      const completed = await this.registrations.completions(manager, [person.id], module.prerequisiteModuleIds);
      const live = await this.registrations.liveRegistrations(manager, session.sessionId, [person.id]);
      const admission = admit(
        module,
        {
          mail: person.mail,
          completedModuleIds: completed.get(person.id) ?? new Set(),
          liveRegistrationId: live.get(person.id)?.id,
        },
        modules,
      );
      if (admission.verdict !== 'admit') throw admission.violation;
      const [placed] = await this.placements.place(
        manager,
        session,
        [{ person, kind: request.kind, designatedBy: request.kind === 'designated' ? caller.sub : null }],
        caller.sub,
      );
      return {
        id: placed.registrationId,
        sessionId: session.sessionId,
        participantId: person.id,
        state: placed.state,
        position: placed.position,
      };
    });
  }

  async accept(id: string, caller: Identity): Promise<RegistrationAccepted> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const session = await this.registrations.lockSession(manager, await this.registrations.sessionOf(manager, id));
      if (!organises(caller, session.academy))
        throw outOfScope('seul l’organisateur de l’académie accepte une demande');
      const refusal = sessionRefusal(
        session,
        (await this.registrations.modules(manager, [session.moduleId])).get(session.moduleId),
      );
      if (refusal) throw refusal;
      return { id, state: await this.placements.accept(manager, session, id, caller.sub) };
    });
  }

  async cancel(
    id: string,
    reason: CancellationReason,
    comment: string | null,
    caller: Identity,
  ): Promise<RegistrationCancelled> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const session = await this.registrations.lockSession(manager, await this.registrations.sessionOf(manager, id));
      const registration = await this.registrations.lockRegistration(manager, id);
      const place = (await this.people.places(manager, [registration.participantId])).get(registration.participantId);
      if (!place || !reachesPersonInSession(caller, place, session)) throw outOfScope('cette inscription');
      const promoted = await this.placements.cancel(manager, session, registration, reason, comment, caller.sub);
      return { id, state: 'cancelled', promoted: promoted.map((p) => p.registrationId) };
    });
  }

  /** The person named by id, or the one described (created or completed, never degraded: see people.repository). */
  /**
   * The person named by id, or the one described (created or completed, never degraded: see people.repository). A
   * person who already exists is checked against the caller's reach before anything of theirs is read or written: by
   * id, one out of reach is unknown (its existence is not told); by mail, out of scope, naming no one.
   */
  private async person(
    manager: EntityManager,
    request: RegistrationRequest,
    caller: Identity,
    session: SessionPlace,
  ): Promise<StoredPerson> {
    if (request.participantId) {
      const known = await this.people.find(manager, request.participantId);
      const place = known && (await this.people.places(manager, [known.id])).get(known.id);
      if (!known || !place || !reachesPersonInSession(caller, place, session)) throw unknownParticipant();
      return known;
    }
    const input = cleanPerson(request.person ?? { mail: '', lastName: '' });
    const problem = checkPerson(input);
    if (problem) throw personRefused(problem);
    const existing = await this.people.placeByMail(manager, mailKey(input.mail));
    if (existing && !reachesPersonInSession(caller, existing, session)) throw personOutOfScope(caller, request);
    if (input.uai) {
      const unknown = [...(await this.people.unknownSchools(manager, [input.uai]))];
      if (unknown.length) throw unknownSchools(unknown, 'person.uai');
    }
    const authority: PersonAuthority = isAcademyWide(caller)
      ? 'organiser'
      : caller.mail === mailKey(input.mail)
        ? 'self'
        : 'designator';
    const result = await this.people.upsert(manager, [input], 'api', caller.sub, authority);
    const stored = result.people.get(mailKey(input.mail));
    if (!stored) throw new Error('upsertPeople returned no person for its input');
    return stored;
  }
}

/** The refusal of a person out of the caller's reach: what is refused, never whom. */
const personOutOfScope = (caller: Identity, request: RegistrationRequest) =>
  outOfScope(
    caller.roles.includes('participant') && request.kind === 'individual'
      ? 'vous ne pouvez inscrire que vous-même'
      : 'la personne désignée',
  );
