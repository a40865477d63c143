import { Identity, reachesPersonInSession } from '@forma/auth';
import { AttestationRevoked } from '@forma/contracts';
import { Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import JSZip from 'jszip';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CompletionRepository } from '../completion/completion.repository';
import { ATTESTATION_TEMPLATE_VERSION, AttestationSnapshot } from './attestation.pdf';
import { placeOf } from '../presence/presence.service';
import { RosterLine, SessionSpace, SessionSpaceRepository } from '../presence/session-space.repository';
import { assertRunsSession, sessionNotFound } from '../session-access.rules';
import { AttestationRenderer } from './attestation.renderer';
import {
  alreadyRevoked,
  attestationNotFound,
  attestationNotReady,
  invalidCode,
  noAttestation,
  unknownCode,
} from './attestations.errors';
import { AttestationRepository, AttestationRow } from './attestation.repository';
import { attestationFileName, canonicalCode, CODE_BYTES, verificationCode } from './verification-code.rules';

/** What a verification answers: what the attestation states, its state, and the digest of the PDF issued. */
export interface Verification {
  code: string;
  /** `pending`: issued, its PDF (and so its digest) still being rendered. */
  status: 'valid' | 'revoked' | 'pending';
  statement: Omit<AttestationSnapshot, 'code'>;
  sha256: string | null;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  replacedBy: string | null;
}

/**
 * Attestations de présence: issued to participants whose completion stands (never to someone never present), with a
 * snapshot of what they state, the template version, the PDF's SHA-256 and a verification code; sent to the IEN of
 * the person's district and to the DFP; verified publicly by code; revoked with a reason (and replaced, if reissued).
 */
@Injectable()
export class AttestationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly spaces: SessionSpaceRepository,
    private readonly completions: CompletionRepository,
    private readonly attestations: AttestationRepository,
    private readonly events: EventPublisher,
    private readonly renderer: AttestationRenderer,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues the missing attestations of the session (or of the given registrations): those whose completion stands.
   * What each states is stored at once; its PDF, digest, `AttestationIssued` and mails follow from the renderer, so
   * issuing a hundred answers as fast as issuing five. `pending` says how many of the session's wait for their PDF.
   */
  async issue(
    caller: Identity,
    sessionId: string,
    registrationIds?: string[],
  ): Promise<{
    issued: AttestationRow[];
    skipped: { registrationId: string; code: string; message: string }[];
    pending: number;
  }> {
    const issued: AttestationRow[] = [];
    const skipped: { registrationId: string; code: string; message: string }[] = [];
    await this.dataSource.transaction(async (manager) => {
      const space = await this.spaces.load(manager, sessionId, true);
      assertRunsSession(caller, sessionId, placeOf(space));
      const roster = (await this.spaces.roster(manager, sessionId)).filter(
        (l) => !registrationIds || registrationIds.includes(l.registrationId),
      );
      for (const id of registrationIds ?? []) {
        if (!roster.some((l) => l.registrationId === id))
          skipped.push({ registrationId: id, code: 'not_enrolled', message: 'pas inscrit(e) à cette session' });
      }
      for (const line of roster) {
        if (await this.attestations.activeFor(manager, line.registrationId)) continue;
        const completion = await this.completions.active(manager, line.registrationId);
        if (!completion) {
          if (registrationIds)
            skipped.push({
              registrationId: line.registrationId,
              code: 'not_completed',
              message: 'formation non terminée : pas d’attestation',
            });
          continue;
        }
        if (completion.evidence.attendedMinutes === 0) {
          skipped.push({
            registrationId: line.registrationId,
            code: 'never_present',
            message: 'jamais présent(e) : pas d’attestation',
          });
          continue;
        }
        issued.push(await this.make(manager, space, line, caller));
      }
    });
    this.renderer.wake();
    return { issued, skipped, pending: await this.attestations.pendingOf(this.dataSource.manager, sessionId) };
  }

  /** Revokes an attestation with a reason; `reissue` issues its replacement at once (a corrected name, say). */
  async revoke(
    caller: Identity,
    id: string,
    reason: string,
    reissue: boolean,
  ): Promise<{ revoked: AttestationRow; replacement: AttestationRow | null }> {
    let replacement: AttestationRow | null = null;
    const revoked = await this.dataSource.transaction(async (manager) => {
      const found = await this.attestations.byId(manager, id);
      if (!found) throw attestationNotFound(id);
      const space = await this.spaces.load(manager, found.sessionId, true);
      assertRunsSession(caller, found.sessionId, placeOf(space));
      if (found.revokedAt) throw alreadyRevoked();
      const line = (await this.spaces.roster(manager, found.sessionId)).find(
        (l) => l.registrationId === found.registrationId,
      )!;
      await this.attestations.revoke(manager, id, reason.trim());
      if (reissue) {
        replacement = await this.make(manager, space, line, caller);
        await this.attestations.revoke(manager, id, reason.trim(), replacement.id);
      }
      const after = (await this.attestations.byId(manager, id))!;
      await this.events.publish(manager, AttestationRevoked, {
        attestationId: id,
        sessionId: found.sessionId,
        replacedBy: after.replacedBy,
        reason: reason.trim(),
        revokedAt: after.revokedAt!.toISOString(),
      });
      return after;
    });
    if (replacement) this.renderer.wake();
    return { revoked, replacement };
  }

  /** One attestation's PDF: to its person, to those who run the session, and to whoever reaches the person. */
  async pdf(caller: Identity, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const manager = this.dataSource.manager;
    const found = await this.attestations.byId(manager, id);
    if (!found) throw attestationNotFound(id);
    const space = await this.spaces.load(manager, found.sessionId);
    const line = (await this.spaces.roster(manager, found.sessionId)).find(
      (l) => l.registrationId === found.registrationId,
    );
    if (!line || !reachesPersonInSession(caller, line.place, placeOf(space))) throw attestationNotFound(id);
    const pdf = await this.attestations.pdf(manager, id);
    if (!pdf) throw attestationNotReady();
    return { fileName: attestationFileName(found.code), pdf };
  }

  /** Every valid attestation of the session in one ZIP, for those who run it. */
  async zip(caller: Identity, sessionId: string): Promise<Buffer> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    if (await this.attestations.pendingOf(manager, sessionId)) throw attestationNotReady();
    const zip = new JSZip();
    for (const a of (await this.attestations.ofSession(manager, sessionId)).filter((x) => !x.revokedAt)) {
      const name = `${a.snapshot.person.lastName}-${a.snapshot.person.firstName}-${a.code}`.replace(
        /[^\p{L}\p{N}-]+/gu,
        '_',
      );
      zip.file(`${name}.pdf`, (await this.attestations.pdf(manager, a.id))!);
    }
    if (!Object.keys(zip.files).length) throw noAttestation();
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  /** A participant's own attestations (issue 27): the person is the token's mail, never a parameter. */
  async mine(caller: Identity): Promise<AttestationRow[]> {
    if (!caller.mail) return [];
    return this.attestations.ofPerson(this.dataSource.manager, caller.scope.academy, caller.mail);
  }

  async ofSession(caller: Identity, sessionId: string): Promise<AttestationRow[]> {
    const manager = this.dataSource.manager;
    const space = await this.spaces.load(manager, sessionId);
    assertRunsSession(caller, sessionId, placeOf(space));
    return this.attestations.ofSession(manager, sessionId);
  }

  /**
   * Public: what the attestation of this code states, whether it stands, and its PDF's SHA-256 (an edited PDF differs).
   */
  async verify(input: string): Promise<Verification> {
    const code = canonicalCode(input);
    if (!code) throw invalidCode();
    const found = await this.attestations.byCode(this.dataSource.manager, code);
    if (!found) throw unknownCode();
    const { code: _omitted, ...statement } = found.snapshot;
    return {
      code,
      status: found.revokedAt ? 'revoked' : found.renderedAt ? 'valid' : 'pending',
      statement,
      sha256: found.sha256,
      issuedAt: new Date(found.issuedAt).toISOString(),
      revokedAt: found.revokedAt ? new Date(found.revokedAt).toISOString() : null,
      revokeReason: found.revokeReason,
      replacedBy: found.replacedByCode,
    };
  }

  verificationUrl(code: string): string {
    return this.renderer.verificationUrl(code);
  }

  /** What the attestation states, stored with its verification code; the renderer makes its PDF. */
  private async make(
    manager: EntityManager,
    space: SessionSpace,
    line: RosterLine,
    caller: Identity,
  ): Promise<AttestationRow> {
    if (!space.slots.length) throw sessionNotFound(space.id);
    const id = randomUUID();
    const code = verificationCode(randomBytes(CODE_BYTES));
    const issuedAt = this.clock.now();
    const dates = space.slots.map((s) => s.date).sort();
    const snapshot: AttestationSnapshot = {
      attestationId: id,
      code,
      person: { lastName: line.lastName, firstName: line.firstName, school: line.schoolName },
      training: {
        title: space.module.title,
        moduleId: space.moduleId,
        sessionId: space.id,
        groupNumber: space.groupNumber,
        academy: space.academy,
      },
      dates: { from: dates[0], to: [dates[dates.length - 1], space.distanceEndsOn ?? ''].sort().at(-1)! },
      planned: {
        faceToFaceMinutes: space.module.faceToFaceMinutes,
        distanceMinutes: space.module.synchronousMinutes + space.module.asynchronousMinutes,
      },
      issuedAt: issuedAt.toISOString(),
      templateVersion: ATTESTATION_TEMPLATE_VERSION,
    };
    await this.attestations.insert(manager, {
      id,
      code,
      registrationId: line.registrationId,
      sessionId: space.id,
      academy: space.academy,
      snapshot,
      issuedAt,
      issuedBy: caller.mail ?? caller.sub,
    });
    return (await this.attestations.byId(manager, id))!;
  }
}
