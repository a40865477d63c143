// The demo académie (issue 25), end to end: the scenario `npm start` and `forma demo` run (libs/demo) goes through the
// gateway of a platform of its own, on the real broker and PostgreSQL, at a fixed day of the school year; then every
// figure of its bilan académique is checked against what the test computes from the scenario's data alone, and the
// bilan files it wrote are read back.
import './e2e-environment';
import {
  DEMO_STAGES,
  DemoAlreadyPlayed,
  demoAcademy,
  demoBilanExpectations,
  demoCalendar,
  DemoOutcome,
  runDemo,
} from '@forma/demo';
import ExcelJS from 'exceljs';
import { applied, PLATFORM_SERVICES, RunningApp, startPlatform, stopPlatform } from './app-process';
import { Caller, gatewayClient } from './gateway-client';
import { eventuallyWhileProgressing } from '@forma/testing';

const ACADEMY = 'normandie';
/** A Thursday in March: the demo's delivered sessions fall in the seven weeks before, across the winter holidays. */
const TODAY = '2027-03-18';
const CLOCK = { FORMA_CLOCK: `${TODAY}T10:00:00Z` };

describe('the demo académie: a school year through the gateway, and its bilan as computed from the scenario', () => {
  const apps: RunningApp[] = [];
  let gateway = '';
  const academy = demoAcademy(ACADEMY, demoCalendar(TODAY).schoolYear);
  const expected = demoBilanExpectations(academy);
  const files = new Map<string, Uint8Array>();
  const stagesSeen: string[] = [];
  let outcome: DemoOutcome;
  const { api } = gatewayClient(() => gateway);
  const admin: Caller = { role: 'dafpen-admin', academy: ACADEMY };

  beforeAll(async () => {
    const platform = await startPlatform(Object.fromEntries(PLATFORM_SERVICES.map((s) => [s, CLOCK])));
    apps.push(...platform.apps);
    gateway = platform.gateway;
    outcome = await runDemo({
      gateway,
      academy,
      today: TODAY,
      progress: async () => JSON.stringify(await Promise.all(PLATFORM_SERVICES.map((service) => applied(service)()))),
      onStage: (stage, state) => state === 'done' && stagesSeen.push(stage),
      write: async (name, bytes) => void files.set(name, bytes),
    });
  }, 600000);

  afterAll(async () => {
    await stopPlatform(apps);
  }, 120000);

  it('runs every stage, the Mailexport file with its rejected lines', () => {
    expect(stagesSeen).toEqual([...DEMO_STAGES]);
    const canoprof = academy.sessions.find((s) => s.registrations === 'mailexport')!;
    expect(outcome.mailexport).toEqual({
      accepted: canoprof.participants.length,
      rejected: academy.rejectedMailexportLines.length,
    });
    expect(Object.keys(outcome.sessionIds).sort()).toEqual(academy.sessions.map((s) => s.key).sort());
  });

  it('shows an operator, and only an operator, every service’s outbox through the gateway, sent to its end', async () => {
    const operator: Caller = { role: 'operator', academy: ACADEMY };
    const outboxes = async () => {
      const answer = await api('get', '/operations/outboxes', undefined, operator);
      expect(answer.status).toBe(200);
      return answer.body.outboxes as { service: string; up: boolean; backlog: number; oldestSeconds: number }[];
    };
    const first = await outboxes();
    expect(first.map((o) => o.service).sort()).toEqual([...PLATFORM_SERVICES].sort());
    for (const o of first) expect([o.service, o.up, typeof o.backlog]).toEqual([o.service, true, 'number']);
    // the demo is over: whatever is still waiting is sent (the backlog itself is the progress followed)
    let waiting = first.reduce((sum, o) => sum + o.backlog, 0);
    await eventuallyWhileProgressing(
      async () => (waiting = (await outboxes()).reduce((sum, o) => sum + o.backlog, 0)) === 0,
      async () => waiting,
      'the outboxes sent',
    );
    const refused = await api('get', '/operations/outboxes', undefined, admin);
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden_role']);
  });

  it('refuses to be played twice on the same databases, before writing anything', async () => {
    const bilan = async () =>
      (await api('get', `/reports/bilan?level=academie&code=${ACADEMY}`, undefined, admin)).body.profiles;
    const before = await bilan();
    expect(before.total.participants).toEqual({ value: expected.participants });
    const again = runDemo({ gateway, academy, today: TODAY, progress: async () => '', write: async () => undefined });
    await expect(again).rejects.toBeInstanceOf(DemoAlreadyPlayed);
    await expect(again).rejects.toThrow(/déjà été jouée.*npm run reset/);
    expect(await bilan()).toEqual(before);
  });

  it('gives the bilan académique the scenario implies, figure by figure', async () => {
    const answer = await api('get', `/reports/bilan?level=academie&code=${ACADEMY}`, undefined, admin);
    expect(answer.status).toBe(200);
    const b = answer.body;
    expect([b.sessions.planned, b.sessions.delivered, b.sessions.cancelled]).toEqual([
      expected.sessions.planned,
      expected.sessions.delivered,
      expected.sessions.cancelled,
    ]);
    expect(b.sessions.plannedHoursDelivered).toEqual({
      faceToFace: expected.sessions.faceToFaceHours,
      virtualClass: '0.00',
    });
    expect(b.modalities.rows).toEqual([
      {
        modality: 'face-to-face',
        people: { value: expected.faceToFace.people },
        attendedHours: { value: expected.faceToFace.attendedHours },
        attendanceRate: { value: expected.faceToFace.attendanceRate },
      },
    ]);
    const completionRate = Math.round((expected.completions / expected.participants) * 1000) / 1000;
    const teachers = {
      participants: { value: expected.participants },
      attendanceRate: { value: expected.faceToFace.attendanceRate },
      completions: { value: expected.completions },
      completionRate: { value: completionRate },
      attestations: { value: expected.attestations },
    };
    expect(b.profiles).toEqual({ rows: [{ profile: 'ENS', ...teachers }], total: teachers });
    expect(b.evaluation.answers).toEqual(
      expected.academyAnswersWithheld ? { value: null, withheld: 'secondary' } : { value: expected.entModuleAnswers },
    );
    expect([b.hse.conventions, b.hse.signed, b.hse.serviceFait, b.hse.paid]).toEqual([
      expected.hse.conventions,
      expected.hse.signed,
      expected.hse.serviceFait,
      expected.hse.paid,
    ]);
    // one trainer paid: what she was paid would be hers alone
    expect(b.hse.hsePaid).toEqual({ value: null, withheld: 'primary' });
    expect(
      b.plan.rows.map((r: { module: string; forecastHeadcount: number }) => [r.module, r.forecastHeadcount]),
    ).toEqual(expected.plan.map((p) => [p.module, p.forecastHeadcount]));
    // the schools' rows add up to the participants (those of the Mailexport file have no school)
    expect(b.schools.total).toEqual({ value: expected.participants });
    expect(JSON.stringify(b)).not.toMatch(/demo\.personne|FICTIF-/);
  });

  it('answers the ENT module’s evaluations, each session with five answers or more', async () => {
    const answer = await api(
      'get',
      `/reports/bilan?level=module&code=${(await api('get', `/sessions/${outcome.sessionIds['ent-14']}`, undefined, admin)).body.moduleId}`,
      undefined,
      admin,
    );
    expect(answer.body.evaluation.answers).toEqual({ value: expected.entModuleAnswers });
  });

  it('writes the bilans académique and of a district as PDF, XLSX and CSV, each readable', async () => {
    const district = academy.districts[0].code;
    expect([...files.keys()].sort()).toEqual(
      ['pdf', 'xlsx', 'csv']
        .flatMap((f) => [`bilan-academie-${ACADEMY}.${f}`, `bilan-district-${district}.${f}`])
        .sort(),
    );
    const pdf = Buffer.from(files.get(`bilan-academie-${ACADEMY}.pdf`)!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = Buffer.from(files.get(`bilan-academie-${ACADEMY}.csv`)!).toString('utf8');
    expect(csv).toContain(`par profil;Total;Terminées;${expected.completions}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files.get(`bilan-academie-${ACADEMY}.xlsx`)!) as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((c) => String(c ?? '')) : [])),
    );
    expect(cells).toContain(String(expected.participants));
  });
});
