import { ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';

// The attendance context owns its database (migrations: the shared outbox, inbox and idempotency tables for now) and
// exposes /health; its domain arrives with its own issue (docs/architecture.md, roadmap).
@Module({
  imports: [ServicePlatformModule.forService({ service: 'attendance', entities: [], migrations: [], publishes: [] })],
})
export class AttendanceModule {}

export const ATTENDANCE_APP: ServiceAppOptions = {
  service: 'attendance',
  description: "Présences, progression, attestations, évaluations.",
  consumesEvents: false,
};
