import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CORRELATION_ID_HEADER, currentContext } from './request-context';

/**
 * Requests that are anonymous acts (an evaluation's answer, issue 22): no access log line at all, since a line would
 * carry its time to the millisecond, the caller's address and a correlation id that other lines of the caller share.
 */
export const ANONYMOUS_REQUESTS = /\/evaluation\/answers\/?(\?|$)/;

/**
 * Structured JSON logs (pino) for one service. Every line carries the service name and, inside a request or an
 * event handler, the correlation id. `LOG_LEVEL` sets the level; `LOG_PRETTY` is not offered on purpose: pipe to
 * pino-pretty when reading by hand.
 */
@Module({})
export class ObservabilityLoggerModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityLoggerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: process.env.LOG_LEVEL ?? 'info',
            base: { service },
            genReqId: (req: IncomingMessage) => {
              const header = req.headers[CORRELATION_ID_HEADER];
              return (Array.isArray(header) ? header[0] : header) || randomUUID();
            },
            customProps: () => ({ correlationId: currentContext()?.correlationId }),
            mixin: () => {
              const context = currentContext();
              return context ? { correlationId: context.correlationId } : {};
            },
            autoLogging: {
              ignore: (req: IncomingMessage) => req.url === '/health' || ANONYMOUS_REQUESTS.test(req.url ?? ''),
            },
            redact: ['req.headers.authorization', 'req.headers["x-forma-identity"]'],
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
