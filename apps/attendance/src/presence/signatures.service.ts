import { Identity } from '@forma/auth';
import { SignatureMethod, SlotPart } from '@forma/contracts';
import { Clock, sha256Hex } from '@forma/domain';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ATTENDANCE_SETTINGS, AttendanceSettings } from '../attendance.config';
import { assertRunsSession, ownLine, sessionNotFound } from '../session-access.rules';
import { alreadySigned, sessionCancelled, signerNotOnRoster, wrongSigningMethod } from './presence.errors';
import { assertOpenLedger, currentKey } from './presence.rules';
import { partsOf, placeOf, PresenceService } from './presence.service';
import { SessionSpaceRepository } from './session-space.repository';
import { SignatureProof, SignatureRepository } from './signature.repository';
import { acceptedWindow, CODE_WINDOW_MS, drawingBytes, signablePart, signingCode, windowOf } from './signatures.rules';

/** The code the trainer's screen shows for a half-day, and until when. */
export interface SigningCodeAnswer {
  sessionId: string;
  slotIndex: number;
  part: SlotPart;
  code: string;
  /** When the screen shows the next code (the end of this 30-second window). */
  renewAt: string;
  /** The last moment this code is accepted (the end of the next window). */
  acceptedUntil: string;
}

export interface SignatureAnswer extends Omit<SignatureProof, 'signedAt'> {
  signedAt: string;
}

export interface SignInput {
  method: SignatureMethod;
  slotIndex: number;
  part?: SlotPart;
  code?: string;
  registrationId?: string;
  drawing?: string;
}

const UNIQUE_VIOLATION = '23505';
const answerOf = (proof: SignatureProof): SignatureAnswer => ({
  ...proof,
  signedAt: new Date(proof.signedAt).toISOString(),
});

/**
 * Electronic émargement (issue 27): the rotating code a trainer's screen shows, and a participant's signature for a
 * half-day, by that code from their own phone or drawn on the trainer's device. A signature marks the person present
 * (a mark of the ledger, provenance `e-signature`, announced like any other) and keeps its proof beside it. Paper
 * sheets and typed marks keep working: a half-day already marked present keeps its mark, the signature is its proof.
 */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly signatures: SignatureRepository,
    private readonly presence: PresenceService,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
    private readonly clock: Clock,
  ) {}

  async code(caller: Identity, sessionId: string, slotIndex: number, part: SlotPart = 'whole') {
    const space = await this.spaces.load(this.dataSource.manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    if (space.status === 'cancelled') throw sessionCancelled();
    assertOpenLedger(space.closedAt);
    const now = this.clock.now();
    const target = signablePart(partsOf(space), slotIndex, part, now);
    const window = windowOf(now);
    return {
      sessionId,
      slotIndex,
      part: target.part,
      code: signingCode(this.settings.signingKey, sessionId, slotIndex, target.part, window),
      renewAt: new Date((window + 1) * CODE_WINDOW_MS).toISOString(),
      acceptedUntil: new Date((window + 2) * CODE_WINDOW_MS).toISOString(),
    } satisfies SigningCodeAnswer;
  }

  sign(caller: Identity, sessionId: string, input: SignInput): Promise<SignatureAnswer> {
    return this.dataSource
      .transaction(async (manager) => {
        const space = await this.spaces.load(manager, sessionId, true);
        const participant = input.method === 'code';
        let registrationId: string;
        if (participant) {
          // the participant's own line, else the session is not theirs to know of (nothing says whose it is)
          if (!caller.roles.includes('participant')) throw wrongSigningMethod('code');
          const line = ownLine(caller, await this.spaces.roster(manager, sessionId));
          if (!line) throw sessionNotFound(sessionId);
          registrationId = line.registrationId;
        } else {
          if (caller.roles.every((r) => r === 'participant')) throw wrongSigningMethod('drawn');
          assertRunsSession(caller, sessionId, placeOf(space));
          registrationId = input.registrationId!;
        }
        if (space.status === 'cancelled') throw sessionCancelled();
        assertOpenLedger(space.closedAt);
        const now = this.clock.now();
        const target = signablePart(partsOf(space), input.slotIndex, input.part ?? 'whole', now);
        const codeWindow = participant
          ? acceptedWindow(this.settings.signingKey, sessionId, target.slotIndex, target.part, input.code!, now)
          : null;
        const drawing = participant ? null : drawingBytes(input.drawing!);
        const context = await this.spaces.markContext(manager, sessionId, [registrationId]);
        if (context.roster[0]?.state !== 'confirmed') throw signerNotOnRoster();
        if (await this.signatures.exists(manager, registrationId, target.slotIndex, target.part)) throw alreadySigned();
        const key = currentKey(registrationId, target.slotIndex, target.part);
        const current = context.current.find((m) => currentKey(m.registrationId, m.slotIndex, m.part) === key);
        const author = caller.mail ?? caller.sub;
        // a half-day already marked present keeps its mark; any other becomes present, a correction saying why
        const markId =
          current?.status === 'present'
            ? current.id
            : (
                await this.presence.append(manager, space, author, [
                  {
                    registrationId,
                    slotIndex: target.slotIndex,
                    part: target.part,
                    status: 'present',
                    provenance: 'e-signature',
                    reason: current ? `Signature électronique (${participant ? 'code scanné' : 'tracée'})` : undefined,
                  },
                ])
              )[0].id;
        // a new mark was announced with it (append); a mark already present is told of its signature here
        if (current?.status === 'present') await this.spaces.announce(manager, sessionId);
        return answerOf(
          await this.signatures.insert(manager, {
            id: randomUUID(),
            sessionId,
            registrationId,
            slotIndex: target.slotIndex,
            part: target.part,
            method: input.method,
            signedAt: now,
            codeWindow,
            drawing,
            drawingSha256: drawing ? sha256Hex(drawing) : null,
            markId,
            signedBy: author,
          }),
        );
      })
      .catch((error: unknown) => {
        // two signatures at once for the same half-day: the unique key keeps one, the other is told why
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw alreadySigned();
        throw error;
      });
  }

  async list(caller: Identity, sessionId: string): Promise<SignatureAnswer[]> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    return (await this.signatures.forSession(manager, sessionId)).map(answerOf);
  }
}
