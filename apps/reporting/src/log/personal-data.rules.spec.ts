import { withoutPersonalData } from './personal-data.rules';

describe('withoutPersonalData', () => {
  it("keeps a user's opaque identifier (who caused the fact), not a mail used as one", () => {
    expect(withoutPersonalData({ actor: { kind: 'user', id: 'dev-dafpen-admin' } })).toEqual({
      actor: { kind: 'user', id: 'dev-dafpen-admin' },
    });
    expect(withoutPersonalData({ actor: { kind: 'user', id: 'Lea.Martin@example.org' } })).toEqual({
      actor: { kind: 'user' },
    });
  });

  it('cuts names and mails of participants and trainers, and keeps identifiers, places and figures', () => {
    const envelope = {
      id: 'e1',
      actor: { kind: 'user', id: 'lea.martin@example.org' },
      data: {
        registrationId: 'r1',
        participantId: 'p1',
        mail: 'lea.martin@example.org',
        lastName: 'Martin',
        firstName: 'Léa',
        function: 'ENS',
        uai: '9730001A',
        trainers: [{ name: 'Paul Durand', mail: 'paul@example.org', role: 'lead' }],
        trainer: { name: 'Ana Silva', mail: null, role: 'assistant' },
        trainerMails: ['paul@example.org'],
        school: { name: 'Collège des Palmistes', uai: '9730001A' },
      },
    };
    expect(withoutPersonalData(envelope)).toEqual({
      id: 'e1',
      actor: { kind: 'user' },
      data: {
        registrationId: 'r1',
        participantId: 'p1',
        function: 'ENS',
        uai: '9730001A',
        trainers: [{ role: 'lead' }],
        trainer: { role: 'assistant' },
        school: { name: 'Collège des Palmistes', uai: '9730001A' },
      },
    });
    expect(JSON.stringify(withoutPersonalData(envelope))).not.toMatch(/Martin|Léa|Paul|Ana|example\.org/);
  });
});
