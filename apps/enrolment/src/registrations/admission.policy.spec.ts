import { RegistrationKind } from '@forma/contracts';
import {
  acceptance,
  admit,
  cancellation,
  freeSeats,
  missingPrerequisites,
  placeAll,
  promotions,
  sessionRefusal,
} from './admission.policy';
import { LockedSession, ModuleReplica, SessionReplica } from './session-replica';

const M1: ModuleReplica = {
  moduleId: 'm1',
  title: 'Canoprof M1',
  archived: false,
  prerequisiteModuleIds: [],
  themes: [],
  totalHours: 3,
};
const M2: ModuleReplica = { ...M1, moduleId: 'm2', title: 'Canoprof M2', prerequisiteModuleIds: ['m1'] };
const MODULES = new Map([M1, M2].map((m) => [m.moduleId, m]));

const session = (over: Partial<SessionReplica> = {}): SessionReplica => ({
  sessionId: 's1',
  moduleId: 'm2',
  academy: 'guyane',
  capacity: 2,
  status: 'open',
  gaiaSessionId: null,
  slots: [],
  placeUai: null,
  groupNumber: '01',
  trainerMails: [],
  ...over,
});
/** What RegistrationRepository.lockSessions returns; built by hand here (the lint allows it in specs only). */
const locked = (confirmed: number, waitlisted: number, over: Partial<SessionReplica> = {}) =>
  ({ ...session(over), seats: { confirmed, waitlisted } }) as LockedSession;

describe('admission policy: which session takes registrations', () => {
  it('refuses a cancelled session, a delivered one, an unknown module and an archived one, each with its code', () => {
    expect(sessionRefusal(session({ status: 'cancelled' }), M2)).toMatchObject({
      kind: 'conflict',
      code: 'session_cancelled',
    });
    expect(sessionRefusal(session({ status: 'delivered' }), M2)).toMatchObject({
      kind: 'conflict',
      code: 'session_closed',
    });
    expect(sessionRefusal(session(), undefined)).toMatchObject({ kind: 'unavailable', code: 'module_not_replicated' });
    expect(sessionRefusal(session(), { ...M2, archived: true })).toMatchObject({
      kind: 'conflict',
      code: 'module_archived',
      message: expect.stringContaining('Canoprof M2'),
    });
  });

  it('accepts a planned, open or full session of a live module', () => {
    for (const status of ['planned', 'open', 'full']) expect(sessionRefusal(session({ status }), M2)).toBeUndefined();
  });

  it('a cancelled session is refused before its module is even looked at', () => {
    expect(sessionRefusal(session({ status: 'cancelled' }), undefined)?.code).toBe('session_cancelled');
  });
});

describe('admission policy: who may take a place', () => {
  it('names the prerequisites not completed, with their titles', () => {
    expect(missingPrerequisites(M2, new Set(), MODULES)).toEqual([{ moduleId: 'm1', title: 'Canoprof M1' }]);
    expect(missingPrerequisites(M2, new Set(['m1']), MODULES)).toEqual([]);
    expect(missingPrerequisites({ ...M2, prerequisiteModuleIds: ['unknown'] }, new Set(), MODULES)).toEqual([
      { moduleId: 'unknown', title: 'unknown' },
    ]);
  });

  it('refuses someone who has not completed M1 from M2 (seed 000), naming both modules', () => {
    const admission = admit(M2, { mail: 'lea@ac-exemple.fr', completedModuleIds: new Set() }, MODULES);
    expect(admission.verdict).toBe('refused');
    if (admission.verdict !== 'refused') return;
    expect(admission.violation).toMatchObject({ kind: 'invalid', code: 'prerequisite_missing' });
    expect(admission.violation.message).toContain('« Canoprof M1 » doit être terminé avant « Canoprof M2 »');
    expect(admission.violation.errors).toEqual([
      { field: 'sessionId', rule: 'prerequisite_missing', message: expect.stringContaining('(m1)') },
    ]);
  });

  it('admits someone who completed M1, and someone to a module without prerequisites', () => {
    expect(admit(M2, { mail: 'lea@ac-exemple.fr', completedModuleIds: new Set(['m1']) }, MODULES)).toEqual({
      verdict: 'admit',
    });
    expect(admit(M1, { mail: 'lea@ac-exemple.fr', completedModuleIds: new Set() }, MODULES)).toEqual({
      verdict: 'admit',
    });
  });

  it('finds an existing live registration (a re-import changes nothing; the API answers 409)', () => {
    const admission = admit(
      M1,
      { mail: 'lea@ac-exemple.fr', completedModuleIds: new Set(), liveRegistrationId: 'r9' },
      MODULES,
    );
    expect(admission).toMatchObject({
      verdict: 'already_registered',
      registrationId: 'r9',
      violation: { kind: 'conflict', code: 'already_registered' },
    });
  });

  it('checks prerequisites before an existing registration', () => {
    expect(
      admit(M2, { mail: 'lea@ac-exemple.fr', completedModuleIds: new Set(), liveRegistrationId: 'r9' }, MODULES)
        .verdict,
    ).toBe('refused');
  });
});

describe('admission policy: seats', () => {
  const kinds = (...list: RegistrationKind[]) => list;

  it('free seats are capacity minus confirmed, never negative (a lowered capacity demotes no one)', () => {
    expect(freeSeats(locked(0, 0))).toBe(2);
    expect(freeSeats(locked(2, 0))).toBe(0);
    expect(freeSeats(locked(3, 0))).toBe(0);
  });

  it('designations and imports take the free seats in order, then the waitlist with their rank', () => {
    const { decisions, seats } = placeAll(locked(1, 2), kinds('designated', 'imported', 'imported'));
    expect(decisions).toEqual([
      { state: 'confirmed' },
      { state: 'waitlisted', position: 3 },
      { state: 'waitlisted', position: 4 },
    ]);
    expect(seats).toEqual({ confirmed: 2, waitlisted: 4 });
  });

  it('an individual request takes no seat: it waits for the organiser', () => {
    const { decisions, seats } = placeAll(locked(0, 0), kinds('individual', 'designated'));
    expect(decisions).toEqual([{ state: 'requested' }, { state: 'confirmed' }]);
    expect(seats).toEqual({ confirmed: 1, waitlisted: 0 });
  });

  it('a full session sends everyone to the waitlist', () => {
    expect(placeAll(locked(2, 0), kinds('designated')).decisions).toEqual([{ state: 'waitlisted', position: 1 }]);
  });

  it('accepting a request gives a free seat, else the end of the waitlist; only a request can be accepted', () => {
    expect(acceptance(locked(1, 0), { id: 'r1', state: 'requested' })).toEqual({ state: 'confirmed' });
    expect(acceptance(locked(2, 3), { id: 'r1', state: 'requested' })).toEqual({ state: 'waitlisted', position: 4 });
    expect(() => acceptance(locked(0, 0), { id: 'r1', state: 'confirmed' })).toThrow(
      expect.objectContaining({ code: 'registration_state' }),
    );
  });

  it('cancelling frees a seat only when the registration held one; a cancelled one cannot be cancelled again', () => {
    expect(cancellation({ id: 'r1', state: 'confirmed' })).toEqual({ freesSeat: true });
    expect(cancellation({ id: 'r1', state: 'waitlisted' })).toEqual({ freesSeat: false });
    expect(cancellation({ id: 'r1', state: 'requested' })).toEqual({ freesSeat: false });
    expect(() => cancellation({ id: 'r1', state: 'cancelled' })).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'registration_state' }),
    );
  });

  it('promotes as many of the waitlist as there are free seats, none in a closed session', () => {
    expect(promotions(locked(1, 5))).toBe(1);
    expect(promotions(locked(0, 1))).toBe(1);
    expect(promotions(locked(0, 0))).toBe(0);
    expect(promotions(locked(2, 5))).toBe(0);
    expect(promotions(locked(0, 5, { capacity: 10 }))).toBe(5);
    expect(promotions(locked(0, 5, { status: 'cancelled' }))).toBe(0);
    expect(promotions(locked(0, 5, { status: 'delivered' }))).toBe(0);
  });
});
