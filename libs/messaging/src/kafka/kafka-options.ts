import { Logger } from '@nestjs/common';
import { KafkaConfig, logLevel, LogEntry } from 'kafkajs';

/** Brokers from `KAFKA_BROKERS` (comma-separated), defaulting to the broker tools/kafka/kafka.sh starts. */
export function kafkaBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** kafkajs logs through the Nest logger, so they land in the service's structured log. */
function kafkajsLogCreator() {
  const logger = new Logger('kafkajs');
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const line = `${message} ${JSON.stringify(extra)}`;
      // Producers here are idempotent with bounded retries on purpose: a send that fails is retried by the outbox
      // relay and deduplicated by the consumers' inbox, so kafkajs's warning about exactly-once does not apply.
      if (message.startsWith('Limiting retries for the idempotent producer')) logger.debug(line);
      else if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else logger.debug(line);
    };
}

export function kafkaConfig(clientId: string, brokers = kafkaBrokers()): KafkaConfig {
  return {
    clientId,
    brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10000 },
    logLevel: logLevel.WARN,
    logCreator: kafkajsLogCreator(),
  };
}
