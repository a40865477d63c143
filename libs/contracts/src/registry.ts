import { EventDefinition } from './event-definition';
import { ModulePublished } from './catalog/module-published.event';
import { ModuleArchived, ModuleRevised } from './catalog/module-revised.event';
import { OpeningRequestDecided } from './catalog/request.events';
import { AreaDescribed, CanopeDtDescribed, SchoolRegistered } from './catalog/reference.events';
import { DeploymentWavePlanned } from './catalog/training-plan.events';
import { ParticipantCompleted } from './attendance/participant-completed.event';
import {
  AttendanceRecorded,
  AttestationIssued,
  AttestationRevoked,
  CompletionRevoked,
  EvaluationSubmitted,
  ProgressUpdated,
  SessionClosed,
  TrainerHoursDelivered,
} from './attendance/attendance.events';
import { GroupFormed } from './enrolment/group.events';
import { ImportCompleted } from './enrolment/import.events';
import { PersonErased } from './enrolment/person.events';
import {
  EnrolmentCancelled,
  EnrolmentConfirmed,
  EnrolmentRequested,
  EnrolmentWaitlisted,
} from './enrolment/registration.events';
import {
  ConventionClosed,
  ConventionSigned,
  HseAllocated,
  HseAllocationRefused,
  PaymentBatchExported,
  ServiceFaitCertified,
} from './remuneration/remuneration.events';
import { SessionCancelled, SessionDelivered, SessionRescheduled, SessionScheduled } from './catalog/session.events';

/** What the catalog publishes. */
export const CATALOG_EVENTS: readonly EventDefinition[] = [
  ModulePublished,
  ModuleRevised,
  ModuleArchived,
  SessionScheduled,
  SessionRescheduled,
  SessionCancelled,
  SessionDelivered,
  OpeningRequestDecided,
  SchoolRegistered,
  CanopeDtDescribed,
  AreaDescribed,
  DeploymentWavePlanned,
];

/** What enrolment publishes. */
export const ENROLMENT_EVENTS: readonly EventDefinition[] = [
  EnrolmentRequested,
  EnrolmentConfirmed,
  EnrolmentWaitlisted,
  EnrolmentCancelled,
  GroupFormed,
  ImportCompleted,
  PersonErased,
];

/** What attendance publishes. */
export const ATTENDANCE_EVENTS: readonly EventDefinition[] = [
  AttendanceRecorded,
  ProgressUpdated,
  SessionClosed,
  ParticipantCompleted,
  CompletionRevoked,
  AttestationIssued,
  AttestationRevoked,
  EvaluationSubmitted,
  TrainerHoursDelivered,
];

/** What remuneration publishes. */
export const REMUNERATION_EVENTS: readonly EventDefinition[] = [
  ConventionSigned,
  HseAllocated,
  HseAllocationRefused,
  ServiceFaitCertified,
  PaymentBatchExported,
  ConventionClosed,
];

/** Every event the platform knows, every version. Consumers validate what they receive against this list. */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...CATALOG_EVENTS,
  ...ENROLMENT_EVENTS,
  ...ATTENDANCE_EVENTS,
  ...REMUNERATION_EVENTS,
];
