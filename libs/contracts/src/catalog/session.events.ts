import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';
import { ACADEMY_CODE_PATTERN } from '../values/training';
import {
  ISO_DATE_PATTERN,
  SESSION_STATUSES,
  SLOT_KINDS,
  SessionStatus,
  SlotKind,
  TIME_OF_DAY_PATTERN,
  TRAINER_ROLES,
  TrainerRole,
} from '../values/session';
import { IsMail } from '../values/mail';
import { IsUai } from '../values/uai';

export class SessionSlotV1 {
  @Matches(ISO_DATE_PATTERN)
  date!: string;

  @Matches(TIME_OF_DAY_PATTERN)
  start!: string;

  @Matches(TIME_OF_DAY_PATTERN)
  end!: string;

  @IsIn(SLOT_KINDS)
  kind!: SlotKind;
}

export class SessionTrainerV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsMail()
  mail?: string | null;

  @IsIn(TRAINER_ROLES)
  role!: TrainerRole;
}

/** What other contexts need of a session: its module revision, capacity, calendar, place and status. */
export class SessionScheduledV1 {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  moduleId!: string;

  @IsInt()
  @Min(1)
  moduleRevision!: number;

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2)
  groupNumber!: string;

  @IsInt()
  @Min(1)
  capacity!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SessionSlotV1)
  slots!: SessionSlotV1[];

  @IsOptional()
  @IsUai()
  placeUai?: string | null;

  @IsIn(SESSION_STATUSES)
  status!: SessionStatus;

  @IsOptional()
  @IsInt()
  gaiaSessionId?: number | null;

  /** Mails of the trainers and tutors named on the session (lower case): who runs it, so who may see its people. */
  @IsOptional()
  @IsArray()
  @IsMail({ each: true })
  trainerMails?: string[];

  /** The trainers and tutors named on the session, for the attendance sheet and their hours (staff data). */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SessionTrainerV1)
  trainers?: SessionTrainerV1[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  placeLabel?: string | null;

  /** The end of the distance work, when it goes on after the last slot. */
  @IsOptional()
  @Matches(ISO_DATE_PATTERN)
  distanceEndsOn?: string | null;
}

export const SessionScheduled = defineEvent({
  type: 'SessionScheduled',
  version: 1,
  topic: Topic.CatalogSession,
  payload: SessionScheduledV1,
  key: (data) => data.sessionId,
  description: 'A session of a module was planned: slots, place, capacity and status.',
});

/** The session after the change (whole state, so a consumer never needs the previous event to apply it). */
export class SessionRescheduledV1 extends SessionScheduledV1 {
  @IsArray()
  @IsString({ each: true })
  changed!: string[];
}

export const SessionRescheduled = defineEvent({
  type: 'SessionRescheduled',
  version: 1,
  topic: Topic.CatalogSession,
  payload: SessionRescheduledV1,
  key: (data) => data.sessionId,
  description: 'A session changed: slots moved, capacity, place, trainers or status (open for enrolment, full).',
});

export class SessionCancelledV1 {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  moduleId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsISO8601({ strict: true })
  cancelledAt!: string;
}

export const SessionCancelled = defineEvent({
  type: 'SessionCancelled',
  version: 1,
  topic: Topic.CatalogSession,
  payload: SessionCancelledV1,
  key: (data) => data.sessionId,
  description: 'A session was cancelled, with the reason: it takes no registration any more.',
});

export class SessionDeliveredV1 {
  @IsUUID()
  sessionId!: string;

  @IsUUID()
  moduleId!: string;

  @IsInt()
  @Min(1)
  moduleRevision!: number;

  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;

  /** Hours per participant, as planned: face-to-face and virtual-class slots. */
  @Min(0)
  deliveredHours!: number;

  @IsISO8601({ strict: true })
  deliveredAt!: string;
}

export const SessionDelivered = defineEvent({
  type: 'SessionDelivered',
  version: 1,
  topic: Topic.CatalogSession,
  payload: SessionDeliveredV1,
  key: (data) => data.sessionId,
  description: 'A session took place ("formation terminée"): attendance can close it, remuneration can pay it.',
});
