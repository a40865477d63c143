import { Identity, INTERNAL_IDENTITY_HEADER, InternalIdentitySigner } from '@forma/auth';
import { IDEMPOTENCY_HEADER, ProblemError } from '@forma/http';
import { CORRELATION_ID_HEADER, currentContext } from '@forma/observability';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ServiceName, serviceUrl } from '../gateway.environment';

export interface ForwardedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  identity: Identity;
  body?: unknown;
  idempotencyKey?: string;
}

/** Calls a service over HTTP with the caller's identity (signed), the correlation id and the idempotency key. */
@Injectable()
export class ServiceClient {
  private readonly logger = new Logger(ServiceClient.name);

  constructor(private readonly signer: InternalIdentitySigner) {}

  /** Forwards and writes the service's answer (status, body, problem+json included) to `response`. */
  async forward(service: ServiceName, request: ForwardedRequest, response: Response): Promise<void> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      [INTERNAL_IDENTITY_HEADER]: this.signer.sign(request.identity),
      [CORRELATION_ID_HEADER]: currentContext()?.correlationId ?? '',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey) headers[IDEMPOTENCY_HEADER] = request.idempotencyKey;
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${serviceUrl(service)}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(30000),
      });
    } catch (error) {
      this.logger.warn(`${service} unreachable: ${(error as Error).message}`);
      throw new ProblemError(503, 'service_unavailable', `Le service ${service} est momentanément indisponible.`);
    }
    response.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) response.type(type);
    const replayed = answer.headers.get('idempotent-replayed');
    if (replayed) response.setHeader('Idempotent-Replayed', replayed);
    response.send(Buffer.from(await answer.arrayBuffer()));
  }
}
