// A tiny service used by the messaging integration tests: it publishes counter events through the outbox and
// consumes them with single and batch handlers that write one row per event into `effect`.
import { defineEvent, EventDefinition, EventEnvelope } from '@forma/contracts';
import { DatabaseConnector, PersistenceModule } from '@forma/persistence';
import { Controller, DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { IsBoolean, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  connectEventConsumer,
  MESSAGING_MIGRATIONS,
  EventContext,
  EventPublisher,
  HandleEvent,
  HandleEventBatch,
  KafkaEventServer,
  KafkaEventServerOptions,
  MessagingModule,
  OutboxRelayHost,
} from '../src';

export class CounterPayload {
  @IsString()
  counter!: string;

  @IsInt()
  @Min(0)
  seq!: number;

  @IsOptional()
  @IsBoolean()
  fail?: boolean;

  @IsOptional()
  @IsInt()
  delayMs?: number;
}

export function counterEvents(topic: string) {
  const common = { topic, payload: CounterPayload, key: (d: CounterPayload) => d.counter, version: 1 };
  return {
    incremented: defineEvent({ ...common, type: 'CounterIncremented', description: 'test: one at a time' }),
    bulk: defineEvent({ ...common, type: 'CounterBulkIncremented', description: 'test: batch handler' }),
  };
}

export class CreateEffectTable1764000000001 implements MigrationInterface {
  name = 'CreateEffectTable1764000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE effect (id bigserial PRIMARY KEY, counter text NOT NULL, seq integer NOT NULL,
                   event_id uuid NOT NULL, batch_size integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE effect');
  }
}

async function writeEffects(events: EventEnvelope<CounterPayload>[], ctx: EventContext): Promise<void> {
  for (const event of events) {
    if (event.data.fail) throw new Error(`poison counter ${event.data.counter}#${event.data.seq}`);
    if (event.data.delayMs) await new Promise((r) => setTimeout(r, event.data.delayMs));
  }
  await ctx.manager.query(
    `INSERT INTO effect (counter, seq, event_id, batch_size)
     SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::int[])`,
    [
      events.map((e) => e.data.counter),
      events.map((e) => e.data.seq),
      events.map((e) => e.id),
      events.map(() => events.length),
    ],
  );
}

@Controller()
class CounterHandlers {
  @HandleEvent({ type: 'CounterIncremented' })
  onIncremented(@Payload() event: EventEnvelope<CounterPayload>, @Ctx() ctx: EventContext) {
    return writeEffects([event], ctx);
  }

  @HandleEventBatch({ type: 'CounterBulkIncremented' })
  onBulk(@Payload() events: EventEnvelope<CounterPayload>[], @Ctx() ctx: EventContext) {
    return writeEffects(events, ctx);
  }
}

export interface CounterServiceOptions {
  url: string;
  groupId: string;
  definitions: EventDefinition[];
  relay?: boolean;
  consume?: boolean;
  brokers?: string[];
  server?: Partial<KafkaEventServerOptions>;
}

export interface CounterService {
  dataSource: DataSource;
  publisher: EventPublisher;
  relayHost: OutboxRelayHost;
  server?: KafkaEventServer;
  close(): Promise<void>;
}

@Module({})
class CounterServiceModule {
  static with(options: CounterServiceOptions): DynamicModule {
    return {
      module: CounterServiceModule,
      imports: [
        PersistenceModule.forService({
          service: 'counter',
          url: options.url,
          entities: [],
          migrations: [...MESSAGING_MIGRATIONS, CreateEffectTable1764000000001],
          poolSize: 4,
        }),
        MessagingModule.forService({
          service: 'counter',
          publishes: options.definitions,
          relay: options.relay,
          brokers: options.brokers,
        }),
      ],
      controllers: options.consume === false ? [] : [CounterHandlers],
    };
  }
}

export async function startCounterService(options: CounterServiceOptions): Promise<CounterService> {
  const app = await NestFactory.create(CounterServiceModule.with(options), { logger: ['error', 'warn'] });
  const server =
    options.consume === false
      ? undefined
      : connectEventConsumer(app, options.groupId, {
          definitions: options.definitions,
          maxAttempts: 3,
          retryBaseMs: 20,
          retryMaxMs: 100,
          ...options.server,
        });
  await app.startAllMicroservices();
  await app.init();
  await app.get(DatabaseConnector).ready;
  return {
    dataSource: app.get(DataSource),
    publisher: app.get(EventPublisher),
    relayHost: app.get(OutboxRelayHost),
    server,
    close: () => app.close(),
  };
}

export async function publishCounters(
  service: CounterService,
  definition: EventDefinition<CounterPayload>,
  payloads: CounterPayload[],
): Promise<EventEnvelope<CounterPayload>[]> {
  return service.dataSource.transaction((manager) => service.publisher.publishMany(manager, definition, payloads));
}
