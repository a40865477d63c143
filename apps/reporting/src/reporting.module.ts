import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import { BiFeedRepository } from './bi/bi-feed.repository';
import { BiHttpController } from './bi/bi.http.controller';
import { BiQueries } from './bi/bi.queries';
import { BiService } from './bi/bi.service';
import { BilanHttpController } from './bilans/bilan.http.controller';
import { BilanQueries } from './bilans/bilan.queries';
import { SecrecyDecisions } from './bilans/secrecy-decisions.service';
import { BiSessionPublisher } from './bi/bi-session-publisher.service';
import { BilanService } from './bilans/bilan.service';
import { BilanLive } from './bilans/bilan-live.service';
import { BilanChangesRepository } from './bilans/bilan-changes.repository';
import { ExportJobRepository } from './exports/export-job.repository';
import { ExportJobsHttpController } from './exports/export-jobs.http.controller';
import { ExportJobsService } from './exports/export-jobs.service';
import { EventLogHttpController } from './log/event-log.http.controller';
import { EventLogQueries } from './log/event-log.queries';
import { EventLogRepository } from './log/event-log.repository';
import { REPORTING_MIGRATIONS } from './migrations';
import { OfferReportHttpController } from './offer/offer-report.http.controller';
import { OfferReportQueries } from './offer/offer-report.queries';
import { ProjectionEventController } from './projections/projection.event.controller';
import { PresenceProjectionRepository } from './projections/presence-projection.repository';
import { ProjectionRepository } from './projections/projection.repository';
import { ProjectionService } from './projections/projection.service';
import { Projector } from './projections/projector.service';
import { ReportingEnvironment, reportingSettingsProvider } from './reporting.config';

@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'reporting',
      entities: [],
      migrations: REPORTING_MIGRATIONS,
      publishes: [],
      environment: ReportingEnvironment,
    }),
  ],
  controllers: [
    ProjectionEventController,
    OfferReportHttpController,
    BilanHttpController,
    ExportJobsHttpController,
    BiHttpController,
    EventLogHttpController,
  ],
  providers: [
    reportingSettingsProvider,
    EventLogRepository,
    EventLogQueries,
    ProjectionRepository,
    PresenceProjectionRepository,
    Projector,
    ProjectionService,
    BiFeedRepository,
    SecrecyDecisions,
    BiSessionPublisher,
    BiQueries,
    BiService,
    BilanQueries,
    BilanService,
    BilanLive,
    BilanChangesRepository,
    ExportJobRepository,
    ExportJobsService,
    OfferReportQueries,
  ],
})
export class ReportingModule {}

export const REPORTING_APP: ServiceAppOptions = {
  service: 'reporting',
  description: 'Bilans, projections et exports pour le rectorat, et l’API décisionnelle (BI) incrémentale.',
  consumesEvents: true,
  // events projected set-based in larger batches under load (a presence mark is ~0.7 kB): at most 50 ms more under a
  // trickle, well within the bilan's second
  fetchBatching: { minBytes: 64 * 1024, maxWaitMs: 50 },
};
