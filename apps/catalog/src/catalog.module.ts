import { CATALOG_EVENTS } from '@forma/contracts';
import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import { CalendarHttpController } from './calendar/calendar.http.controller';
import { CalendarService } from './calendar/calendar.service';
import { SchoolVacation } from './calendar/school-vacation.entity';
import { GaiaDispositif } from './gaia/gaia-dispositif.entity';
import { GaiaImportHttpController } from './gaia/gaia-import.http.controller';
import { GaiaImportService } from './gaia/gaia-import.service';
import { CATALOG_MIGRATIONS } from './migrations';
import { ModuleCommands } from './modules/module-commands.service';
import { ModulePrerequisite, ModuleRevision, ModuleTrainer } from './modules/module-links.entities';
import { ModulePublication } from './modules/module-publication.service';
import { ModuleRepository } from './modules/module.repository';
import { ModulesHttpController } from './modules/modules.http.controller';
import { OfferHttpController } from './modules/offer.http.controller';
import { OfferQueries } from './modules/offer.queries';
import { TrainingModule } from './modules/training-module.entity';
import { PlannerHttpController } from './planner/planner.http.controller';
import { SessionPlannerService } from './planner/session-planner.service';
import { REFERENCE_ENTITIES } from './reference/reference.entities';
import { ReferenceHttpController } from './reference/reference.http.controller';
import { ReferenceRepository } from './reference/reference.repository';
import { ReferenceService } from './reference/reference.service';
import { RequestsHttpController } from './requests/requests.http.controller';
import { TrainingRequests } from './requests/requests.service';
import { TrainingRequest, TrainingRequestHistory } from './requests/training-request.entity';
import { SessionCommands } from './sessions/session-commands.service';
import { SessionRepository } from './sessions/session.repository';
import { SessionsHttpController } from './sessions/sessions.http.controller';
import { TrainingSession } from './sessions/training-session.entity';

/** Every table of the catalog has its entity: the catalog's persistence style (docs/architecture.md). */
const CATALOG_ENTITIES = [
  TrainingModule,
  ModuleRevision,
  ModulePrerequisite,
  ModuleTrainer,
  TrainingSession,
  ...REFERENCE_ENTITIES,
  SchoolVacation,
  TrainingRequest,
  TrainingRequestHistory,
  GaiaDispositif,
];

@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'catalog',
      entities: CATALOG_ENTITIES,
      migrations: CATALOG_MIGRATIONS,
      publishes: [...CATALOG_EVENTS],
    }),
  ],
  controllers: [
    ModulesHttpController,
    OfferHttpController,
    SessionsHttpController,
    ReferenceHttpController,
    CalendarHttpController,
    RequestsHttpController,
    PlannerHttpController,
    GaiaImportHttpController,
  ],
  providers: [
    // modules and the offer
    ModuleRepository,
    ModulePublication,
    ModuleCommands,
    OfferQueries,
    // sessions and the planner
    SessionRepository,
    SessionCommands,
    SessionPlannerService,
    // reference data and the school calendar
    ReferenceRepository,
    ReferenceService,
    CalendarService,
    // requests (seed 003) and GAIA imports
    TrainingRequests,
    GaiaImportService,
  ],
})
export class CatalogModule {}

export const CATALOG_APP: ServiceAppOptions = {
  service: 'catalog',
  description: "L'offre de formation : modules, parcours, sessions, calendrier scolaire, demandes, planificateur, imports GAIA.",
  consumesEvents: false,
};
