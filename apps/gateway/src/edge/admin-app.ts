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
export function adminApp(
  directory = process.env.ADMIN_DIR ?? resolve('dist/admin'),
  env: NodeJS.ProcessEnv = process.env,
): RequestHandler | undefined {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return undefined;
  const files = express.static(directory, { index: false, maxAge: '1h' });
  const config = JSON.stringify(adminConfig(env));
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (API_PATHS.test(request.path)) return next();
    if (request.path === '/admin-config.json') {
      response.setHeader('cache-control', 'no-cache');
      response.type('application/json').send(config);
      return;
    }
    files(request, response, () => {
      response.setHeader('cache-control', 'no-cache');
      response.sendFile(page);
    });
  };
}

/** How the app signs people in here: read by the page at start (`/admin-config.json`). */
export interface AdminConfig {
  /** The development sign-in (a role and a scope for a token of the development issuer). */
  devSignIn: boolean;
  /** The académie's provider: the authorization code flow with PKCE, for the app's public client. */
  oidc: { authority: string; clientId: string; scope: string } | null;
}

export function adminConfig(env: NodeJS.ProcessEnv): AdminConfig {
  return {
    devSignIn: env.AUTH_DEV_ISSUER_ENABLED === 'true',
    oidc:
      env.ADMIN_OIDC_CLIENT_ID && env.AUTH_JWT_ISSUER
        ? {
            authority: env.AUTH_JWT_ISSUER,
            clientId: env.ADMIN_OIDC_CLIENT_ID,
            scope: env.ADMIN_OIDC_SCOPE ?? 'openid profile email api',
          }
        : null,
  };
}

/** The origins the page may call besides its own: the académie's provider when the app signs in with it. */
export function adminConnectOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const oidc = adminConfig(env).oidc;
  return oidc ? [new URL(oidc.authority).origin] : [];
}
