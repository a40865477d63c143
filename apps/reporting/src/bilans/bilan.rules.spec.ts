import { decideHse } from './hse-secrecy.rules';
import { BilanFigures, publishBilan } from './bilan.rules';
import { decideLinked } from './linked-secrecy.rules';
import { areaKey } from './secrecy-cube.rules';

// A module's bilan beside the BI feed's session cells (issue 23): what the feed withholds of a session, the module's
// total less its other sessions would give back.

const head = {
  level: 'module' as const,
  code: 'm1',
  label: 'Module fictif',
  academy: 'corse',
  asOf: null,
  period: null,
  generatedAt: '2026-12-04T10:00:00.000Z',
};

function figures(answersBySession: { sessionId: string; answers: number }[]): BilanFigures {
  return {
    plan: { lines: [], modules: [] },
    sessions: { planned: 0, delivered: 2, cancelled: 0 },
    plannedHoursDelivered: { faceToFace: '12.00', virtualClass: '0.00' },
    modalities: [],
    profiles: [
      { profile: 'ENS', participants: 40, attendedMarks: 80, countedMarks: 80, completions: 30, attestations: 30 },
    ],
    schools: [],
    evaluationAnswers: answersBySession.reduce((sum, s) => sum + s.answers, 0),
    answersBySession,
    conventions: {
      conventions: 0,
      signed: 0,
      serviceFait: 0,
      paid: 0,
      trainers: 0,
      hseAllocated: '0.00',
      hsePaid: '0.00',
      amountPaid: '0.00',
    },
  };
}

// sessions a and b of module m1: 20 teachers each, in two schools
const leaves = ['a', 'b'].flatMap((session, i) => [
  {
    department: '2A',
    district: 'd1',
    uai: `u${i}`,
    profile: 'ENS',
    people: 20,
    completions: 15,
    attestations: 15,
    training: { session, module: 'm1', dispositif: null, canope: false },
  },
]);

describe('the evaluation answers of a bilan', () => {
  const linked = { decision: decideLinked(leaves), area: areaKey('module', 'm1') };
  /** The module's evaluation, its sessions a and b having these answers. */
  const evaluationOf = (a: number, b: number) =>
    publishBilan(
      figures([
        { sessionId: 'a', answers: a },
        { sessionId: 'b', answers: b },
      ]),
      head,
      '30',
      linked,
    ).evaluation;

  it('are withheld when one of the area’s sessions has its answers withheld (3 of a: the feed withholds them)', () => {
    const evaluation = evaluationOf(3, 12);
    expect(evaluation.answers).toEqual({ value: null, withheld: 'secondary' });
    expect(evaluation.responseRate.withheld).toBe('secondary');
  });

  it('are published when every session’s are', () => {
    expect(evaluationOf(7, 12).answers).toEqual({ value: 19 });
  });
});

describe('the HSE of a bilan', () => {
  it('follow the académie’s HSE decision: a district published, its schools withheld with each other', () => {
    const hse = decideHse([
      { conventionId: 'c1', department: '2A', district: 'd1', uai: 'u1', trainerIds: ['t1', 't2'] },
      { conventionId: 'c2', department: '2A', district: 'd1', uai: 'u2', trainerIds: ['t3', 't4', 't5', 't6', 't7'] },
    ]);
    const of = (level: 'school' | 'district', code: string, trainers: number, amount: string) =>
      publishBilan(
        {
          ...figures([]),
          conventions: { ...figures([]).conventions, trainers, hseAllocated: amount },
        },
        { ...head, level, code },
        '30',
        { decision: decideLinked(leaves), area: areaKey(level, code), hse },
      ).hse;
    expect(of('district', 'd1', 7, '40.00').hseAllocated).toEqual({ value: '40.00' });
    // u2 alone has 5 trainers: published per table, it would give u1 back (40 - 28)
    expect(of('school', 'u2', 5, '28.00').hseAllocated).toEqual({ value: null, withheld: 'secondary' });
    expect(of('school', 'u1', 2, '12.00').trainers).toEqual({ value: null, withheld: 'primary' });
  });
});
