import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { FieldProblem, ProblemError } from './problem';
import { toFieldProblems } from './validation-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (problems: FieldProblem[]) =>
  new ProblemError(
    400,
    'validation_failed',
    `La requête est invalide : ${problems.map((p) => p.field).join(', ')}.`,
    problems,
  );

/**
 * Where a nested field holds something else than the object its DTO describes (issue 28): class-validator checks
 * `@ValidateNested()` through any depth of arrays, so `[[{…}]]` where `[{…}]` is expected would pass and reach the
 * code as arrays. Walks the DTO's nested properties (class-validator's metadata, class-transformer's types).
 */
export function nestedShapeProblems(type: unknown, value: unknown, path = ''): FieldProblem[] {
  if (typeof type !== 'function' || !value || typeof value !== 'object') return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const problems: FieldProblem[] = [];
  for (const m of metadata.filter((x) => x.type === ValidationTypes.NESTED_VALIDATION)) {
    const property = m.propertyName;
    const field = path ? `${path}.${property}` : property;
    const nested = (value as Record<string, unknown>)[property];
    if (nested === undefined || nested === null) continue;
    const itemType = defaultMetadataStorage.findTypeMetadata(type as new () => unknown, property)?.typeFunction();
    const items: [string, unknown][] = Array.isArray(nested)
      ? nested.map((item, i) => [`${field}[${i}]`, item])
      : [[field, nested]];
    for (const [where, item] of items) {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        problems.push({ field: where, rule: 'nestedValidation', message: `${where} : doit être un objet` });
        continue;
      }
      problems.push(...nestedShapeProblems(itemType, item, where));
    }
  }
  return problems;
}

/** Identifiers compared in one canonical form: a UUID anywhere in a parameter, a query or a body is lower case. */
export function canonicalIdentifiers<T>(value: T): T {
  if (typeof value === 'string') return (UUID.test(value) ? value.toLowerCase() : value) as T;
  if (Array.isArray(value)) {
    value.forEach((item, i) => (value[i] = canonicalIdentifiers(item)));
    return value;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = canonicalIdentifiers(record[key]);
  }
  return value;
}

/** Strict input validation: unknown fields and wrong types are refused, every offending field is named. */
class FormaValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result = await super.transform(value, metadata);
    if (metadata.type === 'custom') return result;
    const problems = metadata.type === 'body' ? nestedShapeProblems(metadata.metatype, result) : [];
    if (problems.length) throw invalid(problems);
    return canonicalIdentifiers(result);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new FormaValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => invalid(toFieldProblems(errors)),
  });
}
