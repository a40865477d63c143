import { connectEventConsumer } from '@forma/messaging';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IEntryNestModule } from '@nestjs/core/nest-factory';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { committedAnswers, withAnswers } from './answers';
import { Logger as PinoLogger } from 'nestjs-pino';
import {
  correlationMiddleware,
  createValidationPipe,
  jsonBodyErrorHandler,
  jsonDepthCheck,
  lingeringClose,
  ProblemDetailsFilter,
  refuseContentEncoding,
  refuseUnstorableCharacters,
  securityHeaders,
} from '@forma/http';
import { HealthRegistry } from './health.module';
import { AppName, manifestOf } from './service-manifest';
import { json } from 'express';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:net';

export interface ServiceAppOptions {
  /**
   * App name from the service manifest: logs, OpenAPI title, default port, consumer group
   * `forma-<service>[-<FORMA_INSTANCE>]`.
   */
  service: AppName;
  description: string;
  /** Attach the Kafka event consumer (services with @HandleEvent handlers). */
  consumesEvents: boolean;
  /** Let the broker gather events into larger batches (KafkaEventServerOptions.fetchBatching). */
  fetchBatching?: { minBytes: number; maxWaitMs: number };
  /** Silence Nest's own start-up logs (tests). */
  quiet?: boolean;
  /** What /docs serves, from the app's own generated document (the gateway adds the routes it forwards). */
  openApi?: (own: OpenAPIObject) => OpenAPIObject;
  /** Origins the pages served may call besides their own (the gateway: the académie's identity provider). */
  connectTo?: readonly string[];
}

/**
 * The HTTP conventions every app shares: logs, correlation ids, problem+json, strict validation, OpenAPI at /docs.
 * Returns the app's own document (its controllers and DTOs), which `options.openApi` may extend for /docs.
 */
export function configureHttpApp(
  app: INestApplication,
  options: Pick<ServiceAppOptions, 'service' | 'description' | 'openApi' | 'connectTo'>,
): OpenAPIObject {
  app.useLogger(app.get(PinoLogger));
  // an answer given before the body has all arrived waits for it before closing (the caller would get EPIPE)
  app.use(lingeringClose);
  app.use(securityHeaders(options.connectTo));
  app.use(correlationMiddleware);
  // issue 28: a compressed body, a JSON body nested too deep (counted before parsing), a NUL anywhere are refused
  // with a problem+json before any handler, as are the parser's own refusals (charset, length)
  app.use(
    refuseContentEncoding,
    json({ limit: process.env.HTTP_BODY_LIMIT ?? '1mb', verify: jsonDepthCheck }),
    refuseUnstorableCharacters,
    jsonBodyErrorHandler,
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = withAnswers(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(`Forma — ${options.service}`)
        .setDescription(
          `${options.description}\n\nCorps acceptés : JSON en UTF-8 (64 niveaux d’imbrication au plus, ${process.env.HTTP_BODY_LIMIT ?? '1mb'} au plus), ` +
            'CSV, PDF, PNG ou JPEG là où la route le dit (vérifiés par leur contenu) ; aucun Content-Encoding (identity seulement, 415 sinon) ; ' +
            'aucun caractère NUL. Une création accepte Idempotency-Key, une modification d’une ressource versionnée exige If-Match. ' +
            'Toute erreur est en application/problem+json, avec un code stable et un texte en français.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
    committedAnswers(options.service),
  );
  SwaggerModule.setup('docs', app, options.openApi ? options.openApi(document) : document, {
    jsonDocumentUrl: 'docs-json',
  });
  return document;
}

/** Creates a service app ready to listen: HTTP conventions, and the event consumer when it consumes events. */
export async function createServiceApp(
  module: IEntryNestModule,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, {
    bodyParser: false, // configureHttpApp installs the JSON parser with its problem+json error handler
    bufferLogs: !options.quiet,
    logger: options.quiet ? ['error', 'warn'] : undefined,
  });
  configureHttpApp(app, options);
  if (options.consumesEvents) {
    // FORMA_INSTANCE separates environments sharing one cluster (and test runs) into their own consumer groups.
    const instance = process.env.FORMA_INSTANCE ? `-${process.env.FORMA_INSTANCE}` : '';
    const consumer = connectEventConsumer(
      app,
      `forma-${options.service}${instance}`,
      options.fetchBatching ? { fetchBatching: options.fetchBatching } : {},
    );
    app.get(HealthRegistry).add(consumer);
  }
  await app.startAllMicroservices();
  return app;
}

/** `main.ts` of a service: create, listen on PORT (default: the manifest's; HOST, default 127.0.0.1), say where. */
export async function runService(module: IEntryNestModule, options: ServiceAppOptions): Promise<void> {
  const app = await createServiceApp(module, options);
  // a graceful stop finishes the message in flight and commits offsets; if the broker is gone too (npm stop stops both)
  // kafkajs would retry for minutes: after SHUTDOWN_TIMEOUT_MS (15 s) the process exits anyway, as Kubernetes would
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () =>
      setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 15000)).unref(),
    );
  }
  const port = Number(process.env.PORT ?? manifestOf(options.service).port);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  // PORT=0 takes any free port: the one bound is said in the log, and written to FORMA_PORT_FILE when set (tests)
  answerMalformedRequests(app.getHttpServer() as Server);
  const address = (app.getHttpServer() as Server).address();
  const bound = typeof address === 'object' && address ? address.port : port;
  if (process.env.FORMA_PORT_FILE) writeFileSync(process.env.FORMA_PORT_FILE, String(bound));
  new Logger(options.service).log(`listening on http://${host}:${bound} (OpenAPI at /docs, health at /health)`);
}

/**
 * Node answers a request its HTTP parser cannot read (a Content-Length shorter than the body, a header too large) with
 * a bare 400 before any handler: answered as problem+json instead, in French, and the connection closed.
 */
function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const [status, reason, code, detail] = tooLarge
      ? [
          431,
          'Request Header Fields Too Large',
          'headers_too_large',
          'Les en-têtes de la requête sont trop volumineux.',
        ]
      : [
          400,
          'Bad Request',
          'malformed_request',
          'Requête HTTP mal formée (en-têtes ou longueur du corps incohérents).',
        ];
    const body = JSON.stringify({ type: `urn:forma:problem:${code}`, title: detail, status, detail, code });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
