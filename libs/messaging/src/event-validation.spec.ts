import { EnrolmentConfirmed, EventActor, EventEnvelope, GroupFormed } from '@forma/contracts';
import { plainToInstance } from 'class-transformer';
import { createEnvelope } from './envelope.factory';
import { decodeEvent, EventValidationError, validateOutgoingPayload } from './event-validation';

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
    expect(
      problems(() => validateOutgoingPayload(EnrolmentConfirmed, bad)).some((p) => p.startsWith('data.lastName:')),
    ).toBe(true);
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
    expect(
      problems(() => validateOutgoingPayload(GroupFormed, bad)).some((p) => p.startsWith('data.parcours.0.round:')),
    ).toBe(true);
  });
});

describe('decodeEvent', () => {
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
  const sent = () =>
    JSON.parse(
      JSON.stringify(createEnvelope('enrolment', EnrolmentConfirmed, confirmed, { academy: 'paris' })),
    ) as Record<string, unknown>;
  const reason = (value: unknown) => {
    try {
      decodeEvent(bytes(value));
    } catch (error) {
      return { reason: (error as EventValidationError).reason, problems: (error as EventValidationError).problems };
    }
    return undefined;
  };

  it('gives the instances class-transformer would build, for a flat event (the path without it)', () => {
    const envelope = sent();
    const { envelope: decoded, definition } = decodeEvent(bytes(envelope));
    expect(definition).toBe(EnrolmentConfirmed);
    expect(decoded).toBeInstanceOf(EventEnvelope);
    expect(decoded.actor).toBeInstanceOf(EventActor);
    expect(decoded.data).toBeInstanceOf(EnrolmentConfirmed.payload);
    const expected = plainToInstance(EventEnvelope, envelope);
    expected.data = plainToInstance(EnrolmentConfirmed.payload, envelope.data);
    expect(decoded).toEqual(expected);
  });

  it('tolerates the fields a newer producer added, in the envelope, the actor and the payload', () => {
    const envelope = sent();
    const added = {
      ...envelope,
      traceparent: 'x',
      actor: { ...(envelope.actor as object), tenant: 'y' },
      data: { ...(envelope.data as object), nickname: 'z' },
    };
    expect(decodeEvent(bytes(added)).envelope.data).toMatchObject({ registrationId: confirmed.registrationId });
  });

  it('refuses a bad actor, a bad or missing payload field, and an unknown version, naming each', () => {
    const envelope = sent();
    expect(reason({ ...envelope, actor: { kind: 'robot', id: 'x' } })).toEqual({
      reason: 'invalid-envelope',
      problems: [expect.stringMatching(/^actor\.kind:/)],
    });
    expect(reason({ ...envelope, actor: 'someone' })?.reason).toBe('invalid-envelope');
    expect(reason({ ...envelope, occurredAt: 'hier' })?.problems).toEqual([expect.stringMatching(/^occurredAt:/)]);
    expect(reason({ ...envelope, data: { ...(envelope.data as object), mail: 'pas-un-mail' } })).toEqual({
      reason: 'invalid-payload',
      problems: [expect.stringMatching(/^data\.mail:/)],
    });
    const { registrationId: _missing, ...withoutId } = envelope.data as Record<string, unknown>;
    expect(reason({ ...envelope, data: withoutId })?.problems.some((p) => p.startsWith('data.registrationId:'))).toBe(
      true,
    );
    expect(reason({ ...envelope, version: 99 })?.reason).toBe('unknown-event');
  });

  it('decodes a nested payload into its classes (GroupFormed parcours)', () => {
    const group = {
      planId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e55',
      planVersion: 1,
      groupNumber: 1,
      concern: 'Évaluer sans noter',
      members: ['a@ac-exemple.fr'],
      catalyst: null,
      parcours: [{ round: 1, workshop: 'A1' }],
    };
    const decoded = decodeEvent(bytes(createEnvelope('enrolment', GroupFormed, group))).envelope.data as {
      parcours: object[];
    };
    expect(decoded.parcours[0]).toBeInstanceOf(
      Object.getPrototypeOf(plainToInstance(GroupFormed.payload, group).parcours[0]).constructor,
    );
    expect(
      reason({
        ...sent(),
        type: 'GroupFormed',
        data: { ...group, parcours: [{ round: 0, workshop: 'A1' }] },
      })?.problems.some((p) => p.startsWith('data.parcours.0.round:')),
    ).toBe(true);
  });
});
