import { checkSessionCalendar } from '../calendar/calendar.rules';
import { bundledCalendar } from '../calendar/open-data-calendar';
import { SchoolCalendar } from '../calendar/school-calendar';
import { PlannerInput, planSessions, ProposedSession } from './session-planner';

const calendar = new SchoolCalendar(bundledCalendar());
const trainers = ['Alice Formatrice', 'Bruno Tuteur', 'Chloé Formatrice', 'David Tuteur'].map((name) => ({ name }));
const places = [
  { uai: '0750001A', label: 'Atelier Canopé fictif de Paris' },
  { uai: '0750002B', label: 'Collège fictif Jean-Moulin' },
];

const m1 = {
  modality: 'face-to-face' as const,
  faceToFaceHours: 3,
  distanceSynchronousHours: 0,
  distanceAsynchronousHours: 0,
  maxParticipantsPerSession: 12,
};
const hybrid = {
  modality: 'hybrid' as const,
  faceToFaceHours: 3,
  distanceSynchronousHours: 1,
  distanceAsynchronousHours: 6,
  maxParticipantsPerSession: 20,
};

function input(overrides: Partial<PlannerInput>): PlannerInput {
  return {
    module: m1,
    participants: 30,
    from: '2026-01-12',
    to: '2026-01-30',
    zone: 'C',
    holidayRegion: null,
    trainers,
    places,
    ...overrides,
  };
}

function plan(overrides: Partial<PlannerInput>): ProposedSession[] {
  const result = planSessions(input(overrides), calendar);
  if (!result.feasible) throw new Error(JSON.stringify(result.reasons));
  return result.sessions;
}

function expectCalendarRespected(sessions: ProposedSession[], module: PlannerInput['module'] = m1) {
  for (const session of sessions) {
    const report = checkSessionCalendar(
      {
        ...module,
        slots: session.slots,
        distanceEndsOn: session.distanceEndsOn,
        trainerCount: session.trainers.length,
        zone: 'C',
        holidayRegion: null,
      },
      calendar,
    );
    expect(report.errors).toEqual([]);
  }
}

describe('session planner (seed 003 "organiser les sessions")', () => {
  it('x = ceil(participants / max): 30 teachers at 12 per session make 3 sessions of 10, two trainers each', () => {
    const sessions = plan({});
    expect(sessions.map((s) => [s.groupNumber, s.participants, s.trainers.length])).toEqual([
      ['01', 10, 2],
      ['02', 10, 2],
      ['03', 10, 2],
    ]);
    expect(
      sessions.every((s) => s.slots.length === 1 && s.slots[0].start === '09:00' && s.slots[0].end === '12:00'),
    ).toBe(true);
    expectCalendarRespected(sessions);
    expect(sessions.flatMap((s) => s.warnings)).toEqual([]);
  });

  it('never gives a trainer or a place two sessions on the same day', () => {
    const sessions = plan({ participants: 100, to: '2026-03-31' });
    const seen = new Set<string>();
    for (const s of sessions) {
      for (const slot of s.slots) {
        for (const key of [...s.trainers, s.place?.label ?? ''].map((who) => `${who}@${slot.date}`)) {
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
    expect(sessions).toHaveLength(9);
  });

  it('y sessions n times: 2 parallel sessions in 2 waves, the parallel ones on the same day in different places', () => {
    const sessions = plan({
      participants: 40,
      module: { ...m1, maxParticipantsPerSession: 10 },
      repeat: { sessions: 2, times: 2 },
    });
    expect(sessions).toHaveLength(4);
    expect(sessions[0].slots[0].date).toBe(sessions[1].slots[0].date);
    expect(sessions[0].place?.label).not.toBe(sessions[1].place?.label);
    expect(sessions[2].slots[0].date > sessions[0].slots[0].date).toBe(true);
    expect(new Set(sessions.slice(0, 2).flatMap((s) => s.trainers)).size).toBe(4);
  });

  it('a hybrid parcours: a face-to-face day, then weekly virtual classes and 2 h a week at most, around zone C winter vacations', () => {
    const sessions = plan({ module: hybrid, participants: 20, from: '2026-02-09', to: '2026-04-10' });
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    expect(session.slots.map((s) => s.kind)).toEqual(['face-to-face', 'virtual-class']);
    expect(session.distanceEndsOn).not.toBeNull();
    expectCalendarRespected(sessions, hybrid);
    // 7 h of distance work need 4 working weeks; the two weeks of zone C vacations (21 Feb - 9 Mar) do not count
    expect(session.distanceEndsOn).toBe('2026-03-27'); // weeks of 16 Feb, 9, 16 and 23 March
    expect([1, 2, 3, 4].includes(new Date(`${session.slots[0].date}T00:00:00Z`).getUTCDay())).toBe(true); // not a Friday
  });

  it('warns when only one trainer can be given to a session', () => {
    const sessions = plan({ participants: 10, trainers: [{ name: 'Alice Formatrice' }] });
    expect(sessions[0].warnings.map((w) => w.code)).toEqual(['fewer_than_two_trainers']);
  });

  it('honours trainers unavailable on some dates', () => {
    const sessions = plan({
      participants: 10,
      trainers: [{ name: 'Alice Formatrice', unavailableOn: ['2026-01-12', '2026-01-13'] }, { name: 'Bruno Tuteur' }],
    });
    expect(sessions[0].slots[0].date).toBe('2026-01-14');
    expect(sessions[0].trainers).toEqual(['Alice Formatrice', 'Bruno Tuteur']);
  });

  it('explains an infeasible request instead of returning a partial plan', () => {
    const tooShort = planSessions(
      input({ participants: 120, from: '2026-01-12', to: '2026-01-14', trainers: [{ name: 'Alice Formatrice' }] }),
      calendar,
    );
    expect(tooShort.feasible).toBe(false);
    if (tooShort.feasible) return;
    expect(tooShort.reasons).toEqual([expect.objectContaining({ code: 'not_enough_dates', field: 'to' })]);
    expect(tooShort.reasons[0].message).toMatch(/10 session\(s\) demandée\(s\).*seules 3 tiennent/);
    expect(tooShort).not.toHaveProperty('sessions');

    const inVacation = planSessions(input({ participants: 10, from: '2025-12-22', to: '2026-01-02' }), calendar);
    expect(inVacation).toMatchObject({ feasible: false, reasons: [{ code: 'not_enough_dates' }] });
  });

  it('refuses inconsistent inputs with the field at fault', () => {
    const codeOf = (overrides: Partial<PlannerInput>) => {
      const result = planSessions(input(overrides), calendar);
      return result.feasible ? 'feasible' : `${result.reasons[0].code}:${result.reasons[0].field}`;
    };
    expect(codeOf({ repeat: { sessions: 2, times: 2 } })).toBe('repeat_mismatch:repeat');
    expect(codeOf({ participants: 0 })).toBe('participants_invalid:participants');
    expect(codeOf({ module: { ...m1, maxParticipantsPerSession: null } })).toBe('max_participants_unknown:moduleId');
    expect(codeOf({ trainers: [] })).toBe('no_trainer:trainers');
    expect(codeOf({ places: [] })).toBe('no_place:places');
    expect(codeOf({ to: '2026-01-01' })).toBe('range_end_before_start:to');
  });

  it('is deterministic: the order in which trainers are listed does not change the plan', () => {
    const base = { module: hybrid, participants: 45, from: '2026-01-05', to: '2026-06-30' };
    const expected = plan(base);
    expect(expected.length).toBeGreaterThan(1);
    for (const order of [
      [3, 2, 1, 0],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
    ]) {
      expect(plan({ ...base, trainers: order.map((i) => trainers[i]) })).toEqual(expected);
    }
  });
});
