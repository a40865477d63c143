import { InternalIdentitySigner } from '@forma/auth';
import { HealthModule, ServiceAppOptions, validateEnvironment } from '@forma/platform';
import { ObservabilityLoggerModule } from '@forma/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DevTokenHttpController } from './auth/dev-token.http.controller';
import { UserTokenVerifier } from './auth/user-token';
import { UserTokenGuard } from './auth/user-token.guard';
import { DEFAULT_ISSUER, GatewayEnvironment } from './gateway.environment';
import { platformDocument } from './openapi/platform-document';
import { ServiceClient } from './proxy/service.client';
import { ServicesHealthProbe } from './proxy/services-health.probe';
import { ServiceRoutesHttpController } from './routes/service-routes.http.controller';
import { ReportsHttpController } from './routes/reports.http.controller';

@Module({})
export class GatewayModule {
  /** The development issuer is mounted only when AUTH_DEV_ISSUER_ENABLED=true at start. */
  static create(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment(GatewayEnvironment) }),
        ObservabilityLoggerModule.forService('gateway'),
        HealthModule.withProbes([ServicesHealthProbe], [ServicesHealthProbe]),
      ],
      controllers: [
        ServiceRoutesHttpController,
        ReportsHttpController,
        ...(env.AUTH_DEV_ISSUER_ENABLED === 'true' ? [DevTokenHttpController] : []),
      ],
      providers: [
        ServiceClient,
        {
          provide: UserTokenVerifier,
          useFactory: (config: ConfigService) =>
            new UserTokenVerifier(
              new JwtService({ secret: config.getOrThrow('AUTH_JWT_SECRET') }),
              config.get('AUTH_JWT_ISSUER') ?? DEFAULT_ISSUER,
            ),
          inject: [ConfigService],
        },
        {
          provide: InternalIdentitySigner,
          useFactory: (config: ConfigService) => new InternalIdentitySigner(config.getOrThrow('INTERNAL_AUTH_SECRET')),
          inject: [ConfigService],
        },
        { provide: APP_GUARD, useClass: UserTokenGuard },
      ],
    };
  }
}

export const GATEWAY_APP: ServiceAppOptions = {
  service: 'gateway',
  description: "API de Forma : formation continue autour des ENT (offre, sessions, inscriptions, présences, HSE, bilans).",
  consumesEvents: false,
  // /docs shows the whole public API: the gateway's routes and those it forwards, as the services document them
  openApi: platformDocument,
};
