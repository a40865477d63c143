import { EventDefinition } from '@forma/contracts';
import { clockFrom } from '@forma/domain';
import { HealthProbe } from '@forma/observability';
import { DatabaseConnector, databaseUrlFor } from '@forma/persistence';
import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  INestApplication,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaEventServer, KafkaEventServerOptions } from './inbox/kafka-event.server';
import { RethrowEventErrorsFilter } from './inbox/rethrow-event-errors.filter';
import { KafkaHealthProbe } from './kafka/kafka-health.probe';
import { kafkaBrokers, kafkaConfig } from './kafka/kafka-options';
import { EventPublisher } from './outbox/event-publisher.port';
import { OutboxEventPublisher } from './outbox/outbox.publisher';
import { ThreadedOutboxRelay } from './outbox/outbox-relay.thread';
import { OutboxRelay, RelayControl } from './outbox/outbox.relay';

export const KAFKA = Symbol('KAFKA');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingModuleOptions {
  /** The service's name: envelope `source`, Kafka client id and consumer group. */
  service: string;
  /** Events this service publishes: their topics are created at start. */
  publishes: EventDefinition[];
  /** Overrides `KAFKA_BROKERS`. */
  brokers?: string[];
  /** Set to false where a process must not relay (a read-only replica, some tests). Default true. */
  relay?: boolean;
  /**
   * Where the relay runs: `thread` (a worker thread, the default) or `inline` (the main event loop). Overridden by
   * `OUTBOX_RELAY_MODE`.
   */
  relayMode?: 'thread' | 'inline';
}

/** Runs the outbox relay for the lifetime of the application, once the database is usable. */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown, HealthProbe {
  readonly name = 'outbox';
  readonly relay: RelayControl;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly database: DatabaseConnector,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {
    const databaseUrl = (dataSource.options as { url?: string }).url ?? databaseUrlFor(options.service);
    const topics = [...new Set(options.publishes.map((d) => d.topic))];
    const mode = process.env.OUTBOX_RELAY_MODE ?? options.relayMode ?? 'thread';
    this.relay =
      mode === 'inline'
        ? new OutboxRelay({ kafka, databaseUrl, topics })
        : new ThreadedOutboxRelay({
            clientId: `forma-${options.service}-relay`,
            brokers: options.brokers ?? kafkaBrokers(),
            databaseUrl,
            topics,
          });
  }

  onApplicationBootstrap(): void {
    if (this.options.relay === false) return;
    void this.database.ready.then(() => this.relay.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  /** The relay's state, and the outbox's backlog: how many events wait to be sent, and for how long the oldest has. */
  async probe() {
    const [backlog] = (await this.dataSource
      .query(
        `SELECT COALESCE(sum(cardinality(event_ids)), 0)::int AS backlog, COALESCE(extract(epoch FROM now() - min(created_at)), 0)::int AS "oldestSeconds"
           FROM outbox_message`,
      )
      .catch(() => [{ backlog: null, oldestSeconds: null }])) as {
      backlog: number | null;
      oldestSeconds: number | null;
    }[];
    return { up: this.relay.healthy, detail: this.relay.error, info: backlog };
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => new Kafka(kafkaConfig(`forma-${options.service}`, options.brokers)) },
        // the service's clock, from the same setting as its Clock provider (FORMA_CLOCK)
        {
          provide: EventPublisher,
          useFactory: () => new OutboxEventPublisher(options.service, clockFrom(process.env.FORMA_CLOCK)),
        },
        { provide: KafkaHealthProbe, useFactory: (kafka: Kafka) => new KafkaHealthProbe(kafka), inject: [KAFKA] },
        OutboxRelayHost,
      ],
      exports: [KAFKA, EventPublisher, KafkaHealthProbe, OutboxRelayHost],
    };
  }
}

/**
 * Attaches the Kafka event consumer to a Nest application: its `@HandleEvent` handlers start receiving events once
 * the database is ready. Call before `app.startAllMicroservices()`.
 */
export function connectEventConsumer(
  app: INestApplication,
  groupId: string,
  overrides: Partial<KafkaEventServerOptions> = {},
): KafkaEventServer {
  const server = new KafkaEventServer({
    kafka: app.get<Kafka>(KAFKA),
    dataSource: app.get(DataSource),
    ready: app.get(DatabaseConnector).ready,
    groupId,
    ...overrides,
  });
  // Not inheriting the HTTP app's filters and pipes: events are validated against libs/contracts by the server, and
  // a handler's error must reach the retry and dead-letter path as it was thrown.
  // Listeners are created with the filters known at that moment, hence deferInitialization then registerListeners.
  const microservice = app.connectMicroservice(
    { strategy: server },
    { inheritAppConfig: false, deferInitialization: true },
  );
  microservice.useGlobalFilters(new RethrowEventErrorsFilter());
  const hybrid = microservice as unknown as {
    registerListeners(): void;
    setIsInitialized(value: boolean): void;
    setIsInitHookCalled(value: boolean): void;
  };
  hybrid.registerListeners();
  hybrid.setIsInitialized(true);
  hybrid.setIsInitHookCalled(true); // the application runs the init hooks once, not the microservice again
  return server;
}
