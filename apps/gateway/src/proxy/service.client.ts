import { Identity, INTERNAL_IDENTITY_HEADER, InternalIdentitySigner } from '@forma/auth';
import { IDEMPOTENCY_HEADER, ProblemError } from '@forma/http';
import { CORRELATION_ID_HEADER, currentContext } from '@forma/observability';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, Dispatcher, request as send } from 'undici';
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
  /** Where an event stream resumes (Server-Sent Events: the last event's id the browser received). */
  lastEventId?: string;
}

/**
 * An upload as undici sends it: through a stream of its own, so that when the service answers before reading it all
 * (a file refused from its first bytes) and undici drops the rest, the caller's request is drained rather than
 * destroyed (destroyed, the caller's connection breaks while it is still sending: EPIPE instead of the answer).
 */
function relayed(source: Readable): Readable {
  const through = new PassThrough();
  source.on('error', (error) => through.destroy(error));
  source.pipe(through);
  through.on('close', () => {
    if (source.readableEnded) return;
    source.unpipe(through);
    source.resume();
  });
  return through;
}

/** Calls a service over HTTP with the caller's identity (signed), the correlation id and the idempotency key. */
@Injectable()
export class ServiceClient implements OnModuleDestroy {
  private readonly logger = new Logger(ServiceClient.name);
  /**
   * undici's own client (fetch is built on it, at several times its CPU per call: web streams, an AbortSignal per
   * call): kept-alive connections to each service, two minutes for its answer to start and between chunks.
   */
  private readonly agent = new Agent({ headersTimeout: 120_000, bodyTimeout: 120_000, keepAliveTimeout: 10_000 });

  constructor(private readonly signer: InternalIdentitySigner) {}

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  /** Forwards and writes the service's answer (status, body, problem+json included) to `response`. */
  async forward(service: ServiceName, request: ForwardedRequest, response: Response): Promise<void> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      [CORRELATION_ID_HEADER]: currentContext()?.correlationId ?? '',
    };
    // a public route (an attestation's verification) is forwarded without an identity: the service's route is public
    // too
    if (request.identity) headers[INTERNAL_IDENTITY_HEADER] = this.signer.sign(request.identity);
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.raw) headers['content-type'] = request.raw.contentType;
    if (request.idempotencyKey) headers[IDEMPOTENCY_HEADER] = request.idempotencyKey;
    if (request.ifMatch) headers['if-match'] = request.ifMatch;
    if (request.lastEventId) headers['last-event-id'] = request.lastEventId;
    let answer: Dispatcher.ResponseData;
    try {
      answer = await send(`${serviceUrl(service)}${request.path}`, {
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body: request.raw
          ? relayed(request.raw.stream)
          : request.body === undefined
            ? undefined
            : JSON.stringify(request.body),
        dispatcher: this.agent,
      });
    } catch (error) {
      this.logger.warn(`${service} unreachable: ${(error as Error).message}`);
      throw new ProblemError(503, 'service_unavailable', `Le service ${service} est momentanément indisponible.`);
    }
    const header = (name: string) => {
      const value = answer.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    response.status(answer.statusCode);
    const type = header('content-type');
    if (type) response.type(type);
    const replayed = header('idempotent-replayed');
    if (replayed) response.setHeader('Idempotent-Replayed', replayed);
    for (const name of [
      'etag',
      'location',
      'content-disposition',
      'x-next-cursor',
      'x-has-more',
      'x-held-back-seconds',
      // an event stream (a live bilan) goes through as it is written: never cached, never held by a proxy
      'cache-control',
      'x-accel-buffering',
    ]) {
      const value = header(name);
      if (value) response.setHeader(name, value);
    }
    // streamed through: a rejected-rows report or an export may be large, an event stream lasts
    if (type?.startsWith('text/event-stream')) response.flushHeaders();
    await pipeline(answer.body, response).catch((error: NodeJS.ErrnoException) => {
      // the browser left an event stream (a page closed): the service's side is closed with it
      if (type?.startsWith('text/event-stream') && response.destroyed) return;
      throw error;
    });
  }
}
