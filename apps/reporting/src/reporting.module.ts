import { ServicePlatformModule } from '@forma/http';
import { Module } from '@nestjs/common';
import { REPORTING_MIGRATIONS } from './migrations';
import { OfferProjectionEventController } from './offer/offer-projection.event.controller';
import { OfferReportHttpController } from './offer/offer-report.http.controller';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'reporting', entities: [], migrations: REPORTING_MIGRATIONS, publishes: [] }),
  ],
  controllers: [OfferProjectionEventController, OfferReportHttpController],
})
export class ReportingModule {}

export const REPORTING_APP = {
  service: 'reporting',
  description: 'Bilans, projections et exports pour le rectorat et les outils décisionnels.',
  consumesEvents: true,
  defaultPort: 3005,
};
