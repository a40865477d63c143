import { conventionArea, HseDecision } from '../bilans/hse-secrecy.rules';
import { ALL_PROFILES, areaKey, cellKey, CountFigure } from '../bilans/secrecy-cube.rules';
import { LinkedDecision } from '../bilans/linked-secrecy.rules';
import { isWithheld, suppress } from '../bilans/secrecy.rules';

/**
 * The facts of the BI API (`/api/v1/bi/v1/facts/{fact}`): one cell per session, convention or module, no person in any.
 */
export const BI_FACTS = ['sessions', 'conventions', 'modules'] as const;
export type BiFact = (typeof BI_FACTS)[number];

export interface SessionFigures {
  sessionId: string;
  moduleId: string;
  academy: string;
  placeUai: string | null;
  district: string | null;
  department: string | null;
  schoolYear: string;
  firstDay: string;
  scheduledOn: string;
  cancelledOn: string | null;
  deliveredOn: string | null;
  faceToFaceMinutes: number;
  virtualClassMinutes: number;
  category: string | null;
  dispositif: string | null;
  participants: number;
  completions: number;
  attested: number;
  evaluationAnswers: number;
  attendedMarks: number;
  countedMarks: number;
  attendedMinutes: Record<string, number>;
}

export interface ConventionFigures {
  conventionId: string;
  academy: string;
  uai: string;
  district: string | null;
  department: string | null;
  schoolYear: string;
  signedOn: string | null;
  serviceFaitOn: string | null;
  validatedOn: string | null;
  paidOn: string | null;
  closedOn: string | null;
  trainers: number;
  hseAllocated: string;
  hsePaid: string;
  amountPaid: string;
}

export interface ModuleFigures {
  moduleId: string;
  academy: string;
  [field: string]: unknown;
}

export interface BiCell {
  key: string;
  academy: string;
  body: Record<string, unknown>;
}

/** Hours as an exact decimal string from minutes ("7.5"). */
export function hoursOf(minutes: number): string {
  return (Math.round((minutes / 60) * 100) / 100).toString();
}

/**
 * A part of a published whole (completed among participants): the part and its complement are withheld together when
 * either counts 1 to 4 people, since the whole gives one from the other.
 */
function splitOf(whole: number, part: number): { part: number | null; withheld: boolean } {
  const s = suppress(
    [
      { key: 'part', people: part },
      { key: 'rest', people: whole - part },
    ],
    { totalPublished: true },
  );
  const withheld = isWithheld(s, 'part') || s.total;
  return { part: withheld ? null : part, withheld };
}

function sessionStatus(f: SessionFigures): string {
  if (f.cancelledOn) return 'cancelled';
  if (f.deliveredOn) return 'delivered';
  return 'planned';
}

/**
 * The published body of a cell: identifiers, places, dates and figures, with statistical secrecy applied to every
 * count of people (fewer than 5 withheld, with what would give it back) and to what is computed from them.
 */
export function cellFrom(fact: 'sessions', f: SessionFigures, linked?: LinkedDecision): BiCell;
export function cellFrom(fact: 'conventions', f: ConventionFigures, hse?: HseDecision): BiCell;
export function cellFrom(fact: 'modules', f: ModuleFigures): BiCell;
export function cellFrom(
  fact: BiFact,
  f: SessionFigures | ConventionFigures | ModuleFigures,
  decision?: LinkedDecision | HseDecision,
): BiCell {
  if (fact === 'sessions') {
    let s = f as SessionFigures;
    // the académie's decision over its places and trainings (issue 23, leak 4): the session's figures as the cube
    // counts them, withheld wherever the decision withholds them, so that no bilan gives back what the feed withholds
    const linked = decision as LinkedDecision | undefined;
    const session = areaKey('session', s.sessionId);
    const counted = linked?.cube.cells.get(cellKey(session, ALL_PROFILES));
    if (linked)
      s = {
        ...s,
        participants: counted?.people ?? 0,
        completions: counted?.completions ?? 0,
        attested: counted?.attestations ?? 0,
      };
    const linkedWithholds = (figure: CountFigure) =>
      counted !== undefined && linked!.withheld(session, ALL_PROFILES, figure) !== null;
    const few = (s.participants > 0 && s.participants < 5) || linkedWithholds('people');
    const withheld: string[] = [];
    const completions = splitOf(s.participants, s.completions);
    const attested = splitOf(s.participants, s.attested);
    if (few)
      withheld.push(
        'participants',
        'attendanceRate',
        'attendedHours',
        'completions',
        'attestations',
        'evaluationAnswers',
      );
    else {
      if (completions.withheld || linkedWithholds('completions')) withheld.push('completions');
      if (attested.withheld || linkedWithholds('attestations')) withheld.push('attestations');
      if (s.evaluationAnswers > 0 && s.evaluationAnswers < 5) withheld.push('evaluationAnswers');
    }
    const hidden = (field: string) => withheld.includes(field);
    return {
      key: s.sessionId,
      academy: s.academy,
      body: {
        sessionId: s.sessionId,
        moduleId: s.moduleId,
        category: s.category,
        dispositif: s.dispositif,
        academy: s.academy,
        department: s.department,
        district: s.district,
        placeUai: s.placeUai,
        schoolYear: s.schoolYear,
        firstDay: s.firstDay,
        status: sessionStatus(s),
        scheduledOn: s.scheduledOn,
        cancelledOn: s.cancelledOn,
        deliveredOn: s.deliveredOn,
        plannedFaceToFaceHours: hoursOf(s.faceToFaceMinutes),
        plannedVirtualClassHours: hoursOf(s.virtualClassMinutes),
        participants: hidden('participants') ? null : s.participants,
        attendanceRate:
          hidden('attendanceRate') || !s.countedMarks
            ? null
            : Math.round((s.attendedMarks / s.countedMarks) * 1000) / 1000,
        attendedHours: hidden('attendedHours')
          ? null
          : Object.fromEntries(
              Object.entries(s.attendedMinutes)
                .sort()
                .map(([modality, minutes]) => [modality, hoursOf(minutes)]),
            ),
        completions: hidden('completions') ? null : completions.part,
        attestations: hidden('attestations') ? null : attested.part,
        evaluationAnswers: hidden('evaluationAnswers') ? null : s.evaluationAnswers,
        withheld,
      },
    };
  }
  if (fact === 'conventions') {
    const c = f as ConventionFigures;
    // HSE and amounts of fewer than 5 trainers would tell what each was paid; with the académie's HSE decision, also
    // what its schools' and places' bilans would give back (hse-secrecy.rules.ts)
    const hse = decision as HseDecision | undefined;
    const few = hse ? hse.withheld(conventionArea(c.conventionId)) !== null : c.trainers > 0 && c.trainers < 5;
    const status = c.closedOn
      ? 'closed'
      : c.paidOn
        ? 'paid'
        : c.validatedOn
          ? 'service-fait-validated'
          : c.serviceFaitOn
            ? 'service-fait'
            : c.signedOn
              ? 'signed'
              : 'in-preparation';
    return {
      key: c.conventionId,
      academy: c.academy,
      body: {
        conventionId: c.conventionId,
        academy: c.academy,
        department: c.department,
        district: c.district,
        uai: c.uai,
        schoolYear: c.schoolYear,
        status,
        signedOn: c.signedOn,
        serviceFaitOn: c.serviceFaitOn,
        validatedOn: c.validatedOn,
        paidOn: c.paidOn,
        closedOn: c.closedOn,
        trainersWithHse: few ? null : c.trainers,
        hseAllocated: few ? null : c.hseAllocated,
        hsePaid: few ? null : c.hsePaid,
        amountPaid: few ? null : c.amountPaid,
        withheld: few ? ['trainersWithHse', 'hseAllocated', 'hsePaid', 'amountPaid'] : [],
      },
    };
  }
  const m = f as ModuleFigures;
  return { key: m.moduleId, academy: m.academy, body: { ...m } };
}

/** The CSV columns of each fact (fixed, so a BI tool maps them once): nested figures are flattened with a dot. */
export const BI_COLUMNS: Record<BiFact, string[]> = {
  sessions: [
    'sessionId',
    'moduleId',
    'category',
    'dispositif',
    'academy',
    'department',
    'district',
    'placeUai',
    'schoolYear',
    'firstDay',
    'status',
    'scheduledOn',
    'cancelledOn',
    'deliveredOn',
    'plannedFaceToFaceHours',
    'plannedVirtualClassHours',
    'participants',
    'attendanceRate',
    'attendedHours.face-to-face',
    'attendedHours.virtual-class',
    'attendedHours.follow-up',
    'completions',
    'attestations',
    'evaluationAnswers',
    'withheld',
  ],
  conventions: [
    'conventionId',
    'academy',
    'department',
    'district',
    'uai',
    'schoolYear',
    'status',
    'signedOn',
    'serviceFaitOn',
    'validatedOn',
    'paidOn',
    'closedOn',
    'trainersWithHse',
    'hseAllocated',
    'hsePaid',
    'amountPaid',
    'withheld',
  ],
  modules: [
    'moduleId',
    'revision',
    'revisions',
    'title',
    'kind',
    'category',
    'modality',
    'academy',
    'origin',
    'dispositif',
    'targetProfiles',
    'faceToFaceMinutes',
    'distanceMinutes',
    'firstPublishedOn',
    'archivedOn',
  ],
};

/**
 * One CSV row of a cell's body, in its fact's columns: lists joined with "|", a withheld figure empty (named in
 * `withheld`).
 */
export function csvRowOf(fact: BiFact, body: Record<string, unknown> | null): unknown[] {
  return BI_COLUMNS[fact].map((column) => {
    if (!body) return '';
    const [head, tail] = column.split('.');
    const value = tail ? ((body[head] ?? {}) as Record<string, unknown>)[tail] : body[column];
    return Array.isArray(value) ? value.join('|') : (value ?? '');
  });
}
