import { REMUNERATION_EVENTS } from '@forma/contracts';
import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import { ConventionRepository } from './conventions/convention.repository';
import { ConventionsHttpController } from './conventions/conventions.http.controller';
import { ConventionsService } from './conventions/conventions.service';
import { HseRepository } from './hse/hse.repository';
import { HseHttpController } from './hse/hse.http.controller';
import { HseService } from './hse/hse.service';
import { REMUNERATION_MIGRATIONS } from './migrations';
import { PaymentRepository } from './payments/payment.repository';
import { PaymentsHttpController } from './payments/payments.http.controller';
import { PaymentsService } from './payments/payments.service';
import { RemunerationEnvironment, remunerationSettingsProvider } from './remuneration.config';
import { FactsEventController } from './replica/facts.event.controller';

/**
 * Remuneration (issue 15): conventions DAFPEN x school, the HSE ledger under its cap, service fait, payroll batches.
 */
@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'remuneration',
      environment: RemunerationEnvironment,
      entities: [],
      migrations: REMUNERATION_MIGRATIONS,
      publishes: [...REMUNERATION_EVENTS],
    }),
  ],
  controllers: [ConventionsHttpController, HseHttpController, PaymentsHttpController, FactsEventController],
  providers: [
    remunerationSettingsProvider,
    ConventionRepository,
    ConventionsService,
    HseRepository,
    HseService,
    PaymentRepository,
    PaymentsService,
  ],
})
export class RemunerationModule {}

export const REMUNERATION_APP: ServiceAppOptions = {
  service: 'remuneration',
  description: 'Conventions DAFPEN x EPLE, formateurs accompagnateurs, HSE sous plafond, service fait, lots de paie.',
  consumesEvents: true,
};
