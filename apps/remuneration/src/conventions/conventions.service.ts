import { Identity } from '@forma/auth';
import { ConventionClosed, ConventionSigned, ServiceFaitCertified } from '@forma/contracts';
import { assertVersion, sha256Hex, Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { REMUNERATION_SETTINGS, RemunerationSettings } from '../remuneration.config';
import {
  assertDafpenActs,
  assertHeadActs,
  assertReads,
  ConventionPlace,
  conventionNotFound,
  isDafpen,
  isHead,
} from './convention-access.rules';
import {
  alreadyValidated,
  conventionOutOfScope,
  criteriaMissing,
  duplicateTrainer,
  listOutOfScope,
  noPaperCopy,
  sessionOutOfScope,
  trainerHasHse,
  unknownLine,
  unknownSchool,
} from './conventions.errors';
import {
  ConventionAuditEntry,
  ConventionRepository,
  ConventionRow,
  LineRow,
  SignatureRow,
  TrainerRow,
} from './convention.repository';
import {
  assertEditable,
  assertPlanLine,
  assertServiceFait,
  assertSignatureOrder,
  assertState,
  canonicalContent,
  CRITERIA,
  PlanLineContent,
  signedStates,
  TrainerContent,
} from './convention.rules';

export interface ConventionContent {
  trainers: TrainerContent[];
  lines: PlanLineContent[];
}

/** A plan as it is typed: optional fields may be left out. */
export interface ContentInput {
  trainers: TrainerContent[];
  lines: (Omit<PlanLineContent, 'audience' | 'modality' | 'sessionId'> &
    Partial<Pick<PlanLineContent, 'audience' | 'modality' | 'sessionId'>>)[];
}

/** The convention after its plan changed: how many signatures the change voided. */
export type ConventionRevised = ConventionView & { signaturesVoided: number };

/** A plan line's signed sheet, stored with its digest. */
export interface LineSheetStored {
  lineId: string;
  sha256: string;
}

export interface ConventionView extends ConventionRow {
  trainers: (TrainerRow & { deliveredMinutes: number })[];
  lines: (LineRow & { deliveredMinutes: number | null })[];
  signatures: SignatureRow[];
}

const sha256 = sha256Hex;
const actor = (caller: Identity) => caller.mail ?? caller.sub;
const normalised = (c: ContentInput): ConventionContent => ({
  trainers: c.trainers.map((t) => ({
    name: t.name.trim(),
    mail: t.mail.trim().toLowerCase(),
    grade: t.grade,
    engaged: t.engaged,
  })),
  lines: c.lines.map((l) => ({
    ...l,
    trainerMail: l.trainerMail.trim().toLowerCase(),
    audience: l.audience ?? null,
    modality: l.modality ?? null,
    sessionId: l.sessionId ?? null,
  })),
});

/**
 * Conventions DAFPEN x school (seed 002): the plan and its formateurs accompagnateurs, the two signatures on a digest
 * of exactly what was signed (a change voids them, and says so), the paper-signed copy, the end-of-plan report, the
 * signed sheets, service fait and its validation, closing. Every change leaves an audit entry (before, after).
 */
@Injectable()
export class ConventionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conventions: ConventionRepository,
    private readonly events: EventPublisher,
    @Inject(REMUNERATION_SETTINGS) private readonly settings: RemunerationSettings,
    private readonly clock: Clock,
  ) {}

  create(caller: Identity, uai: string, schoolYear: string, content: ContentInput): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const school = await this.conventions.schoolOf(manager, uai);
      if (!school) throw unknownSchool(uai);
      const place: ConventionPlace = { id: 'new', academy: school.academy, uai, district: null, trainerMails: [] };
      if (!isDafpen(caller, place) && !isHead(caller, place)) throw conventionOutOfScope(uai);
      const c = normalised(content);
      this.check(c);
      await this.sessionsOf(manager, school.academy, c);
      const id = randomUUID();
      await this.conventions.insert(manager, {
        id,
        academy: school.academy,
        uai,
        schoolYear,
        capHse: this.settings.cap,
        contentSha256: '',
        createdBy: actor(caller),
      });
      await this.conventions.replaceContent(manager, id, this.settings.cap, c.trainers, c.lines);
      await this.conventions.setDigest(manager, id, sha256(canonicalContent({ uai, schoolYear, ...c })));
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'convention',
        action: 'created',
        actor: actor(caller),
        before: null,
        after: { uai, schoolYear, ...c },
      });
      return this.view(manager, id);
    });
  }

  async get(caller: Identity, id: string): Promise<ConventionView> {
    const manager = this.dataSource.manager;
    await this.reach(manager, caller, id);
    return this.view(manager, id);
  }

  async list(caller: Identity, uai: string | undefined): Promise<ConventionRow[]> {
    const manager = this.dataSource.manager;
    const school = caller.roles.includes('dafpen-admin')
      ? (uai ?? null)
      : caller.roles.includes('school-head') && caller.scope.level === 'school'
        ? caller.scope.code
        : undefined;
    if (school === undefined) throw listOutOfScope();
    return this.conventions.list(manager, caller.scope.academy, school);
  }

  /**
   * A new plan, on the version the caller read (`If-Match`: two editors cannot overwrite each other): a change after a
   * signature voids the signatures and sends the convention back to "submitted".
   */
  replaceContent(caller: Identity, id: string, content: ContentInput, version: number): Promise<ConventionRevised> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertHeadActs(caller, place, true);
      assertVersion(version, row.rowVersion, 'Cette convention');
      assertEditable(row.state);
      const c = normalised(content);
      this.check(c);
      await this.sessionsOf(manager, row.academy, c);
      const before = {
        trainers: await this.conventions.trainers(manager, id),
        lines: await this.conventions.lines(manager, id),
      };
      for (const t of before.trainers.filter(
        (t) => !c.trainers.some((n) => n.mail === t.mail) && Number(t.allocatedHse) > 0,
      )) {
        throw trainerHasHse(t.name);
      }
      await this.conventions.replaceContent(manager, id, row.capHse, c.trainers, c.lines);
      const digest = sha256(canonicalContent({ uai: row.uai, schoolYear: row.schoolYear, ...c }));
      let voided = 0;
      if (digest === row.contentSha256) await this.conventions.touch(manager, id);
      else {
        await this.conventions.setDigest(manager, id, digest);
        if (signedStates.includes(row.state)) {
          voided = await this.conventions.voidSignatures(
            manager,
            id,
            'Contenu modifié après signature : la convention est à signer de nouveau.',
          );
          await this.conventions.setState(manager, id, 'submitted');
        }
      }
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'plan',
        action: voided ? 'changed, signatures voided' : 'changed',
        actor: actor(caller),
        before,
        after: c,
      });
      return { ...(await this.view(manager, id)), signaturesVoided: voided };
    });
  }

  submit(caller: Identity, id: string): Promise<ConventionView> {
    return this.transition(caller, id, 'head-or-dafpen', ['draft'], 'submitted', 'submitted');
  }

  /** A signature in its order, on the current digest; `onBehalfOf` names whom the signer signs for (a delegation). */
  sign(
    caller: Identity,
    id: string,
    role: 'head' | 'director',
    onBehalfOf: string | undefined,
  ): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      if (role === 'head') assertHeadActs(caller, place);
      else assertDafpenActs(caller, place);
      assertSignatureOrder(row.state, role);
      await this.conventions.sign(manager, {
        id: randomUUID(),
        conventionId: id,
        role,
        signer: actor(caller),
        onBehalfOf: onBehalfOf?.trim() || null,
        how: 'tool',
        contentSha256: row.contentSha256,
      });
      const next = role === 'head' ? 'signed-by-head' : 'signed';
      await this.conventions.setState(manager, id, next);
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'signature',
        action: `signed by ${role}`,
        actor: actor(caller),
        before: { state: row.state },
        after: { state: next, contentSha256: row.contentSha256, onBehalfOf: onBehalfOf ?? null },
      });
      if (next === 'signed') await this.announceSigned(manager, row, 'tool');
      return this.view(manager, id);
    });
  }

  /** A convention signed on paper: its scanned copy is kept with its digest and stands for both signatures. */
  recordPaperCopy(caller: Identity, id: string, content: Buffer): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertDafpenActs(caller, place);
      assertState(row.state, ['submitted', 'signed-by-head'], 'Enregistrer la convention signée sur papier');
      const digest = sha256(content);
      await this.conventions.storePaperCopy(manager, id, content, digest);
      for (const role of ['head', 'director'] as const) {
        if (role === 'head' && row.state === 'signed-by-head') continue;
        await this.conventions.sign(manager, {
          id: randomUUID(),
          conventionId: id,
          role,
          signer: actor(caller),
          onBehalfOf: 'signature sur papier',
          how: 'paper',
          contentSha256: row.contentSha256,
        });
      }
      await this.conventions.setState(manager, id, 'signed');
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'signature',
        action: 'paper copy recorded',
        actor: actor(caller),
        before: { state: row.state },
        after: { state: 'signed', paperCopySha256: digest },
      });
      await this.announceSigned(manager, row, 'paper');
      return this.view(manager, id);
    });
  }

  async paperCopy(caller: Identity, id: string): Promise<Buffer> {
    const manager = this.dataSource.manager;
    await this.reach(manager, caller, id);
    const copy = await this.conventions.paperCopy(manager, id);
    if (!copy) throw noPaperCopy();
    return copy;
  }

  start(caller: Identity, id: string): Promise<ConventionView> {
    return this.transition(caller, id, 'head-or-dafpen', ['signed'], 'in-progress', 'started');
  }

  /** The signed attendance sheet of a plan line (scanned), kept with its digest: service fait needs one per line. */
  storeSheet(caller: Identity, id: string, lineId: string, content: Buffer): Promise<LineSheetStored> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertHeadActs(caller, place, true);
      assertState(row.state, ['in-progress', 'report-submitted'], 'Déposer une feuille d’émargement signée');
      const digest = sha256(content);
      if (!(await this.conventions.storeSheet(manager, id, lineId, content, digest))) throw unknownLine(lineId);
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'plan line',
        action: 'signed sheet stored',
        actor: actor(caller),
        before: null,
        after: { lineId, sha256: digest },
      });
      return { lineId, sha256: digest };
    });
  }

  /**
   * The head's end-of-plan report: both analyses and seed 002's four criteria; the trainings done come from attendance.
   */
  submitReport(
    caller: Identity,
    id: string,
    report: {
      headAnalysis: string;
      trainersAnalysis: string;
      criteria: Record<string, { rating: number; comment?: string }>;
    },
  ): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertHeadActs(caller, place);
      assertState(row.state, ['in-progress'], 'Remettre le bilan de fin de plan');
      const missing = CRITERIA.filter((c) => !report.criteria[c]);
      if (missing.length) throw criteriaMissing(missing);
      await this.conventions.saveReport(manager, id, report);
      await this.conventions.setState(manager, id, 'report-submitted', { report_submitted_at: this.clock.now() });
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'report',
        action: 'submitted',
        actor: actor(caller),
        before: null,
        after: report,
      });
      return this.view(manager, id);
    });
  }

  /** Service fait: the head certifies (sheets signed, report in), then the DAFPEN validates. */
  certifyServiceFait(caller: Identity, id: string): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertHeadActs(caller, place);
      assertServiceFait(row.state, await this.conventions.lines(manager, id));
      const at = this.clock.now();
      await this.conventions.setState(manager, id, 'service-fait', {
        service_fait_at: at,
        service_fait_by: actor(caller),
      });
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'service fait',
        action: 'certified by head',
        actor: actor(caller),
        before: { state: row.state },
        after: { state: 'service-fait' },
      });
      await this.events.publish(manager, ServiceFaitCertified, {
        conventionId: id,
        academy: row.academy,
        uai: row.uai,
        schoolYear: row.schoolYear,
        by: 'head',
        certifiedAt: at.toISOString(),
      });
      return this.view(manager, id);
    });
  }

  validateServiceFait(caller: Identity, id: string): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertDafpenActs(caller, place);
      assertState(row.state, ['service-fait'], 'Valider le service fait');
      if (row.validatedAt) throw alreadyValidated();
      const at = this.clock.now();
      await this.conventions.setState(manager, id, 'service-fait', { validated_at: at, validated_by: actor(caller) });
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'service fait',
        action: 'validated by DAFPEN',
        actor: actor(caller),
        before: null,
        after: { validatedAt: at },
      });
      await this.events.publish(manager, ServiceFaitCertified, {
        conventionId: id,
        academy: row.academy,
        uai: row.uai,
        schoolYear: row.schoolYear,
        by: 'dafpen',
        certifiedAt: at.toISOString(),
      });
      return this.view(manager, id);
    });
  }

  close(caller: Identity, id: string): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      assertDafpenActs(caller, place);
      assertState(row.state, ['paid'], 'Clore la convention');
      const at = this.clock.now();
      await this.conventions.setState(manager, id, 'closed', { closed_at: at });
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'convention',
        action: 'closed',
        actor: actor(caller),
        before: { state: row.state },
        after: { state: 'closed' },
      });
      await this.events.publish(manager, ConventionClosed, {
        conventionId: id,
        academy: row.academy,
        uai: row.uai,
        schoolYear: row.schoolYear,
        closedAt: at.toISOString(),
      });
      return this.view(manager, id);
    });
  }

  async auditTrail(caller: Identity, id: string): Promise<ConventionAuditEntry[]> {
    const manager = this.dataSource.manager;
    const { place } = await this.reach(manager, caller, id);
    if (!isDafpen(caller, place) && !isHead(caller, place)) throw conventionNotFound(id);
    return this.conventions.auditTrail(manager, id);
  }

  /** The convention and where it stands for the caller (404 when out of reach). */
  async reach(
    manager: EntityManager,
    caller: Identity,
    id: string,
    lock = false,
  ): Promise<{ row: ConventionRow; place: ConventionPlace }> {
    const row = await this.conventions.get(manager, id, lock);
    if (!row) throw conventionNotFound(id);
    const place: ConventionPlace = {
      id,
      academy: row.academy,
      uai: row.uai,
      district: row.district,
      trainerMails: (await this.conventions.trainers(manager, id)).map((t) => t.mail),
    };
    assertReads(caller, place);
    return { row, place };
  }

  async view(manager: EntityManager, id: string): Promise<ConventionView> {
    const row = (await this.conventions.get(manager, id))!;
    const delivered = await this.conventions.delivered(manager, id);
    const minutes = (d: (typeof delivered)[number]) => d.faceToFaceMinutes + d.virtualClassMinutes + d.followUpMinutes;
    const trainers = (await this.conventions.trainers(manager, id)).map((t) => ({
      ...t,
      deliveredMinutes: delivered.filter((d) => d.trainerMail === t.mail).reduce((n, d) => n + minutes(d), 0),
    }));
    const lines = (await this.conventions.lines(manager, id)).map((l) => {
      const found = delivered.filter((d) => d.sessionId === l.sessionId && d.trainerMail === l.trainerMail);
      return { ...l, deliveredMinutes: l.sessionId ? found.reduce((n, d) => n + minutes(d), 0) : null };
    });
    return { ...row, trainers, lines, signatures: await this.conventions.signatures(manager, id) };
  }

  /** A plan line names a session of the convention's académie only (issue 22): another's hours are not its to pay. */
  private async sessionsOf(manager: EntityManager, academy: string, c: ConventionContent): Promise<void> {
    const named = c.lines.map((l) => l.sessionId).filter((s): s is string => !!s);
    const foreign = new Set(await this.conventions.foreignSessions(manager, academy, named));
    const position = c.lines.findIndex((l) => !!l.sessionId && foreign.has(l.sessionId));
    if (position >= 0) {
      throw sessionOutOfScope(position);
    }
  }

  private check(c: ConventionContent): void {
    const mails = c.trainers.map((t) => t.mail);
    if (new Set(mails).size !== mails.length) throw duplicateTrainer();
    c.lines.forEach((line, i) => assertPlanLine(line, mails, `lines[${i}]`));
  }

  private async transition(
    caller: Identity,
    id: string,
    who: 'head-or-dafpen',
    from: ConventionRow['state'][],
    to: ConventionRow['state'],
    action: string,
  ): Promise<ConventionView> {
    return this.dataSource.transaction(async (manager) => {
      const { row, place } = await this.reach(manager, caller, id, true);
      if (who === 'head-or-dafpen') assertHeadActs(caller, place, true);
      assertState(row.state, from, action === 'submitted' ? 'Soumettre la convention' : 'Commencer le plan');
      await this.conventions.setState(manager, id, to);
      await this.conventions.audit(manager, {
        conventionId: id,
        entity: 'convention',
        action,
        actor: actor(caller),
        before: { state: row.state },
        after: { state: to },
      });
      return this.view(manager, id);
    });
  }

  private async announceSigned(manager: EntityManager, row: ConventionRow, how: 'tool' | 'paper'): Promise<void> {
    await this.events.publish(manager, ConventionSigned, {
      conventionId: row.id,
      academy: row.academy,
      uai: row.uai,
      schoolYear: row.schoolYear,
      contentSha256: row.contentSha256,
      how,
      signedAt: this.clock.now().toISOString(),
    });
  }
}
