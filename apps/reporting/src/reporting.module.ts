import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import { REPORTING_MIGRATIONS } from './migrations';
import { OfferProjectionEventController } from './offer/offer-projection.event.controller';
import { OfferProjectionRepository } from './offer/offer-projection.repository';
import { OfferReportHttpController } from './offer/offer-report.http.controller';
import { OfferReportQueries } from './offer/offer-report.queries';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'reporting', entities: [], migrations: REPORTING_MIGRATIONS, publishes: [] }),
  ],
  controllers: [OfferProjectionEventController, OfferReportHttpController],
  providers: [OfferProjectionRepository, OfferReportQueries],
})
export class ReportingModule {}

export const REPORTING_APP: ServiceAppOptions = {
  service: 'reporting',
  description: 'Bilans, projections et exports pour le rectorat et les outils décisionnels.',
  consumesEvents: true,
};
