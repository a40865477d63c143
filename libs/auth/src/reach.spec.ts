import { Identity, Role, ScopeLevel } from './identity';
import { organises, PersonPlace, reachesPerson, reachesPersonInSession, SessionPlace } from './reach';

const who = (role: Role, level: ScopeLevel, code: string, academy = 'guyane', mail?: string): Identity => ({
  sub: `${role}-1`,
  roles: [role],
  scope: { level, code, academy },
  mail,
});
const LEA: PersonPlace = {
  academy: 'guyane',
  uai: '9730298L',
  district: '973-kourou',
  department: '973',
  mail: 'lea@ac-exemple.fr',
};
const SESSION: SessionPlace = { academy: 'guyane', trainerMails: ['alice@ac-exemple.fr'] };

describe('who reaches a person (docs/scopes.md)', () => {
  const cases: [string, Identity, boolean][] = [
    ['the DAFPEN of her académie', who('dafpen-admin', 'academie', 'guyane'), true],
    ['the DAFPEN of another académie', who('dafpen-admin', 'academie', 'toulouse', 'toulouse'), false],
    ['a Canopé referent of her académie', who('canope-referent', 'canope-dt', 'dt-antilles-guyane'), true],
    ['the IEN of her district', who('ien', 'district', '973-kourou'), true],
    ['the IEN of another district', who('ien', 'district', '973-cayenne'), false],
    ['an IEN of her department', who('ien', 'department', '973'), true],
    ['her school head', who('school-head', 'school', '9730298L'), true],
    ['the head of another school', who('school-head', 'school', '9730001A'), false],
    [
      'a school head of another académie with the same code',
      who('school-head', 'school', '9730298L', 'toulouse'),
      false,
    ],
    ['herself', who('participant', 'school', '9730298L', 'guyane', 'lea@ac-exemple.fr'), true],
    [
      'another participant of her school',
      who('participant', 'school', '9730298L', 'guyane', 'paul@ac-exemple.fr'),
      false,
    ],
    ['a BI reader', who('bi-reader', 'academie', 'guyane'), false],
    ['a trainer of none of her sessions', who('trainer', 'academie', 'guyane', 'guyane', 'bruno@ac-exemple.fr'), false],
  ];
  it.each(cases)('%s: %s', (_what, caller, expected) => {
    expect(reachesPerson(caller, LEA)).toBe(expected);
  });

  it('a trainer reaches the people of the sessions they run, not of the others', () => {
    expect(
      reachesPersonInSession(who('trainer', 'academie', 'guyane', 'guyane', 'alice@ac-exemple.fr'), LEA, SESSION),
    ).toBe(true);
    expect(
      reachesPersonInSession(who('trainer', 'academie', 'guyane', 'guyane', 'bruno@ac-exemple.fr'), LEA, SESSION),
    ).toBe(false);
    expect(
      reachesPersonInSession(who('trainer', 'academie', 'toulouse', 'toulouse', 'alice@ac-exemple.fr'), LEA, SESSION),
    ).toBe(false);
  });

  it("a person of another académie is out of reach in one's own session, even for its administrator (issue 22)", () => {
    const toulouseSession: SessionPlace = { academy: 'toulouse', trainerMails: ['alice@ac-exemple.fr'] };
    expect(reachesPersonInSession(who('dafpen-admin', 'academie', 'toulouse', 'toulouse'), LEA, toulouseSession)).toBe(
      false,
    );
    expect(
      reachesPersonInSession(
        who('trainer', 'academie', 'toulouse', 'toulouse', 'alice@ac-exemple.fr'),
        LEA,
        toulouseSession,
      ),
    ).toBe(false);
    // a person no académie holds yet (being described for the first time) is the session's
    expect(
      reachesPersonInSession(
        who('dafpen-admin', 'academie', 'toulouse', 'toulouse'),
        { ...LEA, academy: null },
        toulouseSession,
      ),
    ).toBe(true);
    expect(reachesPerson(who('dafpen-admin', 'academie', 'toulouse', 'toulouse'), { ...LEA, academy: null })).toBe(
      false,
    );
  });

  it('organisers are académie-wide roles and IENs of the académie', () => {
    expect(organises(who('ien', 'district', '973-kourou'), 'guyane')).toBe(true);
    expect(organises(who('ien', 'district', '973-kourou'), 'toulouse')).toBe(false);
    expect(organises(who('school-head', 'school', '9730298L'), 'guyane')).toBe(false);
  });
});
