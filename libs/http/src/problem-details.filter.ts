import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isRuleViolation, ViolationKind } from '@forma/domain';
import { currentContext } from '@forma/observability';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { FieldProblem, ProblemError } from './problem';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  correlationId?: string;
  errors?: FieldProblem[];
}

const DEFAULT_CODES: Record<number, [string, string]> = {
  400: ['bad_request', 'Requête invalide.'],
  401: ['unauthenticated', 'Authentification requise.'],
  403: ['forbidden', 'Accès refusé.'],
  404: ['not_found', 'Ressource introuvable.'],
  405: ['method_not_allowed', 'Méthode non autorisée.'],
  409: ['conflict', 'Conflit avec l’état actuel de la ressource.'],
  413: ['payload_too_large', 'Requête trop volumineuse.'],
  415: ['unsupported_media_type', 'Type de contenu non pris en charge.'],
  422: ['unprocessable', 'Requête impossible à traiter.'],
  429: ['too_many_requests', 'Trop de requêtes.'],
  503: ['service_unavailable', 'Service momentanément indisponible.'],
};

/** The one place where a rule's refusal becomes an HTTP status (see RuleViolation in libs/domain). */
export const VIOLATION_STATUS: Record<ViolationKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  precondition: 428,
  too_large: 413,
  unsupported: 415,
  bad_request: 400,
};

/** Every error of the HTTP API as application/problem+json, French text beside a stable code. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, request: Request): Problem {
    const base = { instance: request.originalUrl.split('?')[0], correlationId: currentContext()?.correlationId };
    if (isRuleViolation(exception)) {
      const { code, message: detail, errors } = exception;
      const status = VIOLATION_STATUS[exception.kind];
      return {
        ...base,
        type: `urn:forma:problem:${code}`,
        title: detail,
        status,
        detail,
        code,
        ...(errors.length ? { errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const [fallbackCode, fallbackMessage] = DEFAULT_CODES[status] ?? ['error', 'Erreur.'];
      const payload = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const code = typeof payload.code === 'string' ? payload.code : fallbackCode;
      const detail = typeof payload.message === 'string' && payload.code ? payload.message : fallbackMessage;
      const errors =
        Array.isArray(payload.errors) && payload.errors.length ? (payload.errors as FieldProblem[]) : undefined;
      return {
        ...base,
        type: `urn:forma:problem:${code}`,
        title: detail,
        status,
        detail,
        code,
        ...(errors ? { errors } : {}),
      };
    }
    if (isDatabaseUnavailable(exception)) {
      const detail = 'La base de données du service est indisponible ; réessayez dans un instant.';
      return {
        ...base,
        type: 'urn:forma:problem:database_unavailable',
        title: detail,
        status: 503,
        detail,
        code: 'database_unavailable',
      };
    }
    const detail = 'Erreur interne du service.';
    return {
      ...base,
      type: 'urn:forma:problem:internal_error',
      title: detail,
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail,
      code: 'internal_error',
    };
  }
}

/** What each of the body parser's refusals is called, its status and its French text: nothing of the body echoed. */
const BODY_PARSER_PROBLEMS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'payload_too_large', DEFAULT_CODES[413][1]],
  'entity.too.deep': [400, 'json_too_deep', 'Le corps JSON est imbriqué trop profondément (64 niveaux au plus).'],
  'entity.parse.failed': [400, 'invalid_json', "Le corps de la requête n'est pas un JSON valide."],
  'entity.verify.failed': [400, 'invalid_json', "Le corps de la requête n'est pas un JSON valide."],
  'charset.unsupported': [
    415,
    'unsupported_charset',
    'Jeu de caractères non pris en charge : envoyez le JSON en UTF-8.',
  ],
  'encoding.unsupported': [
    415,
    'unsupported_encoding',
    'Les corps compressés ne sont pas acceptés : envoyez-le sans Content-Encoding.',
  ],
  'request.size.invalid': [
    400,
    'invalid_content_length',
    'La longueur du corps ne correspond pas à l’en-tête Content-Length.',
  ],
  'request.aborted': [400, 'request_aborted', 'La requête a été interrompue avant la fin de son corps.'],
  'stream.encoding.set': [400, 'invalid_body', 'Corps de requête illisible.'],
};

/** The problem for a body the JSON parser refused (used by the parser's own error handler, see bootstrap). */
export function bodyParserProblem(error: { type: string; status: number; message: string }, request: Request): Problem {
  const [status, code, detail] = BODY_PARSER_PROBLEMS[error.type] ?? [
    400,
    'invalid_body',
    'Corps de requête illisible.',
  ];
  return problemOf(request, status, code, detail);
}

function problemOf(request: Request, status: number, code: string, detail: string, errors?: FieldProblem[]): Problem {
  return {
    instance: request.originalUrl.split('?')[0],
    correlationId: currentContext()?.correlationId,
    type: `urn:forma:problem:${code}`,
    title: detail,
    status,
    detail,
    code,
    ...(errors?.length ? { errors } : {}),
  };
}

/** Express error handler placed right after the JSON parser: answers unreadable bodies as problem+json. */
export function jsonBodyErrorHandler(
  error: unknown,
  request: Request,
  response: Response,
  next: (e?: unknown) => void,
): void {
  if (error instanceof ProblemError) {
    const body = error.getResponse() as { code: string; message: string; errors: FieldProblem[] };
    response
      .status(error.getStatus())
      .type('application/problem+json')
      .json(problemOf(request, error.getStatus(), body.code, body.message, body.errors));
    return;
  }
  if (!isBodyParserError(error)) return next(error);
  const problem = bodyParserProblem(error, request);
  response.status(problem.status).type('application/problem+json').json(problem);
}

function isBodyParserError(e: unknown): e is { type: string; status: number; message: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    'type' in e &&
    'status' in e &&
    typeof (e as { type: unknown }).type === 'string' &&
    String((e as { type: string }).type) in BODY_PARSER_PROBLEMS
  );
}

function isDatabaseUnavailable(e: unknown): boolean {
  if (e instanceof QueryFailedError) return false;
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? '';
  return (
    name === 'CannotExecuteNotConnectedError' || /ECONNREFUSED|Connection terminated|not initialized/i.test(message)
  );
}
