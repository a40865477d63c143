import { getMetadataStorage, MetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type ConstraintMetadata = ReturnType<MetadataStorage['getTargetValidatorConstraints']>[number];

/** A verdict on an instance: true when every rule passes, false when one fails, undefined when it cannot tell. */
export type ValidationPlan = (instance: object) => boolean | undefined;

interface Check {
  metadata: ValidationMetadata;
  constraints: ConstraintMetadata[];
}

interface PropertyPlan {
  name: string;
  conditions: ValidationMetadata[];
  checks: Check[];
}

const plans = new WeakMap<object, ValidationPlan | null>();

/**
 * class-validator's own rules for a class without nested validation, looked up once and evaluated without building
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
 * Returns undefined for a class it does not handle (nested or promise validation): use `validateSync` for those.
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
    if (group.some((m) => m.type === ValidationTypes.NESTED_VALIDATION || m.type === ValidationTypes.PROMISE_VALIDATION)) return null;
    const checks = (type: string) =>
      group
        .filter((m) => m.type === type)
        .map((metadata) => ({
          metadata,
          // validateSync skips asynchronous constraints
          constraints: storage.getTargetValidatorConstraints(metadata.constraintCls).filter((c) => !c.async),
        }));
    properties.push({
      name,
      conditions: group.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
      checks: [...checks(ValidationTypes.IS_DEFINED), ...checks(ValidationTypes.CUSTOM_VALIDATION)],
    });
  }
  const known = new Set(Object.entries(grouped).filter(([, group]) => group.length > 0).map(([name]) => name));

  return (instance) => {
    for (const key of Object.keys(instance)) if (!known.has(key)) return false;
    const record = instance as Record<string, unknown>;
    const targetName = instance.constructor ? instance.constructor.name : undefined;
    for (const property of properties) {
      const value = record[property.name];
      if (!property.conditions.every((c) => (c.constraints[0] as (o: object, v: unknown) => boolean)(instance, value))) continue;
      for (const { metadata, constraints } of property.checks) {
        const args: ValidationArguments = { targetName: targetName as string, property: metadata.propertyName, object: instance, value, constraints: metadata.constraints };
        for (const constraint of constraints) {
          const verdict = passes(constraint, metadata, value, args);
          if (verdict !== true) return verdict;
        }
      }
    }
    return true;
  };
}

function passes(constraint: ConstraintMetadata, metadata: ValidationMetadata, value: unknown, args: ValidationArguments): boolean | undefined {
  const each = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
  const values: unknown[] = each ? (value instanceof Map ? [...value.values()] : [...(value as Iterable<unknown>)]) : [value];
  for (const v of values) {
    const result: unknown = constraint.instance.validate(v, args);
    if (typeof result === 'object' && result !== null && 'then' in result) return undefined; // a promise: cannot tell
    if (!result) return false;
  }
  return true;
}
