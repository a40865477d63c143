import { ENROLMENT_EVENTS } from '@forma/contracts';
import { ServicePlatformModule } from '@forma/http';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { DatabaseConnector } from '@forma/persistence';
import { ConvocationDispatcher } from './convocations/convocation.dispatcher';
import { notifierFromEnvironment } from './convocations/mail.adapters';
import { NotificationPort } from './convocations/notification.port';
import { ImportJobService } from './imports/import-job.service';
import { ImportsHttpController } from './imports/imports.http.controller';
import { ENROLMENT_MIGRATIONS } from './migrations';
import { PeopleHttpController } from './people/people.http.controller';
import { RegistrationCommands } from './registrations/registration-commands.service';
import { RegistrationDesk } from './registrations/registration-desk';
import { RegistrationsHttpController } from './registrations/registrations.http.controller';
import { CatalogReplicaEventController } from './replica/catalog-replica.event.controller';
import { WorkshopPlansHttpController } from './workshops/workshop-plans.http.controller';

/** Fails the import jobs a stopped process left running, once migrations have run. */
class InterruptedImports implements OnApplicationBootstrap {
  constructor(
    private readonly imports: ImportJobService,
    private readonly database: DatabaseConnector,
  ) {}

  onApplicationBootstrap(): void {
    void this.database.ready.then(() => this.imports.failInterrupted());
  }
}

@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'enrolment',
      entities: [],
      migrations: ENROLMENT_MIGRATIONS,
      publishes: [...ENROLMENT_EVENTS],
      // A bulk import must stay under 200 MB: a relay thread costs ~15 MB at rest and ~50 MB more under load (its own
      // heap and malloc arenas), for a gain hidden by the run-to-run noise once memory is capped (bench/README.md).
      relayMode: 'inline',
    }),
  ],
  controllers: [
    RegistrationsHttpController,
    PeopleHttpController,
    ImportsHttpController,
    WorkshopPlansHttpController,
    CatalogReplicaEventController,
  ],
  providers: [
    RegistrationDesk,
    RegistrationCommands,
    ImportJobService,
    ConvocationDispatcher,
    { provide: NotificationPort, useFactory: () => notifierFromEnvironment() },
    { provide: InterruptedImports, useFactory: (i: ImportJobService, d: DatabaseConnector) => new InterruptedImports(i, d), inject: [ImportJobService, DatabaseConnector] },
  ],
})
export class EnrolmentModule {}

export const ENROLMENT_APP = {
  service: 'enrolment',
  description: "Inscriptions, listes d'attente, imports de participants (GAIA, Mailexport, tableurs), convocations, groupes d'ateliers.",
  consumesEvents: true,
  defaultPort: 3002,
};
