import { Identity, reachesPerson } from '@forma/auth';
import { PersonErased, mailHashOf } from '@forma/contracts';
import { Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { NotificationPort } from '@forma/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PeopleRepository } from './people.repository';
import { PersonalDataRepository } from './personal-data.repository';
import { mailKey } from './person';
import { unknownParticipant } from './people.errors';
import { PersonalDataAccess, PersonalDataExport, PersonErasure } from './people.views';

/** What is kept after an erasure, and why: said to whoever erases. */
export const KEPT_AFTER_ERASURE = [
  'Les inscriptions, pseudonymisées : elles fondent les attestations et les paiements, conservés par obligation légale.',
  'Le journal des accès aux données personnelles : il prouve qui a consulté quoi.',
  'Les convocations déjà envoyées par courriel : elles ont quitté la plateforme (celles en attente sont supprimées, et leurs copies .eml effacées).',
];

/** RGPD: a person's data exported (JSON) or erased across services (PersonErased), and administrators' reads logged. */
@Injectable()
export class PersonalData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly personal: PersonalDataRepository,
    private readonly events: EventPublisher,
    private readonly notifier: NotificationPort,
    private readonly clock: Clock,
  ) {}

  /** Everything enrolment holds of a person, for the person themself or whoever reaches them; the read is logged. */
  async export(caller: Identity, id: string): Promise<PersonalDataExport> {
    const manager = this.dataSource.manager;
    await this.assertReaches(manager, caller, id);
    const { person, history, registrations, completions } = await this.personal.everythingOf(manager, id);
    await this.personal.logAccess(caller, 'export', { participantId: id });
    return {
      exportedAt: this.clock.now().toISOString(),
      service: 'enrolment',
      person,
      history,
      registrations,
      completions,
    };
  }

  /** Erases a person (an administrator of their académie): pseudonymised here, PersonErased for every other service. */
  async erase(caller: Identity, id: string): Promise<PersonErasure> {
    const registrations = await this.dataSource.transaction(async (manager) => {
      await this.assertReaches(manager, caller, id);
      const person = await this.people.find(manager, id);
      if (!person) throw unknownParticipant(id);
      const key = mailKey(person.mail);
      const ids = await this.personal.registrationIds(manager, id);
      await this.personal.pseudonymise(manager, id, key);
      await this.events.publish(manager, PersonErased, {
        participantId: id,
        mailHash: mailHashOf(key),
        erasedAt: this.clock.now().toISOString(),
      });
      return ids;
    });
    await this.notifier.forget(registrations); // a convocation's copy is named by its registration
    await this.personal.logAccess(caller, 'erasure', { participantId: id });
    return { id, erased: true, kept: KEPT_AFTER_ERASURE };
  }

  async accessLog(caller: Identity, id: string): Promise<PersonalDataAccess[]> {
    await this.assertReaches(this.dataSource.manager, caller, id);
    return this.personal.accessLog(id);
  }

  /** A person out of the caller's reach is not found (their existence is not told). */
  private async assertReaches(manager: EntityManager, caller: Identity, id: string): Promise<void> {
    const place = (await this.people.places(manager, [id])).get(id);
    if (!place || !reachesPerson(caller, place)) throw unknownParticipant(id);
  }
}
