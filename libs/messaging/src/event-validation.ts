import { EVENT_DEFINITIONS, EventActor, EventDefinition, EventEnvelope } from '@forma/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { validationPlan } from './validation-plan';

/** An event that cannot be accepted, with every offending field named. */
export class EventValidationError extends Error {
  constructor(
    readonly reason: 'invalid-json' | 'invalid-envelope' | 'unknown-event' | 'invalid-payload',
    readonly problems: string[],
    /** For `unknown-event`: the envelope itself, well-formed, of a type or version this reader does not know. */
    readonly envelope?: EventEnvelope<unknown>,
  ) {
    super(`${reason}: ${problems.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

export function describeValidationErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

function hasObjectValue(data: object): boolean {
  return Object.values(data).some((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
}

/**
 * Checks an outgoing payload against its definition (strict: unknown fields are refused). Bulk flows publish tens of
 * thousands of events: a flat payload (no nested class, no object value) is copied onto its class and checked by the
 * class's validation plan (class-validator's rules, looked up once; see `validationPlan`). A nested payload, or one
 * the plan does not accept, goes through class-transformer and `validateSync`, whose errors are reported.
 */
export function validateOutgoingPayload<T extends object>(definition: EventDefinition<T>, data: T): T {
  const plan = validationPlan(definition.payload);
  if (plan && !hasObjectValue(data) && plan(Object.assign(new definition.payload(), data)) === true) return data;
  const errors = validateSync(plainToInstance(definition.payload, data), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length) throw new EventValidationError('invalid-payload', describeValidationErrors(errors, 'data'));
  return data;
}

/**
 * Turns bytes received from Kafka into a validated envelope. Tolerant reader: fields a newer producer added to a
 * version we know are ignored; a version we do not know is refused (it goes to the dead-letter topic).
 */
export function decodeEvent(
  raw: Buffer | string | null,
  definitions: readonly EventDefinition[] = EVENT_DEFINITIONS,
): { envelope: EventEnvelope<object>; definition: EventDefinition } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw === null ? '' : raw.toString());
  } catch (error) {
    throw new EventValidationError('invalid-json', [(error as Error).message]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EventValidationError('invalid-envelope', ['the message is not a JSON object']);
  }
  const fast = decodeFlat(parsed as Record<string, unknown>, definitions);
  if (fast) return fast;
  const envelope = plainToInstance(EventEnvelope, parsed);
  const envelopeErrors = validateSync(envelope, { forbidUnknownValues: true });
  if (envelopeErrors.length) {
    throw new EventValidationError('invalid-envelope', describeValidationErrors(envelopeErrors));
  }
  const definition = definitions.find((d) => d.type === envelope.type && d.version === envelope.version);
  if (!definition) {
    throw new EventValidationError(
      'unknown-event',
      [`no definition for ${envelope.type} v${envelope.version}`],
      envelope as EventEnvelope<unknown>,
    );
  }
  const data = plainToInstance(definition.payload, envelope.data);
  // the plan is stricter (it refuses unknown fields): only what it does not accept needs validateSync's tolerant look
  const payloadErrors =
    validationPlan(definition.payload)?.(data) === true ? [] : validateSync(data, { forbidUnknownValues: true });
  if (payloadErrors.length) {
    throw new EventValidationError('invalid-payload', describeValidationErrors(payloadErrors, 'data'));
  }
  envelope.data = data;
  return { envelope: envelope as EventEnvelope<object>, definition };
}

/**
 * The common case of `decodeEvent`, without class-transformer or an error tree: an envelope with exactly the known
 * fields and a flat payload (no object value), copied onto their classes and accepted by their validation plans (the
 * same rules). Anything else (a field a newer producer added, a nested payload, an invalid event) returns undefined,
 * and `decodeEvent` takes the full path, which tolerates what should be tolerated and names what is wrong. Consumers
 * decode every event they read (reporting reads them all): validateSync and plainToInstance were most of their CPU.
 */
function decodeFlat(
  parsed: Record<string, unknown>,
  definitions: readonly EventDefinition[],
): { envelope: EventEnvelope<object>; definition: EventDefinition } | undefined {
  const { actor, data } = parsed;
  if (
    typeof actor !== 'object' ||
    actor === null ||
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    hasObjectValue(data)
  )
    return undefined;
  const definition = definitions.find((d) => d.type === parsed.type && d.version === parsed.version);
  if (!definition) return undefined;
  const envelope = Object.assign(new EventEnvelope(), parsed, {
    actor: Object.assign(new EventActor(), actor),
    data: Object.assign(new definition.payload(), data),
  });
  if (
    validationPlan(EventEnvelope)?.(envelope) !== true ||
    validationPlan(definition.payload)?.(envelope.data) !== true
  )
    return undefined;
  return { envelope: envelope as EventEnvelope<object>, definition };
}
