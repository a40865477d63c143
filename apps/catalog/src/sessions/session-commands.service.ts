import { Identity } from '@forma/auth';
import { SessionCancelled, SessionDelivered, SessionRescheduled, SessionScheduled, SessionScheduledV1 } from '@forma/contracts';
import { assertVersion, FieldProblem, ProblemError } from '@forma/http';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { checkSessionCalendar, RuleViolation, slotHours } from '../calendar/calendar-rules';
import { CalendarService } from '../calendar/calendar.service';
import { isRealDate } from '../calendar/school-calendar';
import { assertModuleAllows } from '../modules/module-rules';
import { ModuleStore } from '../modules/module-store';
import { TrainingModule } from '../modules/training-module.entity';
import { RescheduleSessionRequest, ScheduleSessionRequest, SessionResponse } from './session.dto';
import { SessionSlot, TrainingSession } from './training-session.entity';

/** Planning and moving sessions: every change goes through the calendar rules, and is announced through the outbox. */
@Injectable()
export class SessionCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly modules: ModuleStore,
    private readonly calendars: CalendarService,
    private readonly events: EventPublisher,
  ) {}

  schedule(moduleId: string, request: ScheduleSessionRequest, caller: Identity): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const module = await this.modules.lock(manager, moduleId);
      assertModuleAllows(module.status, 'schedule');
      const session = manager.create(TrainingSession, {
        id: randomUUID(),
        moduleId,
        moduleRevision: module.revision,
        academy: caller.scope.academy,
        groupNumber: request.groupNumber ?? (await this.nextGroup(manager, moduleId, caller.scope.academy)),
        status: 'planned',
        cancelReason: null,
        gaiaKey: null,
        gaiaSessionId: null,
        gaiaHash: null,
        createdBy: caller.sub,
      });
      apply(session, request);
      await this.check(manager, module, session);
      const saved = await manager.save(session);
      await this.events.publish(manager, SessionScheduled, scheduledPayload(saved));
      return toSessionResponse(saved);
    });
  }

  reschedule(id: string, request: RescheduleSessionRequest, expectedVersion: number, caller: Identity): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session, module) => {
      assertOpenForChanges(session);
      assertVersion(expectedVersion, session.rowVersion, 'Cette session');
      const before = JSON.stringify(session);
      apply(session, request);
      const changed = (Object.keys(request) as (keyof RescheduleSessionRequest)[]).filter((k) => request[k] !== undefined);
      if (JSON.stringify(session) === before) return session;
      await this.check(manager, module, session);
      const saved = await manager.save(session);
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed });
      return saved;
    });
  }

  open(id: string, caller: Identity): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session, module) => {
      if (session.status !== 'planned') {
        throw new ProblemError(409, 'session_not_planned', `Seule une session planifiée s'ouvre aux inscriptions (statut actuel : ${session.status}).`);
      }
      assertModuleAllows(module.status, 'schedule');
      session.status = 'open';
      const saved = await manager.save(session);
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed: ['status'] });
      return saved;
    });
  }

  cancel(id: string, reason: string, caller: Identity): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session) => {
      assertOpenForChanges(session);
      session.status = 'cancelled';
      session.cancelReason = reason.trim();
      const saved = await manager.save(session);
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
  deliver(id: string, caller: Identity, today = new Date().toISOString().slice(0, 10)): Promise<SessionResponse> {
    return this.change(id, caller, async (manager, session) => {
      assertOpenForChanges(session);
      if (session.endsOn > today) {
        throw new ProblemError(409, 'session_not_over', `La session se termine le ${session.endsOn} : elle ne peut pas encore être déclarée terminée.`);
      }
      session.status = 'delivered';
      const saved = await manager.save(session);
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
      const session = await manager.findOne(TrainingSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw sessionNotFound(id);
      if (session.academy !== caller.scope.academy) {
        throw new ProblemError(403, 'foreign_academy', `Cette session relève de l'académie ${session.academy}.`);
      }
      const module = await manager.findOneByOrFail(TrainingModule, { id: session.moduleId });
      return toSessionResponse(await work(manager, session, module));
    });
  }

  /** Capacity, place and the calendar rules: errors refuse the whole change, warnings are kept with the session. */
  private async check(manager: EntityManager, module: TrainingModule, session: TrainingSession): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const [index, slot] of session.slots.entries()) {
      if (!isRealDate(slot.date)) {
        problems.push({ field: `slots[${index}].date`, rule: 'date', message: `slots[${index}].date : ${slot.date} n'existe pas` });
      }
    }
    if (module.maxParticipantsPerSession && session.capacity > module.maxParticipantsPerSession) {
      problems.push({
        field: 'capacity',
        rule: 'capacity_above_module_maximum',
        message: `capacity : ${session.capacity} places dépassent le maximum du module (${module.maxParticipantsPerSession} par session)`,
      });
    }
    if (session.placeUai) {
      const [school] = await manager.query('SELECT uai FROM school WHERE uai = $1', [session.placeUai]);
      if (!school) problems.push({ field: 'placeUai', rule: 'unknown_uai', message: `placeUai : ${session.placeUai} inconnu du référentiel des établissements` });
    }
    const place = this.calendars.placeCalendar(session.academy, session.placeUai);
    if (!place) throw new ProblemError(422, 'unknown_academy', `Académie inconnue : ${session.academy}.`);
    if (problems.length) throw new ProblemError(422, problems[0].rule, problems.map((p) => p.message).join(' ; '), problems);
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

  private async nextGroup(manager: EntityManager, moduleId: string, academy: string): Promise<string> {
    const [row] = await manager.query(
      "SELECT coalesce(max(group_number::int), 0) + 1 AS next FROM training_session WHERE module_id = $1 AND academy = $2 AND group_number ~ '^[0-9]+$'",
      [moduleId, academy],
    );
    return String(row.next).padStart(2, '0');
  }
}

export function calendarRuleBroken(errors: RuleViolation[]): ProblemError {
  return new ProblemError(
    422,
    errors[0].code,
    errors.map((e) => e.message).join(' '),
    errors.map((e) => ({ field: e.field, rule: e.code, message: `${e.field} : ${e.message}` })),
  );
}

export function sessionNotFound(id: string): ProblemError {
  return new ProblemError(404, 'session_not_found', `Aucune session ${id}.`, [{ field: 'sessionId', rule: 'exists', message: `sessionId : session ${id} inconnue` }]);
}

function assertOpenForChanges(session: TrainingSession): void {
  if (session.status === 'cancelled' || session.status === 'delivered') {
    throw new ProblemError(409, 'session_closed', `Cette session est ${session.status === 'cancelled' ? 'annulée' : 'terminée'} : elle ne change plus.`);
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
  if (request.trainers) session.trainers = request.trainers.map((t) => ({ name: t.name.trim(), mail: t.mail?.trim().toLowerCase() ?? null, role: t.role }));
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
