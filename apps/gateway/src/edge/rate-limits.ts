import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { currentContext } from '@forma/observability';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit, Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';

const WINDOW_MS = 60_000;

/**
 * Limits per client address on the routes anyone may call without a token (issue 22): an attestation's verification
 * (its JSON and its page) and sign-in (the development issuer; the académie's identity provider limits its own). A
 * call over the limit is answered 429 `rate_limited` as problem+json, with `Retry-After` and the `RateLimit` headers.
 *
 * The counters live in Redis when RATE_LIMIT_REDIS_URL is set, so that every replica of the gateway counts the same
 * calls: Redis rather than PostgreSQL because the gateway owns no database (it keeps nothing but users' sessions), a
 * counter is a key that Redis expires by itself at the end of its window (no table to purge), and INCR is atomic.
 * Without it (one gateway, development, tests), each process counts its own calls in memory. Redis unreachable, calls
 * pass and the error is logged: verification and sign-in stay available.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private readonly redis?: ReturnType<typeof createClient>;
  readonly publicRoutes: RequestHandler;
  readonly signIn: RequestHandler;

  constructor(config: ConfigService) {
    const url = config.get<string>('RATE_LIMIT_REDIS_URL');
    if (url) {
      this.redis = createClient({ url });
      this.redis.on('error', (error: Error) => this.logger.warn(`rate limits' Redis: ${error.message}`));
      void this.redis.connect().catch((error: Error) => this.logger.warn(`rate limits' Redis: ${error.message}`));
    }
    const prefix = `forma:${config.get<string>('FORMA_INSTANCE') ?? 'default'}:rate`;
    this.publicRoutes = this.limiter('public', Number(config.get('RATE_LIMIT_PUBLIC_PER_MINUTE') ?? 60), prefix);
    this.signIn = this.limiter('sign-in', Number(config.get('RATE_LIMIT_SIGN_IN_PER_MINUTE') ?? 20), prefix);
  }

  private limiter(name: string, limit: number, prefix: string): RequestHandler {
    const redis = this.redis;
    const store: Store | undefined = redis
      ? new RedisStore({ prefix: `${prefix}:${name}:`, sendCommand: (...args: string[]) => redis.sendCommand(args) })
      : undefined;
    return rateLimit({
      windowMs: WINDOW_MS,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      passOnStoreError: true,
      ...(store ? { store } : {}),
      handler: (request: Request, response: Response) => {
        const detail = 'Trop de demandes depuis votre adresse : réessayez dans une minute.';
        response
          .status(429)
          .type('application/problem+json')
          .json({
            type: 'urn:forma:problem:rate_limited',
            title: detail,
            status: 429,
            detail,
            code: 'rate_limited',
            instance: request.originalUrl.split('?')[0],
            correlationId: currentContext()?.correlationId,
          });
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.quit().catch(() => undefined);
  }
}
