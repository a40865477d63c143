import {
  IsBoolean,
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { IsMail } from '../values/mail';
import { Topic } from '../topics';
import { CANCELLATION_REASONS, CancellationReason, REGISTRATION_KINDS, RegistrationKind } from '../values/enrolment';
import { ACADEMY_CODE_PATTERN } from '../values/training';
import { IsUai } from '../values/uai';

/** The registration and the person, as attendance, remuneration and reporting need them (no lookup back). */
export class RegistrationFactV1 {
  @IsUUID()
  registrationId!: string;

  @IsUUID()
  sessionId!: string;

  @IsUUID()
  moduleId!: string;

  @IsUUID()
  participantId!: string;

  @IsMail()
  mail!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  lastName!: string;

  @IsString()
  @MaxLength(120)
  firstName!: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  function?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  grade?: string | null;

  @IsOptional()
  @IsUai()
  uai?: string | null;

  @IsIn(REGISTRATION_KINDS)
  kind!: RegistrationKind;

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
}

export const EnrolmentRequested = defineEvent({
  type: 'EnrolmentRequested',
  version: 1,
  topic: Topic.EnrolmentRegistration,
  payload: RegistrationFactV1,
  key: (data) => data.registrationId,
  description: 'A person asked to attend a session (individual request): it waits for the organiser’s decision.',
});

export class EnrolmentConfirmedV1 extends RegistrationFactV1 {
  /** true when a seat freed and the first of the waitlist took it. */
  @IsOptional()
  @IsBoolean()
  promotedFromWaitlist?: boolean;

  @IsISO8601({ strict: true })
  confirmedAt!: string;
}

export const EnrolmentConfirmed = defineEvent({
  type: 'EnrolmentConfirmed',
  version: 1,
  topic: Topic.EnrolmentRegistration,
  payload: EnrolmentConfirmedV1,
  key: (data) => data.registrationId,
  description: 'A person holds a seat in a session: attendance expects them, a convocation is sent.',
});

export class EnrolmentWaitlistedV1 extends RegistrationFactV1 {
  /** 1 = next to be promoted, at the time of the event. */
  @IsInt()
  @Min(1)
  position!: number;
}

export const EnrolmentWaitlisted = defineEvent({
  type: 'EnrolmentWaitlisted',
  version: 1,
  topic: Topic.EnrolmentRegistration,
  payload: EnrolmentWaitlistedV1,
  key: (data) => data.registrationId,
  description: 'The session was full: the person waits, first come first promoted.',
});

export class EnrolmentCancelledV1 {
  @IsUUID()
  registrationId!: string;

  @IsUUID()
  sessionId!: string;

  @IsUUID()
  moduleId!: string;

  @IsUUID()
  participantId!: string;

  @IsIn(CANCELLATION_REASONS)
  reason!: CancellationReason;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string | null;

  /** Whether the registration held a seat (a seat freed) or waited. */
  @IsIn(['requested', 'confirmed', 'waitlisted'])
  previousState!: 'requested' | 'confirmed' | 'waitlisted';

  @IsISO8601({ strict: true })
  cancelledAt!: string;
}

export const EnrolmentCancelled = defineEvent({
  type: 'EnrolmentCancelled',
  version: 1,
  topic: Topic.EnrolmentRegistration,
  payload: EnrolmentCancelledV1,
  key: (data) => data.registrationId,
  description: 'A registration ended before the session: withdrawn, refused, or the session was cancelled.',
});
