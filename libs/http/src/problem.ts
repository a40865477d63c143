import { FieldViolation } from '@forma/domain';
import { HttpException } from '@nestjs/common';

/** One offending field of a request: where, which rule, and a French message. */
export type FieldProblem = FieldViolation;

/**
 * An error of the HTTP layer itself (a header, a body, a route), reported as application/problem+json. Business rules
 * throw `RuleViolation` (libs/domain) instead, which the problem filter maps to a status.
 * An error the API reports as application/problem+json (RFC 9457): a stable machine code (`code`, also in `type`),
 * a French message for people, and the offending fields when there are some.
 */
export class ProblemError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super({ code, message, errors }, status);
  }
}
