// The outbox relay's worker thread: the same OutboxRelay, with its own kafkajs producer and database connections, so
// encoding and sending tens of thousands of events never holds the service's event loop (see outbox-relay.thread.ts).
import { Logger, LoggerService } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { kafkaConfig } from '../kafka/kafka-options';
import { OutboxRelay } from './outbox.relay';
import type { RelayThreadSettings, RelayThreadMessage } from './outbox-relay.thread';

// The thread's Nest loggers (relay, kafkajs) write the service's JSON log lines, at the service's LOG_LEVEL.
const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid, thread: 'outbox-relay' } });
const toPino: LoggerService = {
  log: (message: unknown, context?: string) => log.info({ context }, String(message)),
  error: (message: unknown, ...rest: unknown[]) => log.error({ context: rest[rest.length - 1] }, String(message)),
  warn: (message: unknown, context?: string) => log.warn({ context }, String(message)),
  debug: (message: unknown, context?: string) => log.debug({ context }, String(message)),
  verbose: (message: unknown, context?: string) => log.trace({ context }, String(message)),
};
Logger.overrideLogger(toPino);

const settings = workerData as RelayThreadSettings;
const port = parentPort!;
const relay = new OutboxRelay({
  kafka: new Kafka(kafkaConfig(settings.clientId, settings.brokers)),
  databaseUrl: settings.databaseUrl,
  topics: settings.topics,
  batchSize: settings.batchSize,
  pollIntervalMs: settings.pollIntervalMs,
  onStatus: (status) => port.postMessage({ kind: 'status', status } satisfies RelayThreadMessage),
});
port.on('message', (message: RelayThreadMessage) => {
  if (message.kind !== 'stop') return;
  void relay.stop().then(() => {
    port.postMessage({ kind: 'stopped' } satisfies RelayThreadMessage);
    port.close();
  });
});
relay.start();
