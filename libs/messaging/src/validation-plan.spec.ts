import { EVENT_DEFINITIONS, EventActor, EventDefinition, EventEnvelope, GroupFormed } from '@forma/contracts';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import { validationPlan } from './validation-plan';

// The plan must give class-validator's verdict on every payload: a differential test over every event of the contracts.
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

const POOL: unknown[] = [
  '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e51',
  'claire.fictive@ac-exemple.fr',
  'pas-un-mail',
  '2027-01-12T09:00:00.000Z',
  '2027-01-12',
  '09:00',
  '42', // a bigint id as a string (AttendanceRecorded.markId)
  '2026-2027', // a school year (remuneration's events)
  '2027-13-45',
  'paris',
  '9730298L',
  '9730298A',
  'ENS',
  'FICTIVE',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // a SHA-256 in hex (PersonErased.mailHash)
  'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
  '',
  ' ',
  'x'.repeat(600),
  0,
  1,
  -1,
  1.5,
  24,
  100000,
  Number.NaN,
  true,
  false,
  null,
  undefined,
  [],
  ['0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e51'],
  ['claire.fictive@ac-exemple.fr', 'claire.fictive@ac-exemple.fr'],
  ['paris', 'guyane'], // académie codes (CanopeDtDescribed.academies)
  ['x', 1],
  [{ a: 1 }],
  { a: 1 },
];

/** The pool, plus the allowed values named by the property's own constraints (IsIn, IsEnum). */
function candidates(definition: EventDefinition, property: string): unknown[] {
  const own = getMetadataStorage()
    .getTargetValidationMetadatas(definition.payload, '', false, false, undefined)
    .filter((m) => m.propertyName === property)
    .flatMap((m) =>
      (m.constraints ?? []).flatMap((c: unknown) =>
        Array.isArray(c) ? c : c && typeof c === 'object' ? Object.values(c) : [],
      ),
    );
  return [...own, ...own.map((v) => [v]), ...POOL];
}

const instance = (definition: EventDefinition, data: Record<string, unknown>) =>
  Object.assign(new definition.payload(), data);
const valid = (definition: EventDefinition, data: Record<string, unknown>) =>
  validateSync(instance(definition, data), OPTIONS).length === 0;

/** A payload built property by property from the candidates class-validator accepts (greedy). */
function sample(definition: EventDefinition): Record<string, unknown> {
  const properties = [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(definition.payload, '', false, false, undefined)
        .map((m) => m.propertyName),
    ),
  ];
  const data: Record<string, unknown> = {};
  for (const property of properties) {
    const accepted = candidates(definition, property).find((value) => {
      const errors = validateSync(instance(definition, { ...data, [property]: value }), OPTIONS);
      return !errors.some((e) => e.property === property);
    });
    if (accepted !== undefined || property in data) data[property] = accepted;
  }
  return data;
}

describe('validationPlan', () => {
  // the sampler builds flat payloads: nested classes are covered by the envelope's test below and by decodeEvent's
  const nested = (d: EventDefinition) =>
    getMetadataStorage()
      .getTargetValidationMetadatas(d.payload, '', false, false, undefined)
      .some((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  const flat = EVENT_DEFINITIONS.filter((d) => validationPlan(d.payload) !== undefined && !nested(d));

  it('covers the flat events of the contracts and leaves nested collections to class-validator', () => {
    expect(flat.length).toBeGreaterThan(10);
    const group = {
      planId: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e55',
      planVersion: 1,
      groupNumber: 1,
      concern: 'x',
      members: [],
      catalyst: null,
      parcours: [{ round: 1, workshop: 'A1' }],
    };
    expect(validationPlan(GroupFormed.payload)!(plainToInstance(GroupFormed.payload, group))).toBeUndefined();
  });

  it('checks a nested instance by its own class (the envelope and its actor) as class-validator does', () => {
    const plan = validationPlan(EventEnvelope)!;
    const envelope = (actor: unknown) =>
      Object.assign(new EventEnvelope(), {
        id: '0190b6a2-7c3e-7a11-9c2b-2f6a1c0d4e55',
        type: 'ModulePublished',
        version: 1,
        source: 'catalog',
        occurredAt: '2027-01-12T09:00:00.000Z',
        key: 'k',
        correlationId: 'c',
        actor,
        data: {},
      });
    for (const actor of [
      Object.assign(new EventActor(), { kind: 'user', id: 'u' }),
      Object.assign(new EventActor(), { kind: 'robot', id: 'u' }),
      Object.assign(new EventActor(), { kind: 'user' }),
      null,
      'x',
      undefined,
    ]) {
      const expected = validateSync(envelope(actor), OPTIONS).length === 0;
      expect({ actor, verdict: plan(envelope(actor)) }).toEqual({ actor, verdict: expected });
    }
    expect(plan(envelope({ kind: 'user', id: 'u' }))).toBeUndefined(); // a plain object: class-validator's message
  });

  it.each(flat.map((d) => [`${d.type} v${d.version}`, d] as const))(
    'gives class-validator’s verdict on %s',
    (_name, definition) => {
      const plan = validationPlan(definition.payload)!;
      const base = sample(definition);
      const verdicts = { agree: 0, valid: 0 };
      const check = (data: Record<string, unknown>) => {
        const expected = valid(definition, data);
        const got = plan(instance(definition, data));
        // "cannot tell" is allowed (the caller asks class-validator), a different verdict is not
        if (got !== undefined) expect({ data, verdict: got }).toEqual({ data, verdict: expected });
        verdicts.agree += 1;
        if (expected) verdicts.valid += 1;
      };
      check(base);
      for (const property of Object.keys(base)) {
        for (const value of candidates(definition, property)) check({ ...base, [property]: value });
        const { [property]: _removed, ...without } = base;
        check(without);
      }
      check({ ...base, unexpected: 'x' });
      // the sample itself is valid, so both sides of each rule were met
      expect(valid(definition, base)).toBe(true);
      expect(verdicts.valid).toBeGreaterThan(0);
      expect(verdicts.valid).toBeLessThan(verdicts.agree);
    },
  );
});
