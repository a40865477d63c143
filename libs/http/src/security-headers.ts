import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The security headers of every answer (issue 22), by helmet: a content security policy that names no other origin
 * but `connectTo` (the académie's identity provider, whose token endpoint the admin app calls) — the OpenAPI page at
 * /docs and the admin app served on the same origin load their scripts, styles, fonts and images from it; Swagger UI's
 * icons are data: URIs and its styles partly inline —, no framing, no MIME sniffing, no referrer outside the origin,
 * HSTS (ignored by browsers over plain HTTP), and no `X-Powered-By`.
 */
export function securityHeaders(connectTo: readonly string[] = []): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        // the admin app's sign-in calls the académie's provider (its token endpoint), when there is one
        'connect-src': ["'self'", ...connectTo],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}
