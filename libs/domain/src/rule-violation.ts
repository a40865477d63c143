/**
 * What a business rule says when it refuses: a stable machine code, a French message for people, and the fields it
 * names. Domain code throws or returns these; it knows nothing of HTTP. The edge (libs/http's problem filter) maps the
 * kind to a status, once:
 *
 * | kind | meaning | HTTP |
 * | --- | --- | --- |
 * | `invalid` | the input breaks a rule of its own (a field, a format, a prerequisite) | 422 |
 * | `not_found` | what it names does not exist (or not for this caller) | 404 |
 * | `conflict` | the current state forbids it (already done, closed, version changed) | 409 |
 * | `forbidden` | the caller may not do this to this thing | 403 |
 * | `unavailable` | not possible yet, retry later (a replica still arriving) | 503 |
 * | `precondition` | a required precondition of the request is missing (If-Match) | 428 |
 * | `too_large` | the input is larger than allowed | 413 |
 * | `unsupported` | the input is not of a kind the rule reads (not a CSV) | 415 |
 * | `bad_request` | the request itself is unreadable | 400 |
 */
export type ViolationKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unavailable'
  | 'precondition'
  | 'too_large'
  | 'unsupported'
  | 'bad_request';

/** One offending field: where, which rule, and a French message. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

export class RuleViolation extends Error {
  constructor(
    readonly kind: ViolationKind,
    readonly code: string,
    message: string,
    readonly errors: FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'RuleViolation';
  }

  /** The same violation, naming one field (the rule's code as the field's rule). */
  static onField(
    kind: ViolationKind,
    code: string,
    message: string,
    field: string,
    fieldMessage = message,
  ): RuleViolation {
    return new RuleViolation(kind, code, message, [{ field, rule: code, message: fieldMessage }]);
  }
}

export function isRuleViolation(value: unknown): value is RuleViolation {
  return value instanceof RuleViolation;
}
