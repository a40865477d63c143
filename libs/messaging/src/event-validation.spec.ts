import { EnrolmentConfirmed, GroupFormed } from '@forma/contracts';
import { EventValidationError, validateOutgoingPayload } from './event-validation';

const confirmed = {
  registrationId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e51',
  sessionId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e52',
  moduleId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e53',
  participantId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e54',
  mail: 'claire.fictive@ac-exemple.fr',
  lastName: 'FICTIVE',
  firstName: 'Claire',
  function: 'ENS',
  grade: null,
  uai: null,
  kind: 'imported' as const,
  academy: 'paris',
  confirmedAt: '2027-01-12T09:00:00.000Z',
};

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof EventValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateOutgoingPayload', () => {
  it('accepts a valid flat payload and returns it untouched', () => {
    expect(validateOutgoingPayload(EnrolmentConfirmed, confirmed)).toBe(confirmed);
  });

  it('refuses, on the flat path, a bad field and an unknown field, naming each', () => {
    const bad = { ...confirmed, mail: 'pas-un-mail', extra: 1 } as typeof confirmed;
    const found = problems(() => validateOutgoingPayload(EnrolmentConfirmed, bad));
    expect(found.some((p) => p.startsWith('data.mail:'))).toBe(true);
    expect(found.some((p) => p.startsWith('data.extra:'))).toBe(true);
  });

  it('refuses an object where a flat payload expects text (falls back to the full transformation)', () => {
    const bad = { ...confirmed, lastName: { text: 'FICTIVE' } } as unknown as typeof confirmed;
    expect(problems(() => validateOutgoingPayload(EnrolmentConfirmed, bad)).some((p) => p.startsWith('data.lastName:'))).toBe(true);
  });

  it('validates nested classes (GroupFormed parcours) field by field', () => {
    const group = {
      planId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e55',
      planVersion: 1,
      groupNumber: 1,
      concern: 'Évaluer sans noter',
      members: ['a@ac-exemple.fr'],
      catalyst: null,
      parcours: [{ round: 1, workshop: 'A1' }],
    };
    expect(problems(() => validateOutgoingPayload(GroupFormed, group))).toEqual([]);
    const bad = { ...group, parcours: [{ round: 0, workshop: 'A1' }] };
    expect(problems(() => validateOutgoingPayload(GroupFormed, bad)).some((p) => p.startsWith('data.parcours.0.round:'))).toBe(true);
  });
});
