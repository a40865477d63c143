import { Type } from 'class-transformer';
import {
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
import { IsMail } from '../values/mail';
import { Topic } from '../topics';
import {
  AttendanceModality,
  MARK_PROVENANCES,
  MarkProvenance,
  ATTENDANCE_MODALITIES,
  PRESENCE_STATUSES,
  PresenceStatus,
  SLOT_PARTS,
  SlotPart,
} from '../values/attendance';
import { ISO_DATE_PATTERN, TRAINER_ROLES, TrainerRole } from '../values/session';
import { ACADEMY_CODE_PATTERN } from '../values/training';

/** One entry of the presence ledger: a mark, or the correction of an earlier one (never an update). */
export class AttendanceRecordedV1 {
  @IsString()
  @Matches(/^\d+$/)
  markId!: string;
  @IsUUID()
  registrationId!: string;
  @IsUUID()
  participantId!: string;
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  moduleId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @IsInt()
  @Min(0)
  slotIndex!: number;
  @IsIn(SLOT_PARTS)
  part!: SlotPart;
  @IsIn(ATTENDANCE_MODALITIES)
  modality!: AttendanceModality;
  @IsIn(PRESENCE_STATUSES)
  status!: PresenceStatus;
  /** Minutes attended (exact): the part's length when present, the real time when partial, 0 otherwise. */
  @IsInt()
  @Min(0)
  minutes!: number;
  @IsIn(MARK_PROVENANCES)
  provenance!: MarkProvenance;
  @IsOptional()
  @IsString()
  @Matches(/^\d+$/)
  correctsMarkId?: string | null;
  @IsISO8601({ strict: true })
  recordedAt!: string;
}

export const AttendanceRecorded = defineEvent({
  type: 'AttendanceRecorded',
  version: 1,
  topic: Topic.AttendancePresence,
  payload: AttendanceRecordedV1,
  key: (data) => data.sessionId,
  description: 'A presence mark was recorded (or corrected, by a new entry) for a participant on a slot of a session.',
});

/** A participant's progress on a session's monitored activities changed. */
export class ProgressUpdatedV1 {
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  registrationId!: string;
  @IsUUID()
  activityId!: string;
  @IsIn(['done', 'not-done'])
  state!: 'done' | 'not-done';
  @IsInt()
  @Min(0)
  percentage!: number;
  @IsISO8601({ strict: true })
  updatedAt!: string;
}

export const ProgressUpdated = defineEvent({
  type: 'ProgressUpdated',
  version: 1,
  topic: Topic.AttendancePresence,
  payload: ProgressUpdatedV1,
  key: (data) => data.sessionId,
  description: "A participant's progress on a monitored activity of the parcours changed (m@gistère's progress bar).",
});

/** A session's marks were locked (closed), or unlocked with a reason (reopened). */
export class SessionClosedV1 {
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  moduleId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @IsInt()
  @Min(0)
  participants!: number;
  @IsInt()
  @Min(0)
  presentParticipants!: number;
  @IsISO8601({ strict: true })
  closedAt!: string;
}

export const SessionClosed = defineEvent({
  type: 'SessionClosed',
  version: 1,
  topic: Topic.AttendancePresence,
  payload: SessionClosedV1,
  key: (data) => data.sessionId,
  description: "A session's presence marks were locked: reopening is an explicit act with a reason.",
});

export class CompletionRevokedV1 {
  @IsUUID()
  registrationId!: string;
  @IsUUID()
  participantId!: string;
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  moduleId!: string;
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
  @IsISO8601({ strict: true })
  revokedAt!: string;
}

export const CompletionRevoked = defineEvent({
  type: 'CompletionRevoked',
  version: 1,
  topic: Topic.AttendanceParticipation,
  payload: CompletionRevokedV1,
  key: (data) => data.registrationId,
  description: 'A completion was revoked, with its reason: the prerequisites it met are no longer met.',
});

/** What an attestation states (planned hours, not time spent: seed 003), and the digest of its PDF. */
export class AttestationIssuedV1 {
  @IsUUID()
  attestationId!: string;
  @IsUUID()
  registrationId!: string;
  @IsUUID()
  participantId!: string;
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  moduleId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  /**
   * The parcours' duration as planned (not the time spent), in minutes: face-to-face, and distance (virtual classes and
   * follow-up).
   */
  @IsInt()
  @Min(0)
  faceToFaceMinutes!: number;
  @IsInt()
  @Min(0)
  distanceMinutes!: number;
  @Matches(/^[0-9a-f]{64}$/)
  digest!: string;
  @IsISO8601({ strict: true })
  issuedAt!: string;
}

export const AttestationIssued = defineEvent({
  type: 'AttestationIssued',
  version: 1,
  topic: Topic.AttendanceAttestation,
  payload: AttestationIssuedV1,
  key: (data) => data.attestationId,
  description: 'An attestation de présence was issued: what it states, and the SHA-256 of its PDF.',
});

export class AttestationRevokedV1 {
  @IsUUID()
  attestationId!: string;
  @IsUUID()
  sessionId!: string;
  @IsOptional()
  @IsUUID()
  replacedBy?: string | null;
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
  @IsISO8601({ strict: true })
  revokedAt!: string;
}

export const AttestationRevoked = defineEvent({
  type: 'AttestationRevoked',
  version: 1,
  topic: Topic.AttendanceAttestation,
  payload: AttestationRevokedV1,
  key: (data) => data.attestationId,
  description: 'An attestation was revoked, with the reason and the attestation that replaced it, if any.',
});

/** An anonymous evaluation was answered: which session and which day, never who. */
export class EvaluationSubmittedV1 {
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  moduleId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @Matches(ISO_DATE_PATTERN)
  answeredOn!: string;
}

export const EvaluationSubmitted = defineEvent({
  type: 'EvaluationSubmitted',
  version: 1,
  topic: Topic.AttendanceEvaluation,
  payload: EvaluationSubmittedV1,
  key: (data) => data.sessionId,
  description:
    'A participant answered the anonymous evaluation of a session (no person, the day only: the envelope names no actor and is dated at midnight UTC).',
  anonymous: true,
});

export class TrainerHoursV1 {
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

/** The hours a trainer delivered on a session, per modality: what remuneration pays from (HSE). */
export class TrainerHoursDeliveredV1 {
  @IsUUID()
  sessionId!: string;
  @IsUUID()
  moduleId!: string;
  @Matches(ACADEMY_CODE_PATTERN)
  academy!: string;
  @ValidateNested()
  @Type(() => TrainerHoursV1)
  trainer!: TrainerHoursV1;
  /** Minutes (exact; an HSE is an hour): face-to-face, virtual class ("CV") and follow-up ("suivi"). */
  @IsInt()
  @Min(0)
  faceToFaceMinutes!: number;
  @IsInt()
  @Min(0)
  virtualClassMinutes!: number;
  @IsInt()
  @Min(0)
  followUpMinutes!: number;
  @IsArray()
  @Matches(ISO_DATE_PATTERN, { each: true })
  dates!: string[];
  @IsISO8601({ strict: true })
  deliveredAt!: string;
}

export const TrainerHoursDelivered = defineEvent({
  type: 'TrainerHoursDelivered',
  version: 1,
  topic: Topic.AttendanceTrainerHours,
  payload: TrainerHoursDeliveredV1,
  key: (data) => `${data.sessionId}:${(data.trainer.mail ?? data.trainer.name).toLowerCase()}`,
  description:
    "A trainer's hours on a delivered session, face-to-face, virtual class and follow-up: remuneration pays from them.",
});
