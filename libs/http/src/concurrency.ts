import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemError } from './problem';

/** `ETag: "7"` for a row at version 7: what a client sends back in `If-Match` to update it. */
export function setVersionTag(response: Response, rowVersion: number): void {
  response.setHeader('ETag', `"${rowVersion}"`);
}

/** The version in `If-Match` (`"7"`, `W/"7"` or `7`), or undefined when the header is absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) {
    throw new ProblemError(400, 'invalid_if_match', "L'en-tête If-Match doit porter la version lue (ETag).", [
      { field: 'If-Match', rule: 'etag', message: 'If-Match : version attendue, par exemple "3"' },
    ]);
  }
  return Number(match[1]);
}

/** The version the caller read (`If-Match`), required: a write without it could silently overwrite another. */
export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext): number => {
  const request = context.switchToHttp().getRequest<Request>();
  const version = parseIfMatch(request.header('if-match'));
  if (version === undefined) {
    throw new ProblemError(
      428,
      'precondition_required',
      "Indiquez la version lue dans l'en-tête If-Match (ETag de la ressource).",
      [{ field: 'If-Match', rule: 'required', message: 'If-Match : obligatoire pour modifier' }],
    );
  }
  return version;
});
