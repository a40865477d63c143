// The demo académie's school year, run through the gateway and the event flow (issue 25): reference data and offer
// (catalog), the training plan's wave, sessions placed by the planner on the school calendar, registrations one by one
// and from a Mailexport file with its rejected lines (enrolment), presence by half-day with absences, late arrivals
// and a correction, completions (one revoked), attestations, anonymous evaluations (attendance), a convention paid in
// HSE (remuneration), and the bilans written as PDF, XLSX and CSV (reporting). It never writes a database: every step
// is a call of the public API, and every wait reads the platform through it.
import { ApiRefusal, components, exportBilan, FormaClient, importParticipants } from '@forma/api-client';
import { attendedWhole, DemoAcademy, demoCalendar, DEMO_MODULES, DemoSessionPlan } from './demo-academy';
import { DemoAlreadyPlayed, DemoCaller, demoClients, expectOk, untilReady } from './demo-client';
import { demoBilanExpectations } from './demo-expectations';

/** The demo's training-plan wave: its code says the demo was played on these databases. */
export const DEMO_WAVE_CODE = 'V1-DEMO';

/** The stages, in order, as the progress report names them. */
export const DEMO_STAGES = [
  'référentiel',
  'offre et plan de formation',
  'sessions (planificateur)',
  'inscriptions et import',
  'émargement',
  'achèvements et attestations',
  'évaluations',
  'convention et HSE',
  'bilans',
] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

export interface DemoOptions {
  gateway: string;
  academy: DemoAcademy;
  /** The platform's day (its clock): the delivered sessions are placed before it, the one to come after. */
  today: string;
  /** Reads how far the platform's consumers have got (any string that changes while they work). */
  progress: () => Promise<string>;
  /** Told as each stage starts and ends. */
  onStage?: (stage: DemoStage, state: 'start' | 'done', seconds?: number) => void;
  /** Where the bilan files go; none: not written. */
  write?: (name: string, bytes: Uint8Array) => Promise<void>;
}

export interface DemoOutcome {
  sessionIds: Record<DemoSessionPlan['key'], string>;
  conventionId: string;
  /** Seconds per stage. */
  stages: Partial<Record<DemoStage, number>>;
  /** The bilan files written (académie and one district, PDF, XLSX and CSV). */
  files: string[];
  /** The Mailexport import's counts, as its job answered them. */
  mailexport: { accepted: number; rejected: number };
}

type Mark = components['schemas']['MarkRequest'];

export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  const { academy: a, today } = options;
  const clients = demoClients(options.gateway);
  const admin = await clients.as({ role: 'dafpen-admin', academy: a.academy });
  const trainerOf = (plan: DemoSessionPlan) =>
    clients.as({ role: 'trainer', academy: a.academy, mail: plan.trainer.mail });
  const head: DemoCaller = {
    role: 'school-head',
    academy: a.academy,
    level: 'school',
    code: a.sessions[0].host,
    mail: 'demo.direction@ac-demo.example',
  };
  const wait = <T>(what: string, read: () => Promise<T | undefined>) => untilReady(what, read, options.progress);
  const outcome: DemoOutcome = {
    sessionIds: {} as DemoOutcome['sessionIds'],
    conventionId: '',
    stages: {},
    files: [],
    mailexport: { accepted: 0, rejected: 0 },
  };
  const stage = async (name: DemoStage, work: () => Promise<void>) => {
    options.onStage?.(name, 'start');
    const t0 = Date.now();
    await work();
    outcome.stages[name] = (Date.now() - t0) / 1000;
    options.onStage?.(name, 'done', outcome.stages[name]);
  };
  const registrationOf = new Map<string, Map<number, string>>(); // session key -> person index -> registration id
  const modules: Record<DemoSessionPlan['module'], string> = { ent: '', canoprof: '' };

  // played once already on these databases: refused before anything is written
  const waves = await expectOk(
    'vagues du plan de formation',
    admin.GET('/api/v1/training-plan/waves', { params: { query: { schoolYear: a.schoolYear } } }),
  );
  if (waves.some((w) => w.code === DEMO_WAVE_CODE))
    throw new DemoAlreadyPlayed(a.academy, a.schoolYear, DEMO_WAVE_CODE);

  await stage('référentiel', async () => {
    for (const d of a.departments)
      await expectOk(
        `département ${d.code}`,
        admin.PUT('/api/v1/reference/departments/{code}', {
          params: { path: { code: d.code } },
          body: { name: d.name, academy: a.academy },
        }),
      );
    for (const d of a.districts)
      await expectOk(
        `circonscription ${d.code}`,
        admin.PUT('/api/v1/reference/districts/{code}', {
          params: { path: { code: d.code } },
          body: { name: d.name, department: d.department },
        }),
      );
    for (const s of a.schools)
      await expectOk(
        `établissement ${s.uai}`,
        admin.PUT('/api/v1/reference/schools/{uai}', {
          params: { path: { uai: s.uai } },
          body: { name: s.name, department: s.department, district: s.district },
        }),
      );
    await expectOk(
      'DT Canopé',
      admin.PUT('/api/v1/reference/canope-dts/{code}', {
        params: { path: { code: a.canopeDt.code } },
        body: { name: a.canopeDt.name, academies: [a.academy] },
      }),
    );
  });

  await stage('offre et plan de formation', async () => {
    const create = (
      key: DemoSessionPlan['module'],
      extra: {
        themes: string[];
        trainerType: 'formateur-academique' | 'referent-canope';
        origin: 'academie' | 'canope';
      },
    ) =>
      expectOk(
        `module ${DEMO_MODULES[key].shortTitle}`,
        admin.POST('/api/v1/modules', {
          body: {
            title: DEMO_MODULES[key].title,
            shortTitle: DEMO_MODULES[key].shortTitle,
            kind: 'module',
            category: 'pedagogical-use-1',
            modality: 'face-to-face',
            status: 'published',
            targetProfiles: ['teacher'],
            durations: {
              faceToFaceHours: DEMO_MODULES[key].faceToFaceHours,
              distanceSynchronousHours: 0,
              distanceAsynchronousHours: 0,
            },
            maxParticipantsPerSession: DEMO_MODULES[key].maxParticipantsPerSession,
            ...extra,
          },
        }),
      );
    const ent = await create('ent', {
      themes: ['cahier de textes', 'messagerie', 'ressources'],
      trainerType: 'formateur-academique',
      origin: 'academie',
    });
    // the Canoprof kit's first module (seed 000), from Canopé
    const canoprof = await create('canoprof', {
      themes: ['prise en main', 'créer un support de cours'],
      trainerType: 'referent-canope',
      origin: 'canope',
    });
    modules.ent = ent.id;
    modules.canoprof = canoprof.id;
    const [startYear] = a.schoolYear.split('-');
    await expectOk(
      'vague du plan de formation',
      admin.POST('/api/v1/training-plan/waves', {
        body: {
          schoolYear: a.schoolYear,
          code: DEMO_WAVE_CODE,
          label: 'Vague 1 — déploiement de l’ENT (démo)',
          startsOn: `${startYear}-09-01`,
          endsOn: `${Number(startYear) + 1}-06-30`,
          trainTheTrainers: false,
          lines: (['ent', 'canoprof'] as const).map((key) => ({
            moduleId: modules[key],
            profile: 'teacher' as const,
            ...DEMO_MODULES[key].forecast,
            hours: String(DEMO_MODULES[key].faceToFaceHours),
          })),
        },
      }),
    );
  });

  await stage('sessions (planificateur)', async () => {
    // the delivered sessions in the seven weeks before today, the one to come in the eight weeks after: the planner
    // places each on a school day of the académie's calendar, and its first proposal is accepted as it is
    const calendar = demoCalendar(today);
    for (const plan of a.sessions) {
      const { from, to } = plan.delivered ? calendar.delivered : calendar.later;
      const proposal = await expectOk(
        `proposition du planificateur (${plan.key})`,
        admin.POST('/api/v1/planner/proposals', {
          body: {
            moduleId: modules[plan.module],
            participants: Math.max(plan.participants.length, 10),
            from,
            to,
            trainers: [{ name: plan.trainer.name }],
            places: [{ uai: plan.host, label: a.schools.find((s) => s.uai === plan.host)!.name }],
          },
        }),
      );
      const first = proposal.feasible ? proposal.sessions[0] : undefined;
      if (!first) throw new Error(`le planificateur n’a rien proposé pour ${plan.key} entre ${from} et ${to}`);
      const date = first.slots[0].date;
      const slots =
        plan.day === 'whole'
          ? [{ date, start: '09:00', end: '16:00', kind: 'face-to-face' as const }]
          : [{ date, start: '09:00', end: '12:00', kind: 'face-to-face' as const }];
      const session = await expectOk(
        `session ${plan.key}`,
        admin.POST('/api/v1/modules/{moduleId}/sessions', {
          params: { path: { moduleId: modules[plan.module] } },
          body: {
            slots,
            capacity: DEMO_MODULES[plan.module].maxParticipantsPerSession,
            placeUai: plan.host,
            placeLabel: a.schools.find((s) => s.uai === plan.host)!.name,
            trainers: [{ name: plan.trainer.name, mail: plan.trainer.mail, role: 'trainer' }],
          },
        }),
      );
      outcome.sessionIds[plan.key] = session.id;
    }
  });

  await stage('inscriptions et import', async () => {
    for (const plan of a.sessions.filter((p) => p.participants.length)) {
      const sessionId = outcome.sessionIds[plan.key];
      const ids = new Map<number, string>();
      registrationOf.set(plan.key, ids);
      if (plan.registrations === 'designated') {
        for (const { person } of plan.participants) {
          const p = a.people[person];
          // enrolment knows the session once catalog's event is applied: until then the registration is refused
          const registration = await wait(`la session ${plan.key} dans les inscriptions`, async () => {
            const answer = await admin.POST('/api/v1/registrations', {
              body: { sessionId, kind: 'designated', person: p },
            });
            if (answer.response.status === 404) return undefined;
            return expectOk(`inscription de ${p.mail}`, Promise.resolve(answer));
          });
          ids.set(person, registration.id);
        }
      } else {
        const lines = [
          'Nom;Mail;Fonction;Grade',
          ...plan.participants.map(({ person }) => {
            const p = a.people[person];
            return `${p.lastName} ${p.firstName};${p.mail};${p.function};${p.grade}`;
          }),
          ...a.rejectedMailexportLines,
        ];
        // enrolment knows the session once catalog's event is applied: until then the import is refused (404)
        const { job: done } = await wait(`la session ${plan.key} dans les inscriptions`, () =>
          importParticipants(admin, lines.join('\r\n'), {
            sessionId,
            format: 'mailexport',
            fileName: 'mailexport-demo.csv',
          }).catch((error: unknown) => {
            if (error instanceof ApiRefusal && error.status === 404) return undefined;
            throw error;
          }),
        );
        outcome.mailexport = { accepted: done.accepted, rejected: done.rejected };
        const registered = await expectOk(
          'inscrits de la session Canoprof',
          admin.GET('/api/v1/registrations', { params: { query: { sessionId } } }),
        );
        for (const { person } of plan.participants) {
          const found = registered.find((r) => r.mail === a.people[person].mail.toLowerCase());
          if (found) ids.set(person, found.id);
        }
      }
    }
  });

  const trainerSheet = async (plan: DemoSessionPlan) => {
    const trainer = await trainerOf(plan);
    const sessionId = outcome.sessionIds[plan.key];
    // attendance knows the roster once enrolment's events are applied
    await wait(`la liste d’émargement de ${plan.key}`, async () => {
      const answer = await trainer.GET('/api/v1/attendance/sessions/{sessionId}', {
        params: { path: { sessionId } },
      });
      return answer.data && answer.data.lines.length === plan.participants.length ? answer.data : undefined;
    });
    return { trainer, sessionId };
  };

  await stage('émargement', async () => {
    for (const plan of a.sessions.filter((p) => p.delivered)) {
      const { trainer, sessionId } = await trainerSheet(plan);
      const ids = registrationOf.get(plan.key)!;
      const marks = plan.participants.flatMap(({ person, attendance }): Mark[] => {
        const registrationId = ids.get(person)!;
        if (plan.day === 'morning')
          return [{ registrationId, slotIndex: 0, part: 'whole', status: attendance.morning, provenance: 'trainer' }];
        return [
          { registrationId, slotIndex: 0, part: 'morning', status: attendance.morning, provenance: 'trainer' },
          attendance.afternoon === 'late'
            ? { registrationId, slotIndex: 0, part: 'afternoon', status: 'partial', hours: '2', provenance: 'trainer' }
            : {
                registrationId,
                slotIndex: 0,
                part: 'afternoon',
                status: attendance.corrected ? 'absent' : attendance.afternoon!,
                provenance: 'trainer',
              },
        ];
      });
      await expectOk(
        `émargement ${plan.key}`,
        trainer.POST('/api/v1/attendance/sessions/{sessionId}/marks', {
          params: { path: { sessionId } },
          body: { marks },
        }),
      );
      const corrections = plan.participants
        .filter(({ attendance }) => attendance.corrected)
        .map(({ person }): Mark => ({
          registrationId: ids.get(person)!,
          slotIndex: 0,
          part: 'afternoon',
          status: 'present',
          reason: 'Erreur de saisie : présente l’après-midi (démo)',
          provenance: 'trainer',
        }));
      if (corrections.length)
        await expectOk(
          `correction ${plan.key}`,
          trainer.POST('/api/v1/attendance/sessions/{sessionId}/marks', {
            params: { path: { sessionId } },
            body: { marks: corrections },
          }),
        );
    }
  });

  await stage('achèvements et attestations', async () => {
    for (const plan of a.sessions.filter((p) => p.delivered)) {
      const trainer = await trainerOf(plan);
      const sessionId = outcome.sessionIds[plan.key];
      const ids = registrationOf.get(plan.key)!;
      const completing = plan.participants.filter((p) => attendedWhole(p.attendance)).map((p) => ids.get(p.person)!);
      await expectOk(
        `achèvements ${plan.key}`,
        trainer.POST('/api/v1/attendance/sessions/{sessionId}/completions', {
          params: { path: { sessionId } },
          body: { registrationIds: completing },
        }),
      );
      const revoked = ids.get(a.revokedCompletion);
      if (revoked)
        await expectOk(
          'achèvement révoqué',
          trainer.POST('/api/v1/attendance/registrations/{registrationId}/completion/revoke', {
            params: { path: { registrationId: revoked } },
            body: { reason: 'Achèvement déclaré par erreur (démo)' },
          }),
        );
      await expectOk(
        `attestations ${plan.key}`,
        trainer.POST('/api/v1/attendance/sessions/{sessionId}/attestations', {
          params: { path: { sessionId } },
          body: { registrationIds: completing.filter((id) => id !== revoked) },
        }),
      );
    }
  });

  await stage('évaluations', async () => {
    for (const plan of a.sessions.filter((p) => p.delivered)) {
      const trainer = await trainerOf(plan);
      const sessionId = outcome.sessionIds[plan.key];
      await expectOk(
        `questionnaire ${plan.key}`,
        trainer.PUT('/api/v1/attendance/sessions/{sessionId}/evaluation', {
          params: { path: { sessionId } },
          body: {},
        }),
      );
      for (const { person } of plan.participants.slice(0, plan.evaluations)) {
        const participant = await clients.as({ role: 'participant', academy: a.academy, mail: a.people[person].mail });
        const questions = await expectOk(
          'questionnaire',
          participant.GET('/api/v1/attendance/sessions/{sessionId}/evaluation', { params: { path: { sessionId } } }),
        );
        await expectOk(
          'réponse anonyme',
          participant.POST('/api/v1/attendance/sessions/{sessionId}/evaluation/answers', {
            params: { path: { sessionId } },
            body: {
              answers: Object.fromEntries(questions.items.map((q, i) => [q.key, 3 + ((person + i) % 2)])) as never,
            },
          }),
        );
      }
      await expectOk(
        `session ${plan.key} réalisée`,
        trainer.POST('/api/v1/sessions/{id}/deliver', { params: { path: { id: sessionId } } }),
      );
    }
  });

  await stage('convention et HSE', async () => {
    const plan = a.sessions[0];
    const sessionId = outcome.sessionIds[plan.key];
    const school = await clients.as(head);
    const date = (
      await expectOk('session payée', admin.GET('/api/v1/sessions/{id}', { params: { path: { id: sessionId } } }))
    ).slots[0].date;
    // remuneration knows the hours delivered and the school once their events are applied
    const created = await wait('les heures réalisées dans la rémunération', async () => {
      const answer = await school.POST('/api/v1/conventions', {
        body: {
          uai: plan.host,
          schoolYear: a.schoolYear,
          trainers: [{ name: plan.trainer.name, mail: plan.trainer.mail, grade: 'certifie', engaged: true }],
          lines: [
            {
              kind: 'face-to-face',
              date,
              minutes: 360,
              audience: 'Professeurs des écoles',
              headcount: plan.participants.length,
              trainerMail: plan.trainer.mail,
              sessionId,
            },
          ],
        },
      });
      if (answer.response.status === 404 || answer.response.status === 409) return undefined;
      return expectOk('convention', Promise.resolve(answer));
    });
    const id = created.id;
    outcome.conventionId = id;
    const path = { params: { path: { id } } };
    await expectOk('convention soumise', school.POST('/api/v1/conventions/{id}/submit', path));
    await expectOk(
      'signature du chef d’établissement',
      school.POST('/api/v1/conventions/{id}/signatures', { ...path, body: { role: 'head' } }),
    );
    await expectOk(
      'signature du directeur',
      admin.POST('/api/v1/conventions/{id}/signatures', { ...path, body: { role: 'director' } }),
    );
    await expectOk('convention commencée', school.POST('/api/v1/conventions/{id}/start', path));
    const convention = await expectOk('convention', school.GET('/api/v1/conventions/{id}', path));
    await expectOk(
      'HSE proposées',
      school.POST('/api/v1/conventions/{id}/allocations', {
        ...path,
        body: { trainerId: convention.trainers[0].id, hse: '5' },
      }),
    );
    await expectOk(
      'bilan de la convention',
      school.PUT('/api/v1/conventions/{id}/report', {
        ...path,
        body: {
          headAnalysis: 'Déploiement réussi dans l’école (démo).',
          trainersAnalysis: 'Les enseignants utilisent le cahier de textes (démo).',
          criteria: {
            'device-reliability': { rating: 3 },
            'pedagogical-feasibility': { rating: 4 },
            'accompaniment-quality': { rating: 4 },
            'school-effects': { rating: 3 },
          },
        },
      }),
    );
    for (const line of convention.lines)
      await expectOk(
        'feuille signée',
        school.PUT('/api/v1/conventions/{id}/lines/{lineId}/sheet', {
          params: { path: { id, lineId: line.id } },
          body: FICTITIOUS_PDF,
          bodySerializer: (body: unknown) => body as string,
          headers: { 'content-type': 'application/pdf' },
        }),
      );
    await expectOk('service fait', school.POST('/api/v1/conventions/{id}/service-fait', path));
    await expectOk('validation', admin.POST('/api/v1/conventions/{id}/validation', path));
    await expectOk('état liquidatif', admin.POST('/api/v1/payment-batches', { body: { conventionIds: [id] } }));
  });

  await stage('bilans', async () => {
    // reporting reads every topic at its own pace: the bilan files are written once its bilan says what the year did
    const expected = demoBilanExpectations(a);
    let seen = '';
    const caughtUp = wait('les faits de l’année dans les bilans', async () => {
      const bilan = await expectOk(
        'bilan académique',
        admin.GET('/api/v1/reports/bilan', { params: { query: { level: 'academie', code: a.academy } } }),
      );
      const ent = await expectOk(
        'bilan du module ENT',
        admin.GET('/api/v1/reports/bilan', { params: { query: { level: 'module', code: modules.ent } } }),
      );
      const now = [
        bilan.sessions.delivered,
        bilan.sessions.planned,
        bilan.profiles.total.participants.value,
        bilan.profiles.total.completions.value,
        bilan.profiles.total.attestations.value,
        bilan.hse.paid,
        ent.evaluation.answers.value,
      ];
      const target = [
        expected.sessions.delivered,
        expected.sessions.planned,
        expected.participants,
        expected.completions,
        expected.attestations,
        expected.hse.paid,
        expected.entModuleAnswers,
      ];
      seen = `${JSON.stringify(now)} where the demo expects ${JSON.stringify(target)}`;
      return seen.startsWith(`${JSON.stringify(target)} `) ? bilan : undefined;
    });
    // a bilan that says more than the demo did: reporting holds older facts of this académie (its database was emptied
    // while the broker kept their events, which reporting reads again from the start)
    await caughtUp.catch((error: Error) => {
      throw new Error(
        `${error.message}: sessions delivered and planned, participants, completions, attestations, conventions paid and ` +
          `the ENT module's answers are ${seen}`,
      );
    });
    const district = a.districts[0].code;
    for (const [level, code] of [
      ['academie', a.academy],
      ['district', district],
    ] as const) {
      for (const format of ['pdf', 'xlsx', 'csv'] as const) {
        const { bytes } = await exportBilan(admin, { level, code, format });
        const name = `bilan-${level}-${code}.${format}`;
        await options.write?.(name, bytes);
        outcome.files.push(name);
      }
    }
  });
  return outcome;
}

/** A PDF that stands for the signed sheet's scan (the demo has no scanner), and says so. */
const FICTITIOUS_PDF =
  '%PDF-1.4\n% Feuille d’émargement signée : document fictif de la démo\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' +
  'trailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n';

export type { FormaClient };
