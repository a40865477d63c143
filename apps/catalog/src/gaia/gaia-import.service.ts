import { Identity } from '@forma/auth';
import { SessionRescheduled, SessionScheduled } from '@forma/contracts';
import { sha256Hex } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { checkSessionCalendar } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { addDays, SchoolCalendar } from '../calendar/school-calendar';
import { gaiaModuleKey, gaiaScope, isNationalDispositif } from '../modules/gaia-key';
import { SessionSlot, TrainingModule, TrainingSession } from '../catalog.entities';
import { ModulePublication } from '../modules/module-publication.service';
import { ModuleRepository } from '../modules/module.repository';
import { ReferenceRepository } from '../reference/reference.repository';
import { scheduledPayload } from '../sessions/session-commands.service';
import { SessionRepository } from '../sessions/session.repository';
import { unknownAcademy } from '../calendar/calendar.errors';
import { GaiaRepository } from './gaia.repository';
import { decodeGaia, Parsed, parseTrainers, parseTrainings, RejectedLine, TrainingLine } from './gaia-file';
import { emptyGaiaFile, notAGaiaFile } from './gaia.errors';

export interface GaiaImportReport {
  file: 'trainings' | 'trainers';
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedLine[];
  /**
   * Shared references the file names but another académie owns (a national dispositif's module or name): its sessions
   * are attached, the reference is left as its owner wrote it (issue 22).
   */
  notChanged: RejectedLine[];
}

/** GAIA has no capacity in its trainings extract: sessions get the module's maximum, or this. */
export const GAIA_DEFAULT_CAPACITY = 30;

const hash = (value: unknown) => sha256Hex(JSON.stringify(value)).slice(0, 32);

/**
 * Imports GAIA's trainings and trainers extracts: creates or updates dispositifs, modules, sessions (one per GAIA
 * session and groupe) and module trainers. Idempotent: a line whose content did not change changes nothing; a changed
 * line updates and is announced. National dispositifs (third character `N`) are shared, never duplicated.
 */
@Injectable()
export class GaiaImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publication: ModulePublication,
    private readonly modules: ModuleRepository,
    private readonly sessions: SessionRepository,
    private readonly reference: ReferenceRepository,
    private readonly calendars: CalendarService,
    private readonly gaia: GaiaRepository,
    private readonly events: EventPublisher,
  ) {}

  async importTrainings(content: Buffer, caller: Identity): Promise<GaiaImportReport> {
    const parsed = parseTrainings(decodeGaia(content));
    assertGaiaFile(parsed, 14);
    const rejected = [...parsed.rejected];
    const report: GaiaImportReport = {
      file: 'trainings',
      lines: parsed.lines,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected,
      notChanged: [],
    };
    const seen = new Map<string, { line: number; hash: string }>();
    const academy = caller.scope.academy;
    await this.dataSource.transaction(async (manager) => {
      const calendar = await this.calendars.calendar(manager);
      for (const row of await this.ownLines(manager, parsed.rows, academy, rejected)) {
        const key = sessionKey(row, academy);
        const rowHash = hash({ ...row, line: 0 });
        const previous = seen.get(key);
        if (previous) {
          if (previous.hash !== rowHash)
            rejected.push({
              line: row.line,
              reason: `doublon de la ligne ${previous.line} (même session GAIA ${row.sessionId}, contenu différent)`,
            });
          else report.unchanged += 1;
          continue;
        }
        seen.set(key, { line: row.line, hash: rowHash });
        await this.upsertDispositif(manager, row, academy, report);
        const module = await this.upsertModule(manager, row, caller, report);
        await this.upsertSession(manager, row, key, module, calendar, caller, report);
      }
    });
    rejected.sort((a, b) => a.line - b.line);
    return report;
  }

  async importTrainers(content: Buffer, caller: Identity): Promise<GaiaImportReport> {
    const parsed = parseTrainers(decodeGaia(content));
    assertGaiaFile(parsed, 6);
    const report: GaiaImportReport = {
      file: 'trainers',
      lines: parsed.lines,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [...parsed.rejected],
      notChanged: [],
    };
    await this.dataSource.transaction(async (manager) => {
      for (const row of await this.ownLines(manager, parsed.rows, caller.scope.academy, report.rejected)) {
        // the caller's académie's module first, else a national dispositif's
        const module = await this.gaia.moduleNumbered(manager, row.moduleId, caller.scope.academy);
        if (!module) {
          report.rejected.push({
            line: row.line,
            reason: `module GAIA ${row.moduleId} inconnu : importez d'abord l'extraction des formations`,
          });
          continue;
        }
        const existing = await this.gaia.trainer(manager, module.id, row.mail);
        if (existing && existing.lastName === row.lastName && existing.firstName === row.firstName) {
          report.unchanged += 1;
          continue;
        }
        await this.gaia.upsertTrainer(manager, {
          moduleId: module.id,
          mail: row.mail,
          lastName: row.lastName,
          firstName: row.firstName,
          source: row.sourceTable,
        });
        if (existing) report.updated += 1;
        else report.created += 1;
      }
    });
    report.rejected.sort((a, b) => a.line - b.line);
    return report;
  }

  /**
   * The lines of the caller's académie's extracts: a source table belongs to the académie that first imported it, so
   * another académie's lines are rejected one by one, naming their owner; a new table is claimed for the caller's.
   */
  private async ownLines<T extends { line: number; sourceTable: string }>(
    manager: EntityManager,
    rows: T[],
    academy: string,
    rejected: RejectedLine[],
  ): Promise<T[]> {
    const tables = [...new Set(rows.map((r) => r.sourceTable))];
    if (!tables.length) return rows;
    const owners = await this.gaia.claimSourceTables(manager, tables, academy);
    return rows.filter((row) => {
      const owner = owners.get(row.sourceTable);
      if (owner === academy) return true;
      rejected.push({
        line: row.line,
        reason: `extraction de l'académie ${owner} (table source ${row.sourceTable}) : elle n'est pas de votre académie`,
      });
      return false;
    });
  }

  private async upsertDispositif(
    manager: EntityManager,
    row: TrainingLine,
    academy: string,
    report: GaiaImportReport,
  ): Promise<void> {
    const national = isNationalDispositif(row.dispositifId);
    const key = `${gaiaScope(row.dispositifId, academy)}:${row.dispositifId}`;
    const existing = await this.gaia.lockDispositif(manager, key);
    if (existing) {
      if (existing.name === row.dispositifName) return;
      // a national dispositif is shared by every académie importing it: its name follows the extracts of the académie
      // that first imported it (the owner of its source table), never another's
      const owner = await this.gaia.sourceTable(manager, existing.sourceTable);
      if (owner && owner.academy !== academy) {
        report.notChanged.push({
          line: row.line,
          reason: `dispositif national ${row.dispositifId} : son intitulé relève de l'académie ${owner.academy}, il n'est pas modifié`,
        });
        return;
      }
      await this.gaia.renameDispositif(manager, key, row.dispositifName);
      return;
    }
    await this.gaia.insertDispositif(manager, {
      key,
      dispositifId: row.dispositifId,
      name: row.dispositifName,
      national,
      academy: national ? null : academy,
      sourceTable: row.sourceTable,
    });
  }

  private async upsertModule(
    manager: EntityManager,
    row: TrainingLine,
    caller: Identity,
    report: GaiaImportReport,
  ): Promise<TrainingModule> {
    const key = gaiaModuleKey(row.dispositifId, row.moduleId, caller.scope.academy);
    const contentHash = hash({ module: row.moduleName, dispositif: row.dispositifName });
    const existing = await this.modules.lockWhere(manager, { gaiaKey: key });
    if (existing) {
      if (existing.gaiaHash === contentHash || existing.status === 'archived') return existing;
      // a national dispositif's module is revised by its owner only: another académie attaches its sessions to it
      if (existing.academy !== caller.scope.academy) {
        report.notChanged.push({
          line: row.line,
          reason: `module national ${row.moduleId} : il relève de l'académie ${existing.academy}, son intitulé n'est pas modifié`,
        });
        return existing;
      }
      existing.title = row.moduleName.slice(0, 200);
      existing.gaiaHash = contentHash;
      existing.searchText = [existing.title, row.dispositifName, ...existing.themes].join(' ');
      report.updated += 1;
      return this.publication.saveEdited(manager, existing);
    }
    const national = isNationalDispositif(row.dispositifId);
    const module = manager.create(TrainingModule, {
      id: randomUUID(),
      revision: 1,
      status: 'draft',
      title: row.moduleName.slice(0, 200),
      shortTitle: null,
      kind: 'module',
      category: 'unclassified',
      modality: 'face-to-face',
      targetProfiles: ['teacher'],
      themes: [],
      trainerType: null,
      origin: national ? 'dgesco' : 'academie',
      resources: [],
      pedagogicalOwner: null,
      faceToFaceHours: 0,
      distanceSynchronousHours: 0,
      distanceAsynchronousHours: 0,
      maxParticipantsPerSession: null,
      academy: caller.scope.academy,
      searchText: `${row.moduleName} ${row.dispositifName}`,
      gaiaDispositif: row.dispositifId,
      gaiaModuleNumber: row.moduleId,
      gaiaKey: key,
      gaiaHash: contentHash,
      createdBy: caller.sub,
      publishedAt: null,
      archivedAt: null,
    });
    report.created += 1;
    return this.publication.publish(manager, await this.modules.save(manager, module));
  }

  private async upsertSession(
    manager: EntityManager,
    row: TrainingLine,
    key: string,
    module: TrainingModule,
    calendar: SchoolCalendar,
    caller: Identity,
    report: GaiaImportReport,
  ): Promise<void> {
    const slots = slotsOf(row);
    const known = row.placeUai
      ? await this.reference.schoolOfAcademy(manager, row.placeUai, caller.scope.academy)
      : false; // another académie's school is only a label
    const content = {
      group: row.groupNumber,
      slots,
      place: row.place,
      placeType: row.placeType,
      uai: known ? row.placeUai : null,
    };
    const contentHash = hash(content);
    const existing = await this.sessions.lockWhere(manager, { gaiaKey: key });
    if (existing && existing.gaiaHash === contentHash) {
      report.unchanged += 1;
      return;
    }
    const place = this.calendars.placeCalendar(caller.scope.academy, content.uai);
    if (!place) throw unknownAcademy(caller.scope.academy);
    // GAIA is the reference for its sessions: a broken calendar rule is kept as a warning, not a refusal.
    const rules = checkSessionCalendar(
      {
        modality: module.modality,
        distanceAsynchronousHours: module.distanceAsynchronousHours,
        slots,
        trainerCount: 2,
        zone: place.zone,
        holidayRegion: place.holidayRegion,
      },
      calendar,
    );
    const session =
      existing ??
      manager.create(TrainingSession, {
        id: randomUUID(),
        moduleId: module.id,
        moduleRevision: module.revision,
        academy: caller.scope.academy,
        capacity: module.maxParticipantsPerSession ?? GAIA_DEFAULT_CAPACITY,
        trainers: [],
        status: 'planned',
        cancelReason: null,
        gaiaKey: key,
        gaiaSessionId: row.sessionId,
        distanceEndsOn: null,
        label: null,
        placeAddress: null,
        createdBy: caller.sub,
      });
    session.groupNumber = row.groupNumber;
    session.slots = slots;
    session.startsOn = slots[0].date;
    session.endsOn = slots[slots.length - 1].date;
    session.placeUai = content.uai;
    session.placeLabel = row.place || null;
    session.zone = place.zone;
    session.warnings = [...rules.errors, ...rules.warnings.filter((w) => w.code !== 'fewer_than_two_trainers')];
    session.gaiaHash = contentHash;
    const saved = await this.sessions.save(manager, session);
    if (existing) {
      report.updated += 1;
      await this.events.publish(manager, SessionRescheduled, { ...scheduledPayload(saved), changed: ['gaia'] });
    } else {
      report.created += 1;
      await this.events.publish(manager, SessionScheduled, scheduledPayload(saved));
    }
  }
}

/**
 * A session is the académie's, always: GAIA numbers sessions per académie, and a national dispositif (shared module)
 * is run by many académies, each with its own sessions (issue 13: a Paris import rewrote Guyane's session).
 * (académie, source table, dispositif, module, session); without the source table for a national dispositif.
 */
function sessionKey(row: TrainingLine, academy: string): string {
  return isNationalDispositif(row.dispositifId)
    ? `${academy}:N:${row.dispositifId}:${row.moduleId}:${row.sessionId}`
    : `${academy}:${row.sourceTable}:${row.dispositifId}:${row.moduleId}:${row.sessionId}`;
}

/** One slot per weekday from the start date to the end date, with GAIA's start and end times. */
function slotsOf(row: TrainingLine): SessionSlot[] {
  const slots: SessionSlot[] = [];
  for (let day = row.startDate; day <= row.endDate; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (row.startDate !== row.endDate && (weekday === 0 || weekday === 6)) continue;
    slots.push({ date: day, start: row.startTime, end: row.endTime, kind: 'face-to-face' });
  }
  return slots;
}

function assertGaiaFile(parsed: Parsed<unknown>, fields: number): void {
  if (parsed.lines === 0) throw emptyGaiaFile();
  // not one line with the right number of fields: not a GAIA extract (a CSV, a spreadsheet...), refused whole
  if (parsed.rows.length === 0 && parsed.rejected.every((r) => r.reason.endsWith(`au lieu de ${fields}`))) {
    throw notAGaiaFile(fields, parsed.rejected);
  }
}
