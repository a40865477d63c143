import {
  AttendanceRecordedV1,
  AttestationIssuedV1,
  AttestationRevokedV1,
  CompletionRevokedV1,
  ConventionFactV1,
  DeploymentWavePlannedV1,
  EnrolmentCancelledV1,
  EnrolmentConfirmedV1,
  EventEnvelope,
  EvaluationSubmittedV1,
  HseAllocationV1,
  ModuleArchivedV1,
  ModulePublishedV1,
  ParticipantCompletedV1,
  PaymentBatchExportedV1,
  SchoolRegisteredV1,
  CanopeDtDescribedV1,
  AreaDescribedV1,
  ServiceFaitCertifiedV1,
  SessionCancelledV1,
  SessionDeliveredV1,
  SessionScheduledV1,
} from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BiFeedRepository, DecisionOf } from '../bi/bi-feed.repository';
import { SecrecyDecisions } from '../bilans/secrecy-decisions.service';
import { PresenceProjectionRepository } from './presence-projection.repository';
import { ProjectionRepository } from './projection.repository';

type Apply = (manager: EntityManager, event: EventEnvelope<never>) => Promise<void>;

/**
 * Applies one event of the log to the projections: the same code for an event just received and for a rebuild that
 * replays the log, so both give the same tables. An event type with no projection (progress, imports, groups...) is
 * only logged. After the facts, the BI cells the events touched are recomputed (once per batch).
 */
@Injectable()
export class Projector {
  private readonly appliers: Record<string, Apply>;
  /** Event types written a run at a time: consecutive events of the type, in order. */
  private readonly runWriters: Record<string, (manager: EntityManager, data: unknown[]) => Promise<void>>;

  constructor(
    private readonly facts: ProjectionRepository,
    private readonly presence: PresenceProjectionRepository,
    private readonly bi: BiFeedRepository,
    private readonly decisions: SecrecyDecisions,
  ) {
    const f = this.facts;
    const p = this.presence;
    const on =
      <T>(apply: (m: EntityManager, data: T, e: EventEnvelope<T>) => Promise<void>): Apply =>
      (m, e) =>
        apply(m, (e as EventEnvelope<T>).data, e as EventEnvelope<T>);
    this.appliers = {
      ModulePublished: on<ModulePublishedV1>((m, d, e) => f.upsertModule(m, d, e.occurredAt)),
      ModuleRevised: on<ModulePublishedV1>((m, d, e) => f.upsertModule(m, d, e.occurredAt)),
      ModuleArchived: on<ModuleArchivedV1>((m, d) => f.archiveModule(m, d)),
      SchoolRegistered: on<SchoolRegisteredV1>((m, d) => f.upsertSchool(m, d)),
      CanopeDtDescribed: on<CanopeDtDescribedV1>((m, d) => f.upsertCanopeDt(m, d)),
      AreaDescribed: on<AreaDescribedV1>((m, d) => f.upsertAreaName(m, d)),
      DeploymentWavePlanned: on<DeploymentWavePlannedV1>((m, d) => f.planWave(m, d)),
      SessionScheduled: on<SessionScheduledV1>((m, d, e) => f.upsertSession(m, d, e.occurredAt)),
      SessionRescheduled: on<SessionScheduledV1>((m, d, e) => f.upsertSession(m, d, e.occurredAt)),
      SessionCancelled: on<SessionCancelledV1>((m, d) => f.cancelSession(m, d)),
      SessionDelivered: on<SessionDeliveredV1>((m, d) => f.deliverSession(m, d)),
      EnrolmentConfirmed: on<EnrolmentConfirmedV1>((m, d) => f.confirmRegistrations(m, [d])),
      EnrolmentCancelled: on<EnrolmentCancelledV1>((m, d) =>
        d.previousState === 'confirmed' ? f.cancelRegistration(m, d) : Promise.resolve(),
      ),
      AttendanceRecorded: on<AttendanceRecordedV1>((m, d) => p.recordMark(m, d)),
      ParticipantCompleted: on<ParticipantCompletedV1>((m, d) => f.complete(m, d)),
      CompletionRevoked: on<CompletionRevokedV1>((m, d) => f.revokeCompletion(m, d)),
      AttestationIssued: on<AttestationIssuedV1>((m, d) => f.issueAttestation(m, d)),
      AttestationRevoked: on<AttestationRevokedV1>((m, d) => f.revokeAttestation(m, d)),
      EvaluationSubmitted: on<EvaluationSubmittedV1>((m, d) => f.countEvaluation(m, d)),
      ConventionSigned: on<ConventionFactV1>((m, d, e) => f.conventionFact(m, d, 'signed_on', e.occurredAt)),
      ServiceFaitCertified: on<ServiceFaitCertifiedV1>((m, d, e) =>
        f.conventionFact(m, d, d.by === 'head' ? 'service_fait_on' : 'validated_on', e.occurredAt),
      ),
      ConventionClosed: on<ConventionFactV1>((m, d, e) => f.conventionFact(m, d, 'closed_on', e.occurredAt)),
      HseAllocated: on<HseAllocationV1>(async (m, d, e) => {
        await f.conventionFact(m, d, null, e.occurredAt);
        await f.allocateHse(m, d);
      }),
      PaymentBatchExported: on<PaymentBatchExportedV1>((m, d) => f.pay(m, d)),
    };
    this.runWriters = {
      AttendanceRecorded: (m, marks) => p.recordMarks(m, marks as AttendanceRecordedV1[]),
      EnrolmentConfirmed: (m, confirmations) => f.confirmRegistrations(m, confirmations as EnrolmentConfirmedV1[]),
    };
  }

  /** Whether an event type changes a projection (the others are only kept in the log). */
  projects(type: string): boolean {
    return type in this.appliers;
  }

  /** Applies events to the facts, then refreshes the BI cells they touched (live consumption). */
  async apply(manager: EntityManager, events: EventEnvelope<unknown>[]): Promise<void> {
    await this.applyFacts(manager, events);
    await this.bi.refresh(manager, events);
  }

  /** The académie's secrecy decision now, as this transaction sees its cube (the BI feed's session cells follow it). */
  decisionOf(manager: EntityManager): DecisionOf {
    return (academy) => this.decisions.versioned(academy, null, null, manager);
  }

  /** Applies events to the facts only (a rebuild refreshes every BI cell once at its end). */
  async applyFacts(manager: EntityManager, events: EventEnvelope<unknown>[]): Promise<void> {
    // presence marks and confirmations come in runs (a list marked at once, an import, a batch of the topic): written
    // set-based, in their place
    for (let i = 0; i < events.length;) {
      const writeRun = this.runWriters[events[i].type];
      if (writeRun) {
        let j = i;
        while (j < events.length && events[j].type === events[i].type) j++;
        await writeRun(
          manager,
          events.slice(i, j).map((e) => e.data),
        );
        i = j;
      } else {
        await this.appliers[events[i].type]?.(manager, events[i] as EventEnvelope<never>);
        i++;
      }
    }
  }
}
