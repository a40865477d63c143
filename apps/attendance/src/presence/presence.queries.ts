import { Identity, isAcademyWide, runsSession, sameAcademy } from '@forma/auth';
import { AttendanceModality, SignatureMethod, SlotPart } from '@forma/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sessionNotFound, visibleLines } from '../session-access.rules';
import { attendedMinutes, CurrentMark, SessionPart } from './presence.rules';
import { partsOf, placeOf } from './presence.service';
import {
  LedgerRow,
  SessionAuditEntry,
  SignedSheetRow,
  RosterLine,
  SessionSpace,
  SessionSpaceRepository,
  SessionTrainer,
  TrainerSession,
} from './session-space.repository';
import { SignatureProof, SignatureRepository } from './signature.repository';
import { SheetDocument } from './attendance-sheet.pdf';

export interface SheetLine {
  registrationId: string;
  participantId: string;
  lastName: string;
  firstName: string;
  mail: string;
  uai: string | null;
  schoolName: string | null;
  state: 'confirmed' | 'cancelled';
  marks: CurrentMark[];
  /** The half-days this person signed electronically (issue 27): how and when. */
  signatures: { slotIndex: number; part: SlotPart; method: SignatureMethod; signedAt: Date }[];
  attendedMinutes: Record<AttendanceModality, number>;
}

export interface SessionSheet {
  sessionId: string;
  moduleId: string;
  title: string;
  groupNumber: string;
  academy: string;
  place: string | null;
  status: string;
  closedAt: Date | null;
  trainers: SessionTrainer[];
  parts: SessionPart[];
  lines: SheetLine[];
  /** Whether the caller runs the session (sees every line, may mark). */
  runs: boolean;
}

/** Reads of a session's space, each cut to what the caller reaches. */
@Injectable()
export class PresenceQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly signatures: SignatureRepository,
  ) {}

  /** Where a session's ledger stands (its last entry's id), for its live stream. */
  position(sessionId: string): Promise<string> {
    return this.spaces.position(this.dataSource.manager, sessionId);
  }

  /** The database the live streams listen on. */
  get databaseUrl(): string | undefined {
    return (this.dataSource.options as { url?: string }).url;
  }

  /** A trainer's sessions: those of their académie that name their mail. */
  trainerSessions(caller: Identity): Promise<TrainerSession[]> {
    if (!caller.mail) return Promise.resolve([]);
    return this.spaces.trainerSessions(this.dataSource.manager, caller.scope.academy, caller.mail);
  }

  /** The space and the roster lines the caller sees; nothing (404) when they see none and do not run it. */
  async reach(
    caller: Identity,
    sessionId: string,
  ): Promise<{ space: SessionSpace; lines: RosterLine[]; runs: boolean }> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    const place = placeOf(space);
    const runs = sameAcademy(caller, space.academy) && (isAcademyWide(caller) || runsSession(caller, place));
    const lines = visibleLines(caller, place, await this.spaces.roster(manager, sessionId));
    if (!runs && !lines.length) throw sessionNotFound(sessionId);
    return { space, lines, runs };
  }

  async sheet(caller: Identity, sessionId: string): Promise<SessionSheet> {
    return (await this.sheetWithProofs(caller, sessionId)).sheet;
  }

  /** The sheet, and the session's signatures with their proof it was made from (read once for both). */
  private async sheetWithProofs(
    caller: Identity,
    sessionId: string,
  ): Promise<{ sheet: SessionSheet; signatures: SignatureProof[] }> {
    const { space, lines, runs } = await this.reach(caller, sessionId);
    const parts = partsOf(space);
    const marks = await this.spaces.currentMarks(this.dataSource.manager, sessionId);
    const signatures = await this.signatures.forSession(this.dataSource.manager, sessionId);
    const staff = !caller.roles.every((r) => r === 'participant' || r === 'bi-reader');
    const sheet: SessionSheet = {
      sessionId,
      moduleId: space.moduleId,
      title: space.module.title,
      groupNumber: space.groupNumber,
      academy: space.academy,
      place: [space.placeLabel, space.placeName].filter(Boolean).join(' — ') || null,
      status: space.status,
      closedAt: space.closedAt,
      trainers: staff ? space.trainers : [],
      parts,
      runs,
      lines: lines.map((line) => {
        const own = marks.filter((m) => m.registrationId === line.registrationId);
        return {
          registrationId: line.registrationId,
          participantId: line.participantId,
          lastName: line.lastName,
          firstName: line.firstName,
          mail: line.mail,
          uai: line.uai,
          schoolName: line.schoolName,
          state: line.state,
          marks: own,
          signatures: signatures
            .filter((sig) => sig.registrationId === line.registrationId)
            .map(({ slotIndex, part, method, signedAt }) => ({ slotIndex, part, method, signedAt })),
          attendedMinutes: attendedMinutes(own, parts),
        };
      }),
    };
    return { sheet, signatures };
  }

  /** What the sheet's PDF shows: the confirmed people, each with their electronic signatures and their proof. */
  async sheetDocument(caller: Identity, sessionId: string, generatedAt: Date): Promise<SheetDocument> {
    const { sheet, signatures: proofs } = await this.sheetWithProofs(caller, sessionId);
    const manager = this.dataSource.manager;
    const drawings = proofs.some((p) => p.method === 'drawn')
      ? await this.signatures.drawings(manager, sessionId)
      : new Map<string, Buffer>();
    return {
      title: sheet.title,
      groupNumber: sheet.groupNumber,
      academy: sheet.academy,
      place: sheet.place,
      trainers: sheet.trainers,
      parts: sheet.parts,
      people: sheet.lines
        .filter((l) => l.state === 'confirmed')
        .map((l) => ({
          lastName: l.lastName,
          firstName: l.firstName,
          school: l.schoolName,
          signatures: proofs
            .filter((p) => p.registrationId === l.registrationId)
            .map((p) => ({
              slotIndex: p.slotIndex,
              part: p.part,
              method: p.method,
              signedAt: new Date(p.signedAt),
              drawing: drawings.get(p.id) ?? null,
              proof: p.drawingSha256 ? `#${p.drawingSha256.slice(0, 10)}` : `fenêtre ${p.codeWindow}`,
            })),
        })),
      generatedAt,
      sessionId,
    };
  }

  /** The ledger, flat: one row per entry (corrections included), with the session, slot, place and durations. */
  async flatLedger(
    caller: Identity,
    sessionId: string,
  ): Promise<{ space: SessionSpace; parts: SessionPart[]; lines: Map<string, RosterLine>; entries: LedgerRow[] }> {
    const { space, lines } = await this.reach(caller, sessionId);
    const byId = new Map(lines.map((l) => [l.registrationId, l]));
    const entries = (await this.spaces.ledger(this.dataSource.manager, sessionId)).filter((e) =>
      byId.has(e.registrationId),
    );
    return { space, parts: partsOf(space), lines: byId, entries };
  }

  async audit(caller: Identity, sessionId: string): Promise<SessionAuditEntry[]> {
    const { runs } = await this.reach(caller, sessionId);
    if (!runs) throw sessionNotFound(sessionId);
    return this.spaces.audit(this.dataSource.manager, sessionId);
  }

  async signedSheets(caller: Identity, sessionId: string): Promise<SignedSheetRow[]> {
    const { runs } = await this.reach(caller, sessionId);
    if (!runs) throw sessionNotFound(sessionId);
    return this.spaces.signedSheets(this.dataSource.manager, sessionId);
  }

  async signedSheet(caller: Identity, sessionId: string, id: string) {
    const { runs } = await this.reach(caller, sessionId);
    const sheet = runs ? await this.spaces.signedSheet(this.dataSource.manager, sessionId, id) : undefined;
    if (!sheet) throw sessionNotFound(sessionId);
    return sheet;
  }
}
