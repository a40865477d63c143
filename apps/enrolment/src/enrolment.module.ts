import { ServicePlatformModule } from '@forma/http';
import { Module } from '@nestjs/common';

// The enrolment context owns its database (migrations: the shared outbox, inbox and idempotency tables for now) and
// exposes /health; its domain arrives with its own issue (docs/architecture.md, roadmap).
@Module({
  imports: [ServicePlatformModule.forService({ service: 'enrolment', entities: [], migrations: [], publishes: [] })],
})
export class EnrolmentModule {}

export const ENROLMENT_APP = {
  service: 'enrolment',
  description: "Inscriptions, listes d'attente, imports GAIA, groupes d'ateliers.",
  consumesEvents: false,
  defaultPort: 3002,
};
