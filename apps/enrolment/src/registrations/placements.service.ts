import { Clock, newId } from '@forma/domain';
import {
  CancellationReason,
  EnrolmentCancelled,
  EnrolmentConfirmed,
  EnrolmentRequested,
  EnrolmentWaitlisted,
  RegistrationFactV1,
  RegistrationKind,
  RegistrationState,
} from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PeopleRepository, StoredPerson } from '../people/people.repository';
import { acceptance, cancellation, placeAll, promotions } from './admission.policy';
import { NewRegistration, RegistrationRepository, RegistrationRow } from './registration.repository';
import { LockedSession } from './session-replica';

export interface PlacementRequest {
  person: StoredPerson;
  kind: RegistrationKind;
  designatedBy?: string | null;
  importJobId?: string | null;
}

export interface Placed {
  registrationId: string;
  participantId: string;
  state: RegistrationState;
  position?: number;
}

/**
 * Where registrations take seats, inside the caller's transaction (a use case, an import batch or an event handler
 * owns it): the admission policy decides on a `LockedSession`, the repository writes, and the events go to the outbox
 * in the same transaction.
 */
@Injectable()
export class Placements {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly people: PeopleRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** New registrations in a locked session: one multi-row statement, events built while it runs. */
  async place(
    manager: EntityManager,
    session: LockedSession,
    requests: PlacementRequest[],
    actor: string,
  ): Promise<Placed[]> {
    if (!requests.length) return [];
    const { decisions } = placeAll(
      session,
      requests.map((r) => r.kind),
    );
    const now = this.clock.now();
    const rows: (NewRegistration & { position?: number; person: StoredPerson })[] = requests.map((request, i) => ({
      id: newId(),
      participantId: request.person.id,
      kind: request.kind,
      state: decisions[i].state,
      position: decisions[i].position,
      designatedBy: request.designatedBy ?? null,
      importJobId: request.importJobId ?? null,
      person: request.person,
    }));
    const inserting = this.registrations.insert(manager, session, rows, now, actor);
    void inserting.catch(() => undefined); // awaited below, after a turn of the event loop: not unhandled meanwhile
    // while PostgreSQL inserts, the events are built and validated (the statement is sent on the next turn)
    await new Promise((resolve) => setImmediate(resolve));
    const fact = (r: (typeof rows)[number]) => toFact(r.id, session, r.person, r.kind);
    const by = (state: RegistrationState) => rows.filter((r) => r.state === state);
    const at = now.toISOString();
    const options = { academy: session.academy };
    const prepare = () => ({
      requested: this.events.prepare(EnrolmentRequested, by('requested').map(fact), options),
      confirmed: this.events.prepare(
        EnrolmentConfirmed,
        by('confirmed').map((r) => ({ ...fact(r), confirmedAt: at })),
        options,
      ),
      waitlisted: this.events.prepare(
        EnrolmentWaitlisted,
        by('waitlisted').map((r) => ({ ...fact(r), position: r.position ?? 1 })),
        options,
      ),
    });
    let prepared: ReturnType<typeof prepare>;
    try {
      prepared = prepare();
    } catch (error) {
      await inserting; // an invalid event still waits for the statement, whose own error comes first
      throw error;
    }
    // recorded while PostgreSQL inserts: their rows are encoded now, and their statement waits for the insert on the
    // transaction's connection (node-postgres runs a connection's queries one after the other)
    const recorded = Promise.all([
      this.events.record(manager, EnrolmentRequested, prepared.requested),
      this.events.record(manager, EnrolmentConfirmed, prepared.confirmed),
      this.events.record(manager, EnrolmentWaitlisted, prepared.waitlisted),
    ]);
    // the insert's failure is the one reported: the events' statement then only met an aborted transaction
    void recorded.catch(() => undefined);
    await inserting;
    await recorded;
    return rows.map((r) => ({
      registrationId: r.id,
      participantId: r.participantId,
      state: r.state,
      position: r.position,
    }));
  }

  /** The organiser accepts an individual request: a seat if one is free, else the waitlist. */
  async accept(
    manager: EntityManager,
    session: LockedSession,
    registrationId: string,
    actor: string,
  ): Promise<RegistrationState> {
    const registration = await this.registrations.lockRegistration(manager, registrationId);
    const decision = acceptance(session, registration);
    const fact = toFact(
      registration.id,
      session,
      await this.personOf(manager, registration.participantId),
      registration.kind,
    );
    if (decision.state === 'confirmed') {
      await this.registrations.setState(manager, [registration], 'confirmed', 'accepted', actor);
      await this.events.publish(
        manager,
        EnrolmentConfirmed,
        { ...fact, confirmedAt: this.clock.now().toISOString() },
        { academy: session.academy },
      );
      await this.registrations.queueConvocations(manager, [registration.id]);
    } else {
      await this.registrations.setState(manager, [registration], 'waitlisted', 'accepted_session_full', actor);
      await this.events.publish(
        manager,
        EnrolmentWaitlisted,
        { ...fact, position: decision.position ?? 1 },
        { academy: session.academy },
      );
    }
    return decision.state;
  }

  /**
   * Cancels a registration (locked by the caller, who checked its reach); when it held a seat, the first of the
   * waitlist takes it.
   */
  async cancel(
    manager: EntityManager,
    session: LockedSession,
    registration: RegistrationRow,
    reason: CancellationReason,
    comment: string | null,
    actor: string,
  ): Promise<Placed[]> {
    const { freesSeat } = cancellation(registration);
    await this.cancelRows(manager, session, [registration], reason, comment, actor);
    if (!freesSeat) return [];
    // the seats changed in this transaction: count them again (the row lock is already held)
    return this.promote(manager, await this.registrations.lockSession(manager, session.sessionId), actor);
  }

  /** Cancels every live registration of a session (the session was cancelled). */
  async cancelAll(
    manager: EntityManager,
    session: LockedSession,
    reason: CancellationReason,
    comment: string,
    actor: string,
  ): Promise<number> {
    const rows = await this.registrations.lockLive(manager, session.sessionId);
    await this.cancelRows(manager, session, rows, reason, comment, actor);
    return rows.length;
  }

  /** Seats freed or capacity raised: the waitlist's first take the free seats, in order of arrival. */
  async promote(manager: EntityManager, session: LockedSession, actor: string): Promise<Placed[]> {
    const count = promotions(session);
    if (count === 0) return [];
    const rows = await this.registrations.lockWaitlistHead(manager, session.sessionId, count);
    await this.registrations.setState(manager, rows, 'confirmed', 'promoted_from_waitlist', actor);
    const at = this.clock.now().toISOString();
    for (const row of rows) {
      const person = await this.personOf(manager, row.participantId);
      await this.events.publish(
        manager,
        EnrolmentConfirmed,
        { ...toFact(row.id, session, person, row.kind), promotedFromWaitlist: true, confirmedAt: at },
        { academy: session.academy },
      );
    }
    await this.registrations.queueConvocations(
      manager,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ registrationId: r.id, participantId: r.participantId, state: 'confirmed' }));
  }

  private async cancelRows(
    manager: EntityManager,
    session: LockedSession,
    rows: RegistrationRow[],
    reason: CancellationReason,
    comment: string | null,
    actor: string,
  ): Promise<void> {
    if (!rows.length) return;
    await this.registrations.markCancelled(manager, rows, reason, comment, actor);
    const at = this.clock.now().toISOString();
    await this.events.publishMany(
      manager,
      EnrolmentCancelled,
      rows.map((r) => ({
        registrationId: r.id,
        sessionId: r.sessionId,
        moduleId: r.moduleId,
        participantId: r.participantId,
        reason,
        comment,
        previousState: r.state as 'requested' | 'confirmed' | 'waitlisted',
        cancelledAt: at,
      })),
      { academy: session.academy },
    );
  }

  private async personOf(manager: EntityManager, participantId: string): Promise<StoredPerson> {
    const person = await this.people.find(manager, participantId);
    if (!person) throw new Error(`registration points to a missing participant ${participantId}`);
    return person;
  }
}

export function toFact(
  registrationId: string,
  session: LockedSession,
  person: StoredPerson,
  kind: RegistrationKind,
): RegistrationFactV1 {
  return {
    registrationId,
    sessionId: session.sessionId,
    moduleId: session.moduleId,
    participantId: person.id,
    mail: person.mail,
    lastName: person.lastName,
    firstName: person.firstName ?? '',
    function: person.function ?? null,
    grade: person.grade ?? null,
    uai: person.uai ?? null,
    kind,
    academy: session.academy,
  };
}
