import { assertOpenable, assertOpenForChanges, assertOver, forCaller, sessionProblems } from './session.rules';
import type { SessionSlot } from '../catalog.entities';

const slot = (date: string): SessionSlot => ({ date, start: '09:00', end: '12:00', kind: 'face-to-face' });

describe('session rules', () => {
  it('a cancelled or delivered session no longer changes; only a planned one opens', () => {
    expect(() => assertOpenForChanges({ status: 'open' })).not.toThrow();
    expect(() => assertOpenForChanges({ status: 'cancelled' })).toThrow(
      expect.objectContaining({ code: 'session_closed', message: expect.stringContaining('annulée') }),
    );
    expect(() => assertOpenForChanges({ status: 'delivered' })).toThrow(
      expect.objectContaining({ code: 'session_closed', message: expect.stringContaining('terminée') }),
    );
    expect(() => assertOpenable({ status: 'planned' })).not.toThrow();
    expect(() => assertOpenable({ status: 'open' })).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'session_not_planned' }),
    );
  });

  it('is delivered only once its last day is past', () => {
    expect(() => assertOver({ endsOn: '2026-03-10' }, '2026-03-10')).not.toThrow();
    expect(() => assertOver({ endsOn: '2026-03-11' }, '2026-03-10')).toThrow(
      expect.objectContaining({ code: 'session_not_over' }),
    );
  });

  it('names every problem at once: impossible date, capacity above the module maximum, unknown place', () => {
    expect(
      sessionProblems(
        { slots: [slot('2026-03-10')], capacity: 12, placeUai: null },
        { maxParticipantsPerSession: 12 },
        false,
      ),
    ).toBeUndefined();
    const violation = sessionProblems(
      { slots: [slot('2026-02-30')], capacity: 13, placeUai: '9730298L' },
      { maxParticipantsPerSession: 12 },
      false,
    );
    expect(violation?.code).toBe('date');
    expect(violation?.errors.map((e) => e.field)).toEqual(['slots[0].date', 'capacity', 'placeUai']);
  });
});

describe('who sees a session’s trainers', () => {
  const session = { academy: 'guyane', trainers: [{ name: 'Alice Formatrice', mail: 'alice@ac-exemple.fr' }] };
  const as = (role: 'dafpen-admin' | 'school-head' | 'participant' | 'bi-reader', academy = 'guyane') => ({
    roles: [role],
    scope: { academy },
  });
  it('staff of the session’s académie only', () => {
    expect(forCaller(session, as('dafpen-admin')).trainers).toHaveLength(1);
    expect(forCaller(session, as('school-head')).trainers).toHaveLength(1);
    expect(forCaller(session, as('participant')).trainers).toEqual([]);
    expect(forCaller(session, as('bi-reader')).trainers).toEqual([]);
    expect(forCaller(session, as('dafpen-admin', 'toulouse')).trainers).toEqual([]);
  });
});
