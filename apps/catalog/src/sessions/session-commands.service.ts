import { Identity } from '@forma/auth';
import {
  SessionCancelled,
  SessionDelivered,
  SessionRescheduled,
  SessionScheduled,
  SessionScheduledV1,
} from '@forma/contracts';
import { assertVersion, Clock, isRuleViolation } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { checkSessionCalendar, slotHours } from '../calendar/calendar.rules';
import { unknownAcademy } from '../calendar/calendar.errors';
import { CalendarService } from '../calendar/calendar.service';
import { assertModuleAllows, assertSchedulable, assertVisible } from '../modules/module.rules';
import { ModuleRepository } from '../modules/module.repository';
import { SessionSlot, TrainingModule, TrainingSession } from '../catalog.entities';
import { placeOutOfScope } from '../reference/reference.errors';
import { ReferenceRepository } from '../reference/reference.repository';
import { RescheduleSessionRequest, ScheduleSessionRequest, SessionResponse } from './session.dto';
import { SessionRepository } from './session.repository';
import {
  assertMayDeliver,
  assertOpenable,
  assertOpenForChanges,
  assertOver,
  assertOwnSession,
  calendarRuleBroken,
  forCaller,
  inPlannedSession,
  sessionProblems,
} from './session.rules';

/** Planning and moving sessions: every change goes through the calendar rules, and is announced through the outbox. */
@Injectable()
export class SessionCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly modules: ModuleRepository,
    private readonly reference: ReferenceRepository,
    private readonly calendars: CalendarService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async ofModule(moduleId: string, caller: Identity): Promise<SessionResponse[]> {
    assertVisible(await this.modules.get(this.dataSource.manager, moduleId), caller);
    return (await this.sessions.ofModule(this.dataSource.manager, moduleId)).map((s) =>
      forCaller(toSessionResponse(s), caller),
    );
  }

  async get(id: string, caller: Identity): Promise<SessionResponse> {
    return forCaller(toSessionResponse(await this.sessions.get(this.dataSource.manager, id)), caller);
  }

  schedule(moduleId: string, request: ScheduleSessionRequest, caller: Identity): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const module = await this.lockSchedulable(manager, moduleId, caller);
      return this.scheduleOne(manager, module, request, caller);
    });
  }

  /**
   * A plan's sessions scheduled together in one transaction (the planner's proposal accepted in one action): the first
   * refused refuses the plan, naming its session (`sessions[i].…`), and nothing is stored.
   */
  scheduleAll(moduleId: string, requests: ScheduleSessionRequest[], caller: Identity): Promise<SessionResponse[]> {
    return this.dataSource.transaction(async (manager) => {
      const module = await this.lockSchedulable(manager, moduleId, caller);
      const scheduled: SessionResponse[] = [];
      for (const [index, request] of requests.entries()) {
        try {
          scheduled.push(await this.scheduleOne(manager, module, request, caller));
        } catch (error) {
          throw isRuleViolation(error) ? inPlannedSession(error, index) : error;
        }
      }
      return scheduled;
    });
  }

  private async lockSchedulable(manager: EntityManager, moduleId: string, caller: Identity): Promise<TrainingModule> {
    const module = await this.modules.lock(manager, moduleId);
    assertSchedulable(module, caller.scope.academy);
    assertModuleAllows(module.status, 'schedule');
    return module;
  }

  private async scheduleOne(
    manager: EntityManager,
    module: TrainingModule,
    request: ScheduleSessionRequest,
    caller: Identity,
  ): Promise<SessionResponse> {
    const session = manager.create(TrainingSession, {
      id: randomUUID(),
      moduleId: module.id,
      moduleRevision: module.revision,
      academy: caller.scope.academy,
      groupNumber: request.groupNumber ?? (await this.sessions.nextGroup(manager, module.id, caller.scope.academy)),
      status: 'planned',
      cancelReason: null,
      gaiaKey: null,
      gaiaSessionId: null,
      gaiaHash: null,
      createdBy: caller.sub,
    });
    apply(session, request);
    await this.check(manager, module, session);
    const saved = await this.sessions.save(manager, session);
    await this.events.publish(manager, SessionScheduled, scheduledPayload(saved));
    return toSessionResponse(saved);
  }

  reschedule(
    id: string,
    request: RescheduleSessionRequest,
    expectedVersion: number,
    caller: Identity,
  ): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session, module) => {
      assertOpenForChanges(session);
      assertVersion(expectedVersion, session.rowVersion, 'Cette session');
      const before = JSON.stringify(session);
      apply(session, request);
      const changed = (Object.keys(request) as (keyof RescheduleSessionRequest)[]).filter(
        (k) => request[k] !== undefined,
      );
      if (JSON.stringify(session) === before) return session;
      await this.check(manager, module, session);
      const saved = await this.sessions.save(manager, session);
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed });
      return saved;
    });
  }

  open(id: string, caller: Identity): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session, module) => {
      assertOpenable(session);
      assertModuleAllows(module.status, 'schedule');
      session.status = 'open';
      const saved = await this.sessions.save(manager, session);
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed: ['status'] });
      return saved;
    });
  }

  cancel(id: string, reason: string, caller: Identity): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session) => {
      assertOpenForChanges(session);
      session.status = 'cancelled';
      session.cancelReason = reason.trim();
      const saved = await this.sessions.save(manager, session);
      await this.events.publish(manager, SessionCancelled, {
        sessionId: saved.id,
        moduleId: saved.moduleId,
        reason: saved.cancelReason ?? reason,
        cancelledAt: saved.updatedAt.toISOString(),
      });
      return saved;
    });
  }

  /** "Formation terminée": once its last slot is past, a session is delivered (attendance and HSE follow). */
  deliver(id: string, caller: Identity, today = this.clock.today()): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session) => {
      assertMayDeliver(session, caller);
      assertOpenForChanges(session);
      assertOver(session, today);
      session.status = 'delivered';
      const saved = await this.sessions.save(manager, session);
      await this.events.publish(manager, SessionDelivered, {
        sessionId: saved.id,
        moduleId: saved.moduleId,
        moduleRevision: saved.moduleRevision,
        academy: saved.academy,
        deliveredHours: saved.slots.reduce((sum, s) => sum + slotHours(s), 0),
        deliveredAt: saved.updatedAt.toISOString(),
      });
      return saved;
    });
  }

  private async change(
    id: string,
    caller: Identity,
    work: (manager: EntityManager, session: TrainingSession, module: TrainingModule) => Promise<TrainingSession>,
  ): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lock(manager, id);
      assertOwnSession(session, caller.scope.academy);
      const module = await this.modules.get(manager, session.moduleId);
      return toSessionResponse(await work(manager, session, module));
    });
  }

  /** Capacity, place and the calendar rules: errors refuse the whole change, warnings are kept with the session. */
  private async check(manager: EntityManager, module: TrainingModule, session: TrainingSession): Promise<void> {
    const placeKnown = !session.placeUai || (await this.reference.schoolExists(manager, session.placeUai));
    if (
      session.placeUai &&
      placeKnown &&
      !(await this.reference.schoolOfAcademy(manager, session.placeUai, session.academy))
    )
      throw placeOutOfScope('placeUai');
    const place = this.calendars.placeCalendar(session.academy, session.placeUai);
    if (!place) throw unknownAcademy(session.academy);
    const problem = sessionProblems(session, module, placeKnown);
    if (problem) throw problem;
    session.zone = place.zone;
    const report = checkSessionCalendar(
      {
        modality: module.modality,
        distanceAsynchronousHours: module.distanceAsynchronousHours,
        slots: session.slots,
        distanceEndsOn: session.distanceEndsOn,
        trainerCount: session.trainers.length,
        zone: place.zone,
        holidayRegion: place.holidayRegion,
      },
      await this.calendars.calendar(manager),
    );
    if (report.errors.length) throw calendarRuleBroken(report.errors);
    session.warnings = report.warnings;
  }
}

function apply(session: TrainingSession, request: Partial<ScheduleSessionRequest>): void {
  if (request.label !== undefined) session.label = request.label.trim() || null;
  if (request.slots) {
    session.slots = request.slots
      .map((s): SessionSlot => ({ date: s.date, start: s.start, end: s.end, kind: s.kind }))
      .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
    session.startsOn = session.slots[0].date;
    session.endsOn = session.slots[session.slots.length - 1].date;
  }
  if (request.placeUai !== undefined) session.placeUai = request.placeUai;
  if (request.placeLabel !== undefined) session.placeLabel = request.placeLabel;
  if (request.placeAddress !== undefined) session.placeAddress = request.placeAddress;
  if (request.capacity !== undefined) session.capacity = request.capacity;
  if (request.trainers)
    session.trainers = request.trainers.map((t) => ({
      name: t.name.trim(),
      mail: t.mail?.trim().toLowerCase() ?? null,
      role: t.role,
    }));
  if (request.distanceEndsOn !== undefined) session.distanceEndsOn = request.distanceEndsOn;
  session.label ??= null;
  session.placeUai ??= null;
  session.placeLabel ??= null;
  session.placeAddress ??= null;
  session.distanceEndsOn ??= null;
  if (session.distanceEndsOn && session.distanceEndsOn > session.endsOn) session.endsOn = session.distanceEndsOn;
}

export function scheduledPayload(s: TrainingSession): SessionScheduledV1 {
  return {
    sessionId: s.id,
    moduleId: s.moduleId,
    moduleRevision: s.moduleRevision,
    academy: s.academy,
    groupNumber: s.groupNumber,
    capacity: s.capacity,
    slots: s.slots,
    placeUai: s.placeUai,
    status: s.status,
    gaiaSessionId: s.gaiaSessionId,
    trainerMails: s.trainers.map((t) => t.mail).filter((m): m is string => !!m),
    trainers: s.trainers.map((t) => ({ name: t.name, mail: t.mail ?? null, role: t.role })),
    placeLabel: s.placeLabel,
    distanceEndsOn: s.distanceEndsOn,
  };
}

export function toSessionResponse(s: TrainingSession): SessionResponse {
  return {
    id: s.id,
    moduleId: s.moduleId,
    moduleRevision: s.moduleRevision,
    academy: s.academy,
    groupNumber: s.groupNumber,
    label: s.label,
    slots: s.slots,
    placeUai: s.placeUai,
    placeLabel: s.placeLabel,
    placeAddress: s.placeAddress,
    capacity: s.capacity,
    trainers: s.trainers.map((t) => ({ name: t.name, mail: t.mail ?? undefined, role: t.role })),
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    distanceEndsOn: s.distanceEndsOn,
    zone: s.zone,
    status: s.status,
    cancelReason: s.cancelReason,
    gaiaSessionId: s.gaiaSessionId,
    warnings: s.warnings,
    rowVersion: s.rowVersion,
  };
}
