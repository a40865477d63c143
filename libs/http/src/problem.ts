import { HttpException } from '@nestjs/common';

/** One offending field of a request: where, which rule, and a French message. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/**
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
