import { CATALOG_EVENTS } from '@forma/contracts';
import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import { CalendarHttpController } from './calendar/calendar.http.controller';
import { CalendarService } from './calendar/calendar.service';
import { SchoolVacationRepository } from './calendar/school-vacation.repository';
import { CATALOG_ENTITIES } from './catalog.entities';
import { GaiaRepository } from './gaia/gaia.repository';
import { GaiaImportHttpController } from './gaia/gaia-import.http.controller';
import { GaiaImportService } from './gaia/gaia-import.service';
import { CATALOG_MIGRATIONS } from './migrations';
import { ModuleCommands } from './modules/module-commands.service';
import { ModulePublication } from './modules/module-publication.service';
import { ModuleRepository } from './modules/module.repository';
import { ModulesHttpController } from './modules/modules.http.controller';
import { OfferHttpController } from './modules/offer.http.controller';
import { OfferQueries } from './modules/offer.queries';
import { PersonErasedEventController } from './personal-data/person-erased.event.controller';
import { TrainerErasure } from './personal-data/trainer-erasure.service';
import { TrainerErasureRepository } from './personal-data/trainer-erasure.repository';
import { TrainingPlanHttpController } from './plan/training-plan.http.controller';
import { TrainingPlanRepository } from './plan/training-plan.repository';
import { TrainingPlanService } from './plan/training-plan.service';
import { PlannerHttpController } from './planner/planner.http.controller';
import { SessionPlannerService } from './planner/session-planner.service';
import { ReferenceHttpController } from './reference/reference.http.controller';
import { ReferenceRepository } from './reference/reference.repository';
import { ReferenceService } from './reference/reference.service';
import { RequestsHttpController } from './requests/requests.http.controller';
import { TrainingRequestRepository } from './requests/request.repository';
import { TrainingRequests } from './requests/requests.service';
import { SessionCommands } from './sessions/session-commands.service';
import { SessionRepository } from './sessions/session.repository';
import { SessionsHttpController } from './sessions/sessions.http.controller';

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
    TrainingPlanHttpController,
    PersonErasedEventController,
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
    SchoolVacationRepository,
    // requests (seed 003) and GAIA imports
    TrainingRequests,
    TrainingRequestRepository,
    GaiaImportService,
    GaiaRepository,
    // the ENT training plan (seed 001): deployment waves and their forecasts
    TrainingPlanRepository,
    TrainingPlanService,
    // personal data (RGPD): what the catalog holds of a person erased
    TrainerErasure,
    TrainerErasureRepository,
  ],
})
export class CatalogModule {}

export const CATALOG_APP: ServiceAppOptions = {
  service: 'catalog',
  description:
    "L'offre de formation : modules, parcours, sessions, calendrier scolaire, demandes, planificateur, imports GAIA.",
  consumesEvents: true,
};
