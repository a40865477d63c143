import Decimal from 'decimal.js';
import { HseDecision } from './hse-secrecy.rules';
import { ALL_PROFILES, areaKey, AreaKey, cellKey, CountFigure, pathOf } from './secrecy-cube.rules';
import { LinkedDecision } from './linked-secrecy.rules';
import { isWithheld, SECRECY_THRESHOLD, suppress } from './secrecy.rules';

/** The raw figures of a bilan, before statistical secrecy (never returned as they are). */
export interface BilanFigures {
  /** The training plan against the realised (académie level; empty elsewhere). */
  plan: {
    lines: {
      waveCode: string;
      waveLabel: string;
      startsOn: string;
      endsOn: string;
      moduleId: string;
      moduleTitle: string;
      profile: string;
      headcount: number;
      participants: number;
    }[];
    modules: {
      waveCode: string;
      moduleId: string;
      moduleTitle: string;
      forecastSessions: number;
      forecastTrainers: number;
      forecastHours: string;
      deliveredSessions: number;
      deliveredHours: string;
    }[];
  };
  sessions: { planned: number; delivered: number; cancelled: number };
  plannedHoursDelivered: { faceToFace: string; virtualClass: string };
  modalities: { modality: string; people: number; minutes: number; attendedMarks: number; countedMarks: number }[];
  profiles: {
    profile: string;
    participants: number;
    attendedMarks: number;
    countedMarks: number;
    completions: number;
    attestations: number;
  }[];
  schools: { uai: string; name: string; participants: number }[];
  evaluationAnswers: number;
  /** The sessions of the area that have answers, with their count (what the BI feed shows of each). */
  answersBySession?: { sessionId: string; answers: number }[];
  conventions: {
    conventions: number;
    signed: number;
    serviceFait: number;
    paid: number;
    trainers: number;
    hseAllocated: string;
    hsePaid: string;
    amountPaid: string;
  };
}

/**
 * The activity a bilan covers: the sessions held from `from` to `to` (their first day), with their registrations,
 * presence, completions, attestations and evaluations; the conventions and training-plan waves of the school years the
 * period touches. `schoolYear` names it when it is one school year. No period: everything since the beginning.
 */
export interface BilanPeriod {
  from: string;
  to: string;
  schoolYear: string | null;
}

/** A figure as published: its value, or null with `withheld` when statistical secrecy keeps it back. */
export interface Figure<T = number> {
  value: T | null;
  withheld?: 'primary' | 'secondary' | 'total';
}

export interface Bilan {
  level: string;
  code: string;
  label: string;
  academy: string;
  /** The day the bilan stands at (null: now). */
  asOf: string | null;
  /** The activity it covers (null: since the beginning). */
  period: BilanPeriod | null;
  generatedAt: string;
  sessions: {
    planned: number;
    delivered: number;
    cancelled: number;
    plannedHoursDelivered: { faceToFace: string; virtualClass: string };
  };
  modalities: { rows: { modality: string; people: Figure; attendedHours: Figure<string>; attendanceRate: Figure }[] };
  profiles: {
    rows: {
      profile: string;
      participants: Figure;
      attendanceRate: Figure;
      completions: Figure;
      completionRate: Figure;
      attestations: Figure;
    }[];
    total: {
      participants: Figure;
      attendanceRate: Figure;
      completions: Figure;
      completionRate: Figure;
      attestations: Figure;
    };
  };
  schools: { rows: { uai: string; name: string; participants: Figure }[]; total: Figure };
  evaluation: { answers: Figure; responseRate: Figure };
  hse: {
    conventions: number;
    signed: number;
    serviceFait: number;
    paid: number;
    trainers: Figure;
    hseAllocated: Figure<string>;
    hseCap: Figure<string>;
    hsePaid: Figure<string>;
    amountPaid: Figure<string>;
  };
  /** Plan versus realised per deployment wave (seed 001): forecasts are published, realised people under secrecy. */
  plan: {
    rows: {
      wave: string;
      waveLabel: string;
      startsOn: string;
      endsOn: string;
      module: string;
      profile: string;
      forecastHeadcount: number;
      participants: Figure;
      achievement: Figure;
    }[];
    modules: {
      wave: string;
      module: string;
      forecastSessions: number;
      deliveredSessions: number;
      forecastHours: string;
      deliveredHours: string;
      forecastTrainers: number;
    }[];
  };
  secrecy: { threshold: number; withheld: number };
}

const shown = <T>(value: T): Figure<T> => ({ value });
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
const hours = (minutes: number) => (Math.round((minutes / 60) * 100) / 100).toFixed(2);

/**
 * Builds the published bilan from its raw figures, applying statistical secrecy to every count of people and to what
 * is computed from it: in each table with a total (participants by profile, by school), the cells under 5 people and
 * the cells that would give them back by subtraction are withheld; so are figures of an area with fewer than 5 people.
 */
export function publishBilan(
  figures: BilanFigures,
  head: Pick<Bilan, 'level' | 'code' | 'label' | 'academy' | 'asOf' | 'period' | 'generatedAt'>,
  hseCap: string,
  linked?: { decision: LinkedDecision; area: AreaKey; hse?: HseDecision },
): Bilan {
  let withheldCount = 0;
  const hide = <T>(why: Figure['withheld']): Figure<T> => {
    withheldCount++;
    return { value: null, withheld: why };
  };
  if (linked) figures = withCubeCounts(figures, linked);
  const totalPeople = figures.profiles.reduce((sum, p) => sum + p.participants, 0);
  const fewInArea = totalPeople > 0 && totalPeople < SECRECY_THRESHOLD;
  const sum = (pick: (p: BilanFigures['profiles'][number]) => number) =>
    figures.profiles.reduce((s, p) => s + pick(p), 0);
  const hiddenRow = (why: Figure['withheld']) => ({
    participants: hide<number>(why),
    attendanceRate: hide<number>(why),
    completions: hide<number>(why),
    completionRate: hide<number>(why),
    attestations: hide<number>(why),
  });
  const totals = {
    participants: totalPeople,
    completions: sum((p) => p.completions),
    attestations: sum((p) => p.attestations),
    attendedMarks: sum((p) => p.attendedMarks),
    countedMarks: sum((p) => p.countedMarks),
  };

  let profileRows: Bilan['profiles']['rows'];
  let profileTotal: Bilan['profiles']['total'];
  let schoolRows: Bilan['schools']['rows'];
  let schoolTotal: Figure;
  if (linked) {
    // one decision for the académie, over every place and profile: each figure is withheld wherever the decision
    // withholds it, with what is computed from it (a completion rate from its people and completions; the attendance
    // rate, of marks, goes with the people)
    const { decision, area } = linked;
    const linkedRow = (
      profile: string,
      p: Pick<
        BilanFigures['profiles'][number],
        'participants' | 'completions' | 'attestations' | 'attendedMarks' | 'countedMarks'
      >,
    ) => {
      const why = (figure: CountFigure) => decision.withheld(area, profile, figure);
      const people = why('people');
      const completions = why('completions');
      const attestations = why('attestations');
      return {
        participants: people ? hide<number>(people) : shown(p.participants),
        attendanceRate: people ? hide<number>(people) : shown(rate(p.attendedMarks, p.countedMarks) ?? 0),
        completions: completions ? hide<number>(completions) : shown(p.completions),
        completionRate:
          people || completions
            ? hide<number>(completions ?? people ?? undefined)
            : shown(rate(p.completions, p.participants) ?? 0),
        attestations: attestations ? hide<number>(attestations) : shown(p.attestations),
      };
    };
    profileRows = figures.profiles.map((p) => ({ profile: p.profile, ...linkedRow(p.profile, p) }));
    profileTotal = linkedRow(ALL_PROFILES, totals);
    schoolRows = figures.schools.map((s) => {
      const why = decision.withheld(schoolArea(s.uai), ALL_PROFILES, 'people');
      return { uai: s.uai, name: s.name, participants: why ? hide<number>(why) : shown(s.participants) };
    });
    const whyTotal = decision.withheld(area, ALL_PROFILES, 'people');
    schoolTotal = whyTotal ? hide<number>(whyTotal) : shown(totalPeople);
  } else {
    // participants by profile: each row's figures follow its participants cell
    const bp = suppress(
      figures.profiles.map((p) => ({ key: p.profile, people: p.participants })),
      { totalPublished: true },
    );
    const whyProfile = (key: string): Figure['withheld'] | null =>
      bp.primary.has(key) ? 'primary' : bp.secondary.has(key) ? 'secondary' : null;
    profileRows = figures.profiles.map((p) => {
      const why = whyProfile(p.profile);
      if (why) return { profile: p.profile, ...hiddenRow(why) };
      const completions = splitFigure(p.participants, p.completions, hide);
      const attestations = splitFigure(p.participants, p.attestations, hide);
      return {
        profile: p.profile,
        participants: shown(p.participants),
        attendanceRate: shown(rate(p.attendedMarks, p.countedMarks) ?? 0),
        completions,
        completionRate:
          completions.value === null
            ? hide<number>(completions.withheld)
            : shown(rate(p.completions, p.participants) ?? 0),
        attestations,
      };
    });
    profileTotal =
      bp.total || fewInArea
        ? hiddenRow('total')
        : (() => {
            const completions = splitFigure(totalPeople, totals.completions, hide);
            return {
              participants: shown(totalPeople),
              attendanceRate: shown(rate(totals.attendedMarks, totals.countedMarks) ?? 0),
              completions,
              completionRate:
                completions.value === null
                  ? hide<number>(completions.withheld)
                  : shown(rate(totals.completions, totalPeople) ?? 0),
              attestations: splitFigure(totalPeople, totals.attestations, hide),
            };
          })();

    // participants by school (areas above a school)
    const bs = suppress(
      figures.schools.map((s) => ({ key: s.uai, people: s.participants })),
      { totalPublished: true },
    );
    schoolRows = figures.schools.map((s) => ({
      uai: s.uai,
      name: s.name,
      participants: isWithheld(bs, s.uai)
        ? hide<number>(bs.primary.has(s.uai) ? 'primary' : 'secondary')
        : shown(s.participants),
    }));
    schoolTotal =
      bs.total || fewInArea ? hide<number>('total') : shown(figures.schools.reduce((s, r) => s + r.participants, 0));
  }

  // hours by modality add up across places as people do: with a linked decision, an area whose people are withheld
  // withholds its hours too (the same pattern, so no level gives them back by subtraction)
  const areaWithheld = linked ? linked.decision.withheld(linked.area, ALL_PROFILES, 'people') : null;
  const modalityRows = figures.modalities.map((m) =>
    (m.people > 0 && m.people < SECRECY_THRESHOLD) || areaWithheld
      ? {
          modality: m.modality,
          people: hide<number>(areaWithheld ?? 'primary'),
          attendedHours: hide<string>(areaWithheld ?? 'primary'),
          attendanceRate: hide<number>(areaWithheld ?? 'primary'),
        }
      : {
          modality: m.modality,
          people: shown(m.people),
          attendedHours: shown(hours(m.minutes)),
          attendanceRate: shown(rate(m.attendedMarks, m.countedMarks) ?? 0),
        },
  );

  // plan versus realised: the realised participants of a target profile add up, across modules and waves, to what
  // the profiles table may publish; each profile's cells are suppressed as a table with a published total
  const planHidden = new Map<string, Figure['withheld']>();
  for (const profile of new Set(figures.plan.lines.map((l) => l.profile))) {
    const cells = figures.plan.lines
      .map((l, i) => ({ key: String(i), people: l.participants, profile: l.profile }))
      .filter((c) => c.profile === profile);
    const s = suppress(cells, { totalPublished: true });
    for (const c of cells) {
      if (s.primary.has(c.key)) planHidden.set(c.key, 'primary');
      else if (s.secondary.has(c.key) || (s.total && c.people > 0)) planHidden.set(c.key, 'secondary');
    }
  }
  const planRows = figures.plan.lines.map((l, i) => {
    const why = planHidden.get(String(i));
    return {
      wave: l.waveCode,
      waveLabel: l.waveLabel,
      startsOn: l.startsOn,
      endsOn: l.endsOn,
      module: l.moduleTitle,
      profile: l.profile,
      forecastHeadcount: l.headcount,
      participants: why ? hide<number>(why) : shown(l.participants),
      achievement: why ? hide<number>(why) : shown(rate(l.participants, l.headcount) ?? 0),
    };
  });

  const answers = figures.evaluationAnswers;
  const fewAnswers = answers > 0 && answers < SECRECY_THRESHOLD;
  // a session's answers are withheld in the BI feed when they are few, or its participants are (per cell, or by the
  // académie's decision): an area's total less its other sessions' would give them back, so it is withheld too
  const sessionWithheld = (s: { sessionId: string; answers: number }) => {
    const people = linked?.decision.cube.cells.get(cellKey(areaKey('session', s.sessionId), ALL_PROFILES))?.people ?? 0;
    return (
      s.answers < SECRECY_THRESHOLD ||
      (people > 0 && people < SECRECY_THRESHOLD) ||
      linked?.decision.withheld(areaKey('session', s.sessionId), ALL_PROFILES, 'people') != null
    );
  };
  const answersWithheld: Figure['withheld'] | null =
    fewAnswers || fewInArea ? 'primary' : (figures.answersBySession ?? []).some(sessionWithheld) ? 'secondary' : null;
  const c = figures.conventions;
  // the HSE figures follow the académie's decision over every place and convention (hse-secrecy.rules.ts); alone,
  // an area of fewer than 5 trainers
  const hseWithheld: Figure['withheld'] | null = linked?.hse
    ? linked.hse.withheld(linked.area)
    : c.trainers > 0 && c.trainers < SECRECY_THRESHOLD
      ? 'primary'
      : null;
  const money = (value: string): Figure<string> => (hseWithheld ? hide<string>(hseWithheld) : shown(value));
  const bilan: Bilan = {
    ...head,
    sessions: { ...figures.sessions, plannedHoursDelivered: figures.plannedHoursDelivered },
    modalities: { rows: modalityRows },
    profiles: { rows: profileRows, total: profileTotal },
    schools: { rows: schoolRows, total: schoolTotal },
    evaluation: {
      answers: answersWithheld ? hide<number>(answersWithheld) : shown(answers),
      responseRate: answersWithheld ? hide<number>(answersWithheld) : shown(rate(answers, totalPeople) ?? 0),
    },
    hse: {
      conventions: c.conventions,
      signed: c.signed,
      serviceFait: c.serviceFait,
      paid: c.paid,
      trainers: hseWithheld ? hide<number>(hseWithheld) : shown(c.trainers),
      hseAllocated: money(c.hseAllocated),
      hseCap: money(new Decimal(hseCap).times(c.trainers).toFixed(2)),
      hsePaid: money(c.hsePaid),
      amountPaid: money(c.amountPaid),
    },
    plan: {
      rows: planRows,
      modules: figures.plan.modules.map((m) => ({
        wave: m.waveCode,
        module: m.moduleTitle,
        forecastSessions: m.forecastSessions,
        deliveredSessions: m.deliveredSessions,
        forecastHours: m.forecastHours,
        deliveredHours: m.deliveredHours,
        forecastTrainers: m.forecastTrainers,
      })),
    },
    secrecy: { threshold: SECRECY_THRESHOLD, withheld: 0 },
  };
  bilan.secrecy.withheld = withheldCount;
  return bilan;
}

/** A school's place in the cube (an unknown school is the académie's unknown place). */
function schoolArea(uai: string): AreaKey {
  return uai ? areaKey('school', uai) : pathOf({ department: null, district: null, uai: null }).at(-1)!;
}

/**
 * The people, completions and attestations of the area's profiles and schools as the cube counts them, so that what a
 * bilan publishes is what the decision was taken on.
 */
function withCubeCounts(
  figures: BilanFigures,
  { decision, area }: { decision: LinkedDecision; area: AreaKey },
): BilanFigures {
  const cell = (a: AreaKey, profile: string) =>
    decision.cube.cells.get(cellKey(a, profile)) ?? { people: 0, completions: 0, attestations: 0 };
  return {
    ...figures,
    profiles: figures.profiles.map((p) => {
      const c = cell(area, p.profile);
      return { ...p, participants: c.people, completions: c.completions, attestations: c.attestations };
    }),
    schools: figures.schools.map((s) => ({ ...s, participants: cell(schoolArea(s.uai), ALL_PROFILES).people })),
  };
}

/** A part of a published whole (completed among participants): withheld with its complement when either is small. */
function splitFigure(whole: number, part: number, hide: <T>(why: Figure['withheld']) => Figure<T>): Figure {
  const s = suppress(
    [
      { key: 'part', people: part },
      { key: 'rest', people: whole - part },
    ],
    { totalPublished: true },
  );
  if (s.primary.has('part')) return hide('primary');
  if (isWithheld(s, 'part')) return hide('secondary');
  return shown(part);
}
