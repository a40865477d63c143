import type { NextFunction, Request, Response } from 'express';

/** How long an answer given early waits for the rest of its request's body (nginx's `lingering_time` is 30 s too). */
export const LINGER_MS = 30_000;

/**
 * An answer given before its request's body has all arrived (a file refused from its first bytes, a 401, a 413) ends
 * only once the body has been read and thrown away, or after LINGER_MS: Node closes the connection right after the
 * answer when the caller asked `Connection: close` (curl, supertest, many HTTP clients do), and a caller still
 * sending then gets EPIPE or ECONNRESET instead of the answer (seen under load in the tests, issue 28). This is what
 * proxies call a lingering close. The answer itself leaves at once; only the end of the exchange waits. Nothing is
 * kept: the bytes are read and dropped.
 */
export function lingeringClose(request: Request, response: Response, next: NextFunction): void {
  const end = response.end.bind(response) as (...args: unknown[]) => Response;
  response.end = ((...args: unknown[]) => {
    if (request.complete || request.destroyed || !hasBody(request) || !closesAfter(request)) return end(...args);
    // the answer leaves now (its last chunk written), only its end waits: a caller reads it whole, Content-Length set
    const [chunk, encoding] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      response.write(chunk as Buffer | string, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding);
    }
    const callback = args.find((arg) => typeof arg === 'function');
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.off('end', finish).off('close', finish).off('error', finish);
      end(...(callback ? [callback] : []));
    };
    const timer = setTimeout(finish, LINGER_MS);
    timer.unref();
    request.once('end', finish).once('close', finish).once('error', finish);
    // whoever was reading it (a parser, a relay) has stopped: the rest is read and dropped
    if (request.readableFlowing !== true) request.resume();
    return response;
  }) as Response['end'];
  next();
}

/** Kept alive, the connection stays open after the answer and Node reads the rest itself: nothing to do then. */
function closesAfter(request: Request): boolean {
  return request.httpVersion === '1.0' || /\bclose\b/i.test(request.headers.connection ?? '');
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
