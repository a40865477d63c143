import { sha256Hex } from '@forma/domain';
import { AttestationIssued } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { DatabaseConnector } from '@forma/persistence';
import { NotificationPort, WorkLoop } from '@forma/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ATTENDANCE_SETTINGS, AttendanceSettings } from '../attendance.config';
import { attestationPdf } from './attestation.pdf';
import { RosterLine, SessionSpaceRepository } from '../presence/session-space.repository';
import { AttestationRepository, AttestationRow } from './attestation.repository';
import { attestationFileName } from './verification-code.rules';

/** How often the renderer looks for attestations left to render (by a stopped instance, say) when nothing wakes it. */
const SWEEP_MS = 10_000;

/**
 * Renders attestations outside the request that issued them (issue 23): issuing stores what each states; the renderer
 * takes them one by one (`FOR UPDATE SKIP LOCKED`, so instances share the work), renders the PDF, stores it with its
 * digest and publishes `AttestationIssued` in the same transaction, then mails it to the IEN and the DFP. It runs on
 * the shared runner (`WorkLoop`): issuing wakes it; a round every 10 s takes what a stopped instance left.
 */
@Injectable()
export class AttestationRenderer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('attestations');
  private readonly loop = new WorkLoop(() => this.renderOne(), { name: 'attestations', everyMs: SWEEP_MS });

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    private readonly spaces: SessionSpaceRepository,
    private readonly attestations: AttestationRepository,
    private readonly events: EventPublisher,
    private readonly notifier: NotificationPort,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.database.ready);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  verificationUrl(code: string): string {
    return `${this.settings.publicUrl}/verification/${code}`;
  }

  /** Renders every attestation waiting; called again while it runs, it runs once more after. */
  wake(): void {
    this.loop.wake();
  }

  /** Renders the oldest attestation waiting; false when none waits (or rendering failed: the sweep tries again). */
  private async renderOne(): Promise<boolean> {
    try {
      let done: { row: AttestationRow; pdf: Buffer; line: RosterLine } | undefined;
      await this.dataSource.transaction(async (manager) => {
        const row = await this.attestations.claimToRender(manager);
        if (!row) return;
        const pdf = await attestationPdf(row.snapshot, this.verificationUrl(row.code));
        const sha256 = sha256Hex(pdf);
        await this.attestations.rendered(manager, row.id, pdf, sha256);
        const line = (await this.spaces.roster(manager, row.sessionId)).find(
          (l) => l.registrationId === row.registrationId,
        );
        if (!line)
          throw new Error(`attestation ${row.id}: registration ${row.registrationId} not in its session's roster`);
        await this.events.publish(manager, AttestationIssued, {
          attestationId: row.id,
          registrationId: row.registrationId,
          participantId: line.participantId,
          sessionId: row.sessionId,
          moduleId: row.snapshot.training.moduleId,
          academy: row.academy,
          faceToFaceMinutes: row.snapshot.planned.faceToFaceMinutes,
          distanceMinutes: row.snapshot.planned.distanceMinutes,
          digest: sha256,
          issuedAt: row.snapshot.issuedAt,
        });
        done = { row: { ...row, sha256 }, pdf, line };
      });
      if (!done) return false;
      const { row, pdf, line } = done;
      await this.send(row, pdf, line);
      return true;
    } catch (error) {
      this.logger.error(`attestation not rendered: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * To the IEN of the person's district and to the DFP (seed 003); a mail that fails is logged, the attestation stands.
   */
  private async send(row: AttestationRow, pdf: Buffer, line: RosterLine): Promise<void> {
    const to = [
      this.settings.dfpMail,
      line.place.district && this.settings.ienMail
        ? this.settings.ienMail
            .replace('{district}', line.place.district)
            .replace('{academy}', line.place.academy ?? row.academy)
        : null,
    ].filter(Boolean);
    if (!to.length) return;
    try {
      await this.notifier.send({
        id: `attestation-${row.id}`,
        to: to.join(', '),
        subject: `Attestation de présence — ${row.snapshot.person.firstName} ${row.snapshot.person.lastName} — ${row.snapshot.training.title}`,
        text: `Bonjour,\n\nVeuillez trouver ci-jointe l'attestation de présence de ${row.snapshot.person.firstName} ${row.snapshot.person.lastName} à la formation « ${row.snapshot.training.title} ».\nCode de vérification : ${row.code} (${this.verificationUrl(row.code)}).\n\nForma — formation continue`,
        attachments: [{ filename: attestationFileName(row.code), content: pdf, contentType: 'application/pdf' }],
      });
    } catch (error) {
      this.logger.warn(`attestation ${row.id} not sent: ${(error as Error).message}`);
    }
  }
}
