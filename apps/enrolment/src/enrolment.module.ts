import { ENROLMENT_EVENTS } from '@forma/contracts';
import { NotificationPort, notifierFrom, ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import { ConvocationRepository } from './convocations/convocation.repository';
import { ConvocationDispatcher } from './convocations/convocation.dispatcher';
import { ConvocationQueries } from './convocations/convocation.queries';
import { ConvocationsHttpController } from './convocations/convocations.http.controller';
import {
  ENROLMENT_SETTINGS,
  EnrolmentEnvironment,
  EnrolmentSettings,
  enrolmentSettingsProvider,
} from './enrolment.config';
import { ImportBatchWriter } from './imports/import-batch.writer';
import { ImportJobRepository } from './imports/import-job.repository';
import { ImportJobService } from './imports/import-job.service';
import { ImportsHttpController } from './imports/imports.http.controller';
import { UploadStorage } from './imports/upload-storage';
import { ENROLMENT_MIGRATIONS } from './migrations';
import { PeopleHttpController } from './people/people.http.controller';
import { PeopleQueries } from './people/people.queries';
import { PeopleRepository } from './people/people.repository';
import { PersonalDataRepository } from './people/personal-data.repository';
import { PersonalData } from './people/personal-data.service';
import { Placements } from './registrations/placements.service';
import { RegistrationCommands } from './registrations/registration-commands.service';
import { RegistrationQueries } from './registrations/registration.queries';
import { RegistrationRepository } from './registrations/registration.repository';
import { RegistrationsHttpController } from './registrations/registrations.http.controller';
import { CatalogReplicaEventController } from './replica/catalog-replica.event.controller';
import { ReplicaRepository } from './replica/replica.repository';
import { SessionReplicas } from './replica/replicas.service';
import { WorkshopPlanRepository } from './workshops/workshop-plan.repository';
import { WorkshopPlans } from './workshops/workshop-plans.service';
import { WorkshopPlansHttpController } from './workshops/workshop-plans.http.controller';

@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'enrolment',
      environment: EnrolmentEnvironment,
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
    ConvocationsHttpController,
    PeopleHttpController,
    ImportsHttpController,
    WorkshopPlansHttpController,
    CatalogReplicaEventController,
  ],
  providers: [
    enrolmentSettingsProvider,
    // registrations
    RegistrationRepository,
    RegistrationQueries,
    Placements,
    RegistrationCommands,
    // people
    PeopleRepository,
    PeopleQueries,
    PersonalDataRepository,
    PersonalData,
    // imports
    UploadStorage,
    ImportJobRepository,
    ImportBatchWriter,
    ImportJobService,
    // replicas of the catalog's and attendance's facts
    ReplicaRepository,
    SessionReplicas,
    // workshops
    WorkshopPlanRepository,
    WorkshopPlans,
    // convocations
    ConvocationDispatcher,
    ConvocationRepository,
    ConvocationQueries,
    {
      provide: NotificationPort,
      useFactory: (s: EnrolmentSettings) => notifierFrom(s.notification),
      inject: [ENROLMENT_SETTINGS],
    },
  ],
})
export class EnrolmentModule {}

export const ENROLMENT_APP: ServiceAppOptions = {
  service: 'enrolment',
  description:
    "Inscriptions, listes d'attente, imports de participants (GAIA, Mailexport, tableurs), convocations, groupes d'ateliers.",
  consumesEvents: true,
};
