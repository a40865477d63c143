/** Every Kafka topic of the platform: `<context>.<aggregate>.v<N>`. Dead letters go to `<topic>.dlq`. */
export enum Topic {
  CatalogModule = 'catalog.module.v1',
  CatalogSession = 'catalog.session.v1',
  CatalogRequest = 'catalog.request.v1',
  CatalogReference = 'catalog.reference.v1',
  CatalogPlan = 'catalog.plan.v1',
  EnrolmentRegistration = 'enrolment.registration.v1',
  EnrolmentGroup = 'enrolment.group.v1',
  EnrolmentImport = 'enrolment.import.v1',
  EnrolmentPerson = 'enrolment.person.v1',
  AttendanceParticipation = 'attendance.participation.v1',
  AttendancePresence = 'attendance.presence.v1',
  AttendanceAttestation = 'attendance.attestation.v1',
  AttendanceEvaluation = 'attendance.evaluation.v1',
  AttendanceTrainerHours = 'attendance.trainer-hours.v1',
  RemunerationConvention = 'remuneration.convention.v1',
  RemunerationHse = 'remuneration.hse.v1',
  RemunerationPayment = 'remuneration.payment.v1',
}

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopic(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}
