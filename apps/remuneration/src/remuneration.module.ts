import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';

// The remuneration context owns its database (migrations: the shared outbox, inbox and idempotency tables for now) and
// exposes /health; its domain arrives with its own issue (docs/architecture.md, roadmap).
@Module({
  imports: [ServicePlatformModule.forService({ service: 'remuneration', entities: [], migrations: [], publishes: [] })],
})
export class RemunerationModule {}

export const REMUNERATION_APP: ServiceAppOptions = {
  service: 'remuneration',
  description: "Conventions DAFPEN x EPLE, formateurs accompagnateurs, HSE.",
  consumesEvents: false,
};
