import { CORRELATION_ID_HEADER, newCorrelationId, runWithContext } from '@forma/observability';
import type { NextFunction, Request, Response } from 'express';

/** Gives every request a correlation id (the caller's `x-correlation-id`, else a new one) for its logs and events. */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const header = request.header(CORRELATION_ID_HEADER);
  const correlationId = header && /^[\w.:-]{1,100}$/.test(header) ? header : newCorrelationId();
  request.headers[CORRELATION_ID_HEADER] = correlationId;
  response.setHeader(CORRELATION_ID_HEADER, correlationId);
  runWithContext({ correlationId }, () => next());
}
