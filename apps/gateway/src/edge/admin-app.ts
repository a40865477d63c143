import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What stays the API's: everything else under / is the admin app's. */
const API_PATHS = /^\/(api|health|docs|verification|metrics)(\/|$)/;

/**
 * The admin app (apps/admin, built into dist/admin) on the gateway's own origin: its files, and its page for any other
 * path (the app routes in the browser). The gateway's security headers (a content security policy naming no other
 * origin) apply to it as to the API. Nothing is served when the app is not built.
 */
export function adminApp(directory = process.env.ADMIN_DIR ?? resolve('dist/admin')): RequestHandler | undefined {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return undefined;
  const files = express.static(directory, { index: false, maxAge: '1h' });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (API_PATHS.test(request.path)) return next();
    files(request, response, () => {
      response.setHeader('cache-control', 'no-cache');
      response.sendFile(page);
    });
  };
}
