import { Identity } from '@forma/auth';
import { AttendanceRecorded, SessionClosed } from '@forma/contracts';
import { sha256Hex, Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayReopen, assertRunsSession } from '../session-access.rules';
import { alreadyClosed, emptySheet, notClosed, sessionCancelled, unsupportedSheet } from './presence.errors';
import {
  assertOpenLedger,
  CurrentMark,
  currentKey,
  entriesFor,
  MarkInput,
  sessionParts,
  SessionPart,
} from './presence.rules';
import { LedgerRow, SessionSpace, SessionSpaceRepository } from './session-space.repository';

export const partsOf = (space: SessionSpace): SessionPart[] =>
  sessionParts(space.slots, space.module.asynchronousMinutes, space.distanceEndsOn);
export const placeOf = (space: SessionSpace) => ({ academy: space.academy, trainerMails: space.trainerMails });

const SIGNED_SHEET_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export interface SessionClosedAnswer {
  sessionId: string;
  closedAt: string;
}

export interface SessionReopenedAnswer {
  sessionId: string;
  reopenedAt: string;
}

/** A signed sheet's scan, stored: its digest and size. */
export interface SignedSheetStored {
  id: string;
  sha256: string;
  size: number;
  uploadedAt: string;
}

/**
 * The presence ledger's use cases: marks (one or many, corrections as new entries), closing and reopening, signed
 * sheets.
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  record(caller: Identity, sessionId: string, inputs: MarkInput[]): Promise<LedgerRow[]> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      return this.append(manager, space, caller.mail ?? caller.sub, inputs);
    });
  }

  /**
   * Marks appended to the ledger of a session loaded (and locked) in this transaction, each announced
   * (`AttendanceRecorded`): what typed marks and electronic signatures share. The caller's right is checked before.
   */
  async append(manager: EntityManager, space: SessionSpace, author: string, inputs: MarkInput[]): Promise<LedgerRow[]> {
    const sessionId = space.id;
    if (space.status === 'cancelled') throw sessionCancelled();
    assertOpenLedger(space.closedAt);
    const context = await this.spaces.markContext(
      manager,
      sessionId,
      inputs.map((i) => i.registrationId),
    );
    const roster = new Map(context.roster.map((l) => [l.registrationId, l]));
    const current = new Map(
      context.current.map((m: CurrentMark) => [currentKey(m.registrationId, m.slotIndex, m.part), m]),
    );
    const entries = entriesFor(inputs, partsOf(space), roster, current);
    const rows = await this.spaces.append(manager, sessionId, author, entries, this.clock.now());
    await this.spaces.announce(manager, sessionId);
    await this.events.publishMany(
      manager,
      AttendanceRecorded,
      rows.map((row) => ({
        markId: row.id,
        registrationId: row.registrationId,
        participantId: roster.get(row.registrationId)!.participantId,
        sessionId,
        moduleId: space.moduleId,
        academy: space.academy,
        slotIndex: row.slotIndex,
        part: row.part,
        modality: row.modality,
        status: row.status,
        minutes: row.minutes,
        provenance: row.provenance,
        correctsMarkId: row.corrects,
        recordedAt: new Date(row.recordedAt).toISOString(),
      })),
    );
    return rows;
  }

  close(caller: Identity, sessionId: string): Promise<SessionClosedAnswer> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      if (space.closedAt) throw alreadyClosed();
      const closedAt = this.clock.now();
      await this.spaces.setClosed(manager, sessionId, closedAt, caller.mail ?? caller.sub, 'closed', null);
      await this.spaces.announce(manager, sessionId);
      const roster = (await this.spaces.roster(manager, sessionId)).filter((l) => l.state === 'confirmed');
      const present = new Set(
        (await this.spaces.currentMarks(manager, sessionId))
          .filter((m) => m.status === 'present' || m.status === 'partial')
          .map((m) => m.registrationId),
      );
      await this.events.publish(manager, SessionClosed, {
        sessionId,
        moduleId: space.moduleId,
        academy: space.academy,
        participants: roster.length,
        presentParticipants: roster.filter((l) => present.has(l.registrationId)).length,
        closedAt: closedAt.toISOString(),
      });
      return { sessionId, closedAt: closedAt.toISOString() };
    });
  }

  reopen(caller: Identity, sessionId: string, reason: string): Promise<SessionReopenedAnswer> {
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertMayReopen(caller, sessionId, placeOf(space));
      if (!space.closedAt) throw notClosed();
      await this.spaces.setClosed(manager, sessionId, null, caller.mail ?? caller.sub, 'reopened', reason.trim());
      // the sheet open on the trainer's device learns it may mark again (as it learns of a closing)
      await this.spaces.announce(manager, sessionId);
      return { sessionId, reopenedAt: this.clock.now().toISOString() };
    });
  }

  /**
   * The signed, scanned sheet, kept with its SHA-256 (each upload kept: a later scan does not erase an earlier one).
   */
  async storeSignedSheet(
    caller: Identity,
    sessionId: string,
    contentType: string,
    content: Buffer,
  ): Promise<SignedSheetStored> {
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (!SIGNED_SHEET_TYPES.includes(type)) {
      throw unsupportedSheet(type);
    }
    if (!content.length) throw emptySheet();
    return this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const id = randomUUID();
      const sha256 = sha256Hex(content);
      const at = await this.spaces.storeSignedSheet(manager, {
        id,
        sessionId,
        contentType: type,
        content,
        sha256,
        uploadedBy: caller.mail ?? caller.sub,
      });
      return { id, sha256, size: content.length, uploadedAt: new Date(at).toISOString() };
    });
  }
}
