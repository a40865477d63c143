import { CATALOG_EVENTS } from '@forma/contracts';
import { ServicePlatformModule } from '@forma/http';
import { Module } from '@nestjs/common';
import { CalendarHttpController } from './calendar/calendar.http.controller';
import { CalendarService } from './calendar/calendar.service';
import { GaiaImportHttpController } from './gaia/gaia-import.http.controller';
import { GaiaImportService } from './gaia/gaia-import.service';
import { CATALOG_MIGRATIONS } from './migrations';
import { ModuleCommands } from './modules/commands/module-commands.service';
import { ModulesHttpController } from './modules/commands/modules.http.controller';
import { ModuleStore } from './modules/module-store';
import { OfferHttpController } from './modules/queries/offer.http.controller';
import { TrainingModule } from './modules/training-module.entity';
import { PlannerHttpController } from './planner/planner.http.controller';
import { ReferenceHttpController } from './reference/reference.http.controller';
import { RequestsHttpController } from './requests/requests.http.controller';
import { SessionCommands } from './sessions/session-commands.service';
import { SessionsHttpController } from './sessions/sessions.http.controller';
import { TrainingSession } from './sessions/training-session.entity';

@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'catalog',
      entities: [TrainingModule, TrainingSession],
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
  providers: [ModuleStore, ModuleCommands, SessionCommands, CalendarService, GaiaImportService],
})
export class CatalogModule {}

export const CATALOG_APP = {
  service: 'catalog',
  description: "L'offre de formation : modules, parcours, sessions, calendrier scolaire, demandes, planificateur, imports GAIA.",
  consumesEvents: false,
  defaultPort: 3001,
};
