import { getMetadataStorage, MetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** A verdict on an instance: true when every rule passes, false when one fails, undefined when it cannot tell. */
export type ValidationPlan = (instance: object) => boolean | undefined;

type Validate = (value: unknown, args: ValidationArguments) => unknown;
type Condition = (object: object, value: unknown) => boolean;

interface Check {
  metadata: ValidationMetadata;
  each: boolean;
  /** The constraints' `validate`, their instances taken from class-validator's container once. */
  validators: Validate[];
}

interface PropertyPlan {
  name: string;
  conditions: Condition[];
  checks: Check[];
  /** `@ValidateNested()`: the value is checked by the plan of its own class. */
  nested: boolean;
}

const plans = new WeakMap<object, ValidationPlan | null>();

/**
 * class-validator's own rules for a class, looked up once and evaluated without building
 * an error tree.
 *
 * `validateSync` re-reads the metadata of every class and builds a `ValidationError` per property on every call (about
 * 36 kB allocated per event payload): for the tens of thousands of events of a bulk import, that was the largest cost
 * of the service. The plan follows `ValidationExecutor` for the options the outbox uses (`whitelist`,
 * `forbidNonWhitelisted`, `forbidUnknownValues`, no groups): conditions (`@IsOptional`, `@ValidateIf`) first, then
 * `@IsDefined`, then every constraint with the same arguments (`each` included), and properties without metadata are
 * refused. It only decides: when it says "invalid" or cannot tell (a constraint answered with a promise), the caller
 * runs `validateSync` for the messages, so error reports are class-validator's own.
 *
 * A nested class instance (`@ValidateNested()`, the envelope's actor) is checked by its own plan; a nested collection
 * makes the plan answer "cannot tell". Returns undefined for a class with promise validation: use `validateSync`.
 * Constraint instances are taken from class-validator's container when the plan is built (first use of the class): a
 * `useContainer` call must come before, as for any validation at start.
 */
export function validationPlan(target: new () => object): ValidationPlan | undefined {
  let plan = plans.get(target);
  if (plan === undefined) {
    plan = compile(target);
    plans.set(target, plan);
  }
  return plan ?? undefined;
}

function compile(target: new () => object): ValidationPlan | null {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined);
  if (!metadatas.length) return null; // forbidUnknownValues: class-validator refuses it, with its own message
  const grouped = storage.groupByPropertyName(metadatas);
  const properties: PropertyPlan[] = [];
  for (const [name, group] of Object.entries(grouped)) {
    if (group.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION)) return null;
    const checks = (type: string): Check[] =>
      group
        .filter((m) => m.type === type)
        .map((metadata) => ({
          metadata,
          each: metadata.each === true,
          // validateSync skips asynchronous constraints
          validators: storage
            .getTargetValidatorConstraints(metadata.constraintCls)
            .filter((c) => !c.async)
            .map((c) => {
              const instance = c.instance;
              return (value: unknown, args: ValidationArguments) => instance.validate(value, args);
            }),
        }));
    properties.push({
      name,
      conditions: group
        .filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION)
        .map((m) => m.constraints[0] as Condition),
      checks: [...checks(ValidationTypes.IS_DEFINED), ...checks(ValidationTypes.CUSTOM_VALIDATION)],
      nested: group.some((m) => m.type === ValidationTypes.NESTED_VALIDATION),
    });
  }
  const known = new Set(
    Object.entries(grouped)
      .filter(([, group]) => group.length > 0)
      .map(([name]) => name),
  );

  // Called for every event of a bulk import: one arguments object per call, no closure, no array per rule.
  return (instance) => {
    for (const key of Object.keys(instance)) if (!known.has(key)) return false;
    const record = instance as Record<string, unknown>;
    const args: ValidationArguments = {
      targetName: instance.constructor ? instance.constructor.name : (undefined as unknown as string),
      property: '',
      object: instance,
      value: undefined,
      constraints: [],
    };
    for (const property of properties) {
      const value = record[property.name];
      if (!conditionsHold(property.conditions, instance, value)) continue;
      for (const check of property.checks) {
        args.property = check.metadata.propertyName;
        args.value = value;
        args.constraints = check.metadata.constraints;
        const verdict =
          check.each && isCollection(value)
            ? everyElement(check.validators, value, args)
            : passes(check.validators, value, args);
        if (verdict !== true) return verdict;
      }
      if (property.nested) {
        const verdict = nestedVerdict(value);
        if (verdict !== true) return verdict;
      }
    }
    return true;
  };
}

/**
 * `@ValidateNested()` as class-validator applies it: nothing to check on undefined, a primitive or null is refused, an
 * instance is checked by its own class's plan. A collection, or a plain object (class-validator refuses it as an
 * unknown
 * value, with its own message), is left to class-validator.
 */
function nestedVerdict(value: unknown): boolean | undefined {
  if (value === undefined) return true;
  if (!(value instanceof Object)) return false;
  if (isCollection(value) || value.constructor === Object) return undefined;
  const plan = validationPlan(value.constructor as new () => object);
  return plan ? plan(value) : undefined;
}

function conditionsHold(conditions: Condition[], object: object, value: unknown): boolean {
  for (const condition of conditions) if (!condition(object, value)) return false;
  return true;
}

function isCollection(value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> {
  return Array.isArray(value) || value instanceof Set || value instanceof Map;
}

/** Every validator accepts the value: true; one refuses it: false; one answers with a promise: undefined. */
function passes(validators: Validate[], value: unknown, args: ValidationArguments): boolean | undefined {
  for (const validate of validators) {
    const result = validate(value, args);
    if (typeof result === 'object' && result !== null && 'then' in result) return undefined; // a promise: cannot tell
    if (!result) return false;
  }
  return true;
}

/** `each: true` on a collection: every element (a Map's values), as class-validator does. */
function everyElement(
  validators: Validate[],
  value: unknown[] | Set<unknown> | Map<unknown, unknown>,
  args: ValidationArguments,
): boolean | undefined {
  for (const element of value instanceof Map ? value.values() : value) {
    const verdict = passes(validators, element, args);
    if (verdict !== true) return verdict;
  }
  return true;
}
