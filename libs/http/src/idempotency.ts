import { sqlMigration } from '@forma/persistence';
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, Observable, of, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { isRuleViolation, sha256Hex } from '@forma/domain';
import { VIOLATION_STATUS } from './problem-details.filter';
import { FieldProblem, ProblemError } from './problem';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Stored answers to creating POSTs, per caller and key, in each service's database. */
export const CreateIdempotencyTable1764000000100 = sqlMigration('CreateIdempotencyTable1764000000100', {
  up: [
    `
      CREATE TABLE idempotency_key (
        caller        text NOT NULL,
        key           text NOT NULL,
        request_hash  text NOT NULL,
        status        integer,
        response      jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, key)
      )`,
  ],
  down: ['DROP TABLE idempotency_key'],
});

/**
 * Honours `Idempotency-Key` on a creating POST: the first request runs and its answer is stored; a retry with the
 * same key and body gets the same answer without a second effect; the same key with another body is refused (422);
 * a retry while the first is still running gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { identity?: { sub: string } }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (!key) return next.handle();
    if (key.length > 200) {
      throw new ProblemError(400, 'invalid_idempotency_key', "L'en-tête Idempotency-Key dépasse 200 caractères.", [
        { field: 'Idempotency-Key', rule: 'maxLength', message: 'Idempotency-Key : trop long' },
      ]);
    }
    const caller = `${request.identity?.sub ?? 'anonymous'} ${request.method} ${request.route?.path ?? request.path}`;
    // the query counts too: an upload's body is a stream, not read here (its target, the query, is what is compared)
    const hash = sha256Hex(JSON.stringify([request.query ?? {}, request.body ?? null]));
    return from(this.claim(caller, key, hash)).pipe(
      switchMap((stored) => {
        if (stored) {
          response.setHeader('Idempotent-Replayed', 'true');
          const refused = (stored.response as { refused?: StoredRefusal } | null)?.refused;
          if (refused) throw new ProblemError(stored.status, refused.code, refused.message, refused.errors);
          response.status(stored.status);
          return of(stored.response);
        }
        // the answer is stored before it is sent: a retry that follows the first answer at once must find it (a store
        // left to run after the answer made such a retry 409 `idempotency_in_progress`, seen under load)
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            await this.store(caller, key, response.statusCode, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            // a rule's refusal (4xx) is the first answer too, and is replayed; anything else may succeed on a retry
            const refused = refusalOf(error);
            if (refused) await this.store(caller, key, refused.status, { refused: refused.body });
            else await this.release(caller, key);
            throw error;
          }),
        );
      }),
    );
  }

  private async claim(
    caller: string,
    key: string,
    hash: string,
  ): Promise<{ status: number; response: unknown } | undefined> {
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_key (caller, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [caller, key, hash],
    );
    if (inserted.length) return undefined;
    const [row] = await this.dataSource.query(
      'SELECT request_hash, status, response FROM idempotency_key WHERE caller = $1 AND key = $2',
      [caller, key],
    );
    if (!row) return this.claim(caller, key, hash); // released in between: try again
    if (row.request_hash !== hash) {
      throw new ProblemError(
        422,
        'idempotency_key_reused',
        "Cette clé d'idempotence a déjà servi pour une autre requête.",
      );
    }
    if (row.status === null) {
      throw new ProblemError(409, 'idempotency_in_progress', 'Une requête avec cette clé est déjà en cours.');
    }
    return { status: row.status, response: row.response };
  }

  private store(caller: string, key: string, status: number, body: unknown) {
    return this.dataSource.query(
      'UPDATE idempotency_key SET status = $3, response = $4 WHERE caller = $1 AND key = $2',
      [caller, key, status, JSON.stringify(body ?? null)],
    );
  }

  private release(caller: string, key: string) {
    return this.dataSource.query('DELETE FROM idempotency_key WHERE caller = $1 AND key = $2 AND status IS NULL', [
      caller,
      key,
    ]);
  }
}

interface StoredRefusal {
  code: string;
  message: string;
  errors: FieldProblem[];
}

/** A 4xx refusal as it is stored for a replay (a rule's violation or an HTTP problem), or undefined. */
function refusalOf(error: unknown): { status: number; body: StoredRefusal } | undefined {
  if (isRuleViolation(error)) {
    const status = VIOLATION_STATUS[error.kind];
    return status < 500
      ? { status, body: { code: error.code, message: error.message, errors: [...error.errors] } }
      : undefined;
  }
  if (error instanceof ProblemError && error.getStatus() < 500 && error.code !== 'idempotency_in_progress') {
    return { status: error.getStatus(), body: { code: error.code, message: error.message, errors: error.errors } };
  }
  return undefined;
}

/** Marks a creating POST as honouring `Idempotency-Key`. */
export const IdempotentCreate = () =>
  applyDecorators(
    SetMetadata('forma:idempotent', true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête.',
    }),
  );
