import { Clock, clockFrom } from '@forma/domain';
import { EventDefinition } from '@forma/contracts';
import { InternalIdentityGuard, InternalIdentitySigner } from '@forma/auth';
import { KafkaHealthProbe, MESSAGING_MIGRATIONS, MessagingModule, OutboxRelayHost } from '@forma/messaging';
import { ObservabilityLoggerModule } from '@forma/observability';
import { DatabaseConnector, PersistenceModule } from '@forma/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ServiceEnvironment, validateEnvironment } from './environment';
import { HealthModule } from './health.module';
import { AppName } from './service-manifest';
import { CreateIdempotencyTable1764000000100, IdempotencyInterceptor } from '@forma/http';

export interface ServicePlatformOptions {
  service: AppName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  /** The service's own migrations, in order (the shared outbox, inbox and idempotency tables come first). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  publishes: EventDefinition[];
  /**
   * The service's own environment class (extends ServiceEnvironment); its variables are checked at start with the
   * platform's.
   */
  environment?: new () => ServiceEnvironment;
  /** Where the outbox relay runs (see MessagingModuleOptions.relayMode); `OUTBOX_RELAY_MODE` overrides it. */
  relayMode?: 'thread' | 'inline';
}

/**
 * What every Forma service stands on: validated configuration, structured logs, its own database with migrations,
 * the outbox and its relay, /health, and deny-by-default authorisation from the gateway's signed identity header.
 */
@Module({})
export class ServicePlatformModule {
  static forService(options: ServicePlatformOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: validateEnvironment(options.environment ?? ServiceEnvironment),
        }),
        ObservabilityLoggerModule.forService(options.service),
        PersistenceModule.forService({
          service: options.service,
          entities: options.entities,
          migrations: [...MESSAGING_MIGRATIONS, CreateIdempotencyTable1764000000100, ...options.migrations],
        }),
        MessagingModule.forService({
          service: options.service,
          publishes: options.publishes,
          relayMode: options.relayMode,
        }),
        HealthModule.withProbes([DatabaseConnector, KafkaHealthProbe, OutboxRelayHost]),
      ],
      providers: [
        {
          provide: InternalIdentitySigner,
          useFactory: (config: ConfigService) => new InternalIdentitySigner(config.getOrThrow('INTERNAL_AUTH_SECRET')),
          inject: [ConfigService],
        },
        { provide: APP_GUARD, useClass: InternalIdentityGuard },
        IdempotencyInterceptor,
        // the time every use case reads (FORMA_CLOCK: an ISO instant to run the service at another date)
        {
          provide: Clock,
          useFactory: (config: ConfigService) => clockFrom(config.get<string>('FORMA_CLOCK')),
          inject: [ConfigService],
        },
      ],
      exports: [InternalIdentitySigner, IdempotencyInterceptor, HealthModule, Clock],
    };
  }
}
