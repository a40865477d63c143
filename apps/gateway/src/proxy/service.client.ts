import { Identity, INTERNAL_IDENTITY_HEADER, InternalIdentitySigner } from '@forma/auth';
import { IDEMPOTENCY_HEADER, ProblemError } from '@forma/http';
import { CORRELATION_ID_HEADER, currentContext } from '@forma/observability';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceName, serviceUrl } from '../gateway.environment';

export interface ForwardedRequest {
  method: string;
  path: string;
  /** The caller; absent on public routes only. */
  identity?: Identity;
  body?: unknown;
  /** A file upload (text/csv, text/plain...): streamed to the service as it arrives, never buffered here. */
  raw?: { stream: Readable; contentType: string };
  idempotencyKey?: string;
  ifMatch?: string;
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
      [CORRELATION_ID_HEADER]: currentContext()?.correlationId ?? '',
    };
    // a public route (an attestation's verification) is forwarded without an identity: the service's route is public too
    if (request.identity) headers[INTERNAL_IDENTITY_HEADER] = this.signer.sign(request.identity);
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.raw) headers['content-type'] = request.raw.contentType;
    if (request.idempotencyKey) headers[IDEMPOTENCY_HEADER] = request.idempotencyKey;
    if (request.ifMatch) headers['if-match'] = request.ifMatch;
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${serviceUrl(service)}${request.path}`, {
        method: request.method,
        headers,
        body: request.raw
          ? (Readable.toWeb(request.raw.stream) as ReadableStream<Uint8Array>)
          : request.body === undefined
            ? undefined
            : JSON.stringify(request.body),
        signal: AbortSignal.timeout(120000),
        ...(request.raw ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      this.logger.warn(`${service} unreachable: ${(error as Error).message}`);
      throw new ProblemError(503, 'service_unavailable', `Le service ${service} est momentanément indisponible.`);
    }
    response.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) response.type(type);
    const replayed = answer.headers.get('idempotent-replayed');
    if (replayed) response.setHeader('Idempotent-Replayed', replayed);
    for (const header of ['etag', 'location', 'content-disposition', 'x-next-cursor', 'x-has-more']) {
      const value = answer.headers.get(header);
      if (value) response.setHeader(header, value);
    }
    if (!answer.body) {
      response.end();
      return;
    }
    // streamed through: a rejected-rows report or an export may be large
    await pipeline(Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>), response);
  }
}
