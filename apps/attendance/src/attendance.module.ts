import { ATTENDANCE_EVENTS } from '@forma/contracts';
import { NotificationPort, notifierFrom, ServiceAppOptions, ServicePlatformModule } from '@forma/platform';
import { Module } from '@nestjs/common';
import {
  ATTENDANCE_SETTINGS,
  AttendanceEnvironment,
  AttendanceSettings,
  attendanceSettingsProvider,
} from './attendance.config';
import { AttestationRenderer } from './attestations/attestation.renderer';
import { AttestationRepository } from './attestations/attestation.repository';
import { AttestationService } from './attestations/attestation.service';
import { AttestationsOnCompletionRevoked } from './attestations/attestations-on-completion-revoked';
import { COMPLETION_REVOKED_HOOK } from './completion/completion-revoked.port';
import { AttestationsHttpController } from './attestations/attestations.http.controller';
import { VerificationHttpController } from './attestations/verification.http.controller';
import { CompletionHttpController } from './completion/completion.http.controller';
import { CompletionRepository } from './completion/completion.repository';
import { CompletionService } from './completion/completion.service';
import { EvaluationHttpController } from './evaluation/evaluation.http.controller';
import { EvaluationRepository } from './evaluation/evaluation.repository';
import { EvaluationService } from './evaluation/evaluation.service';
import { FeedbackHttpController } from './feedback/feedback.http.controller';
import { FeedbackRepository } from './feedback/feedback.repository';
import { FeedbackService } from './feedback/feedback.service';
import { ATTENDANCE_MIGRATIONS } from './migrations';
import { PresenceHttpController } from './presence/presence.http.controller';
import { PresenceQueries } from './presence/presence.queries';
import { PresenceService } from './presence/presence.service';
import { SessionSpaceRepository } from './presence/session-space.repository';
import { SignatureRepository } from './presence/signature.repository';
import { SignaturesHttpController } from './presence/signatures.http.controller';
import { PresenceLiveHttpController } from './presence/presence-live.http.controller';
import { SignaturesService } from './presence/signatures.service';
import { TrainerSessionsHttpController } from './presence/trainer-sessions.http.controller';
import { ProgressHttpController } from './progress/progress.http.controller';
import { ProgressRepository } from './progress/progress.repository';
import { ProgressService } from './progress/progress.service';
import { PersonErasedEventController } from './replica/person-erased.event.controller';
import { ReplicaEventController } from './replica/replica.event.controller';
import { ReplicaRepository } from './replica/replica.repository';
import { TrainerHoursEventController } from './trainer-hours/trainer-hours.event.controller';
import { TrainerHoursService } from './trainer-hours/trainer-hours.service';

/**
 * Attendance (issue 14): presence ledger, sheets, progress, completion, attestations, anonymous evaluations, trainer
 * hours.
 */
@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'attendance',
      environment: AttendanceEnvironment,
      entities: [],
      migrations: ATTENDANCE_MIGRATIONS,
      publishes: [...ATTENDANCE_EVENTS],
    }),
  ],
  controllers: [
    PresenceHttpController,
    SignaturesHttpController,
    PresenceLiveHttpController,
    TrainerSessionsHttpController,
    ProgressHttpController,
    CompletionHttpController,
    AttestationsHttpController,
    VerificationHttpController,
    EvaluationHttpController,
    FeedbackHttpController,
    ReplicaEventController,
    PersonErasedEventController,
    TrainerHoursEventController,
  ],
  providers: [
    attendanceSettingsProvider,
    // the session's space: replicas, presence ledger
    ReplicaRepository,
    SessionSpaceRepository,
    PresenceService,
    PresenceQueries,
    SignatureRepository,
    SignaturesService,
    // progress and completion
    ProgressRepository,
    ProgressService,
    CompletionRepository,
    CompletionService,
    // attestations
    AttestationRepository,
    AttestationRenderer,
    AttestationService,
    AttestationsOnCompletionRevoked,
    { provide: COMPLETION_REVOKED_HOOK, useExisting: AttestationsOnCompletionRevoked },
    // evaluation
    EvaluationRepository,
    EvaluationService,
    // practice phase (seed 004)
    FeedbackRepository,
    FeedbackService,
    // trainer hours
    TrainerHoursService,
    {
      provide: NotificationPort,
      useFactory: (s: AttendanceSettings) => notifierFrom(s.notification),
      inject: [ATTENDANCE_SETTINGS],
    },
  ],
})
export class AttendanceModule {}

export const ATTENDANCE_APP: ServiceAppOptions = {
  service: 'attendance',
  description:
    'Présences (registre, feuilles d’émargement), progression, formation terminée, attestations vérifiables, évaluations anonymes, heures des formateurs.',
  consumesEvents: true,
};
