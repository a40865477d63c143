import { IsInt, IsISO8601, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';

/** A participant completed a module's session ("formation terminée", presence attested). */
export class ParticipantCompletedV1 {
  @IsUUID()
  registrationId!: string;

  @IsUUID()
  participantId!: string;

  @IsUUID()
  sessionId!: string;

  @IsUUID()
  moduleId!: string;

  @IsISO8601({ strict: true })
  completedAt!: string;

  /** The version of the completion rule it was decided under (attendance's `completion.rules.ts`). */
  @IsOptional()
  @IsInt()
  @Min(1)
  ruleVersion?: number;
}

export const ParticipantCompleted = defineEvent({
  type: 'ParticipantCompleted',
  version: 1,
  topic: Topic.AttendanceParticipation,
  payload: ParticipantCompletedV1,
  key: (data) => data.registrationId,
  description: 'A participant completed a session of a module: prerequisites that name that module are met.',
});
