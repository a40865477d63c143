import { hmacKey, InternalIdentitySigner } from '@forma/auth';
import { HealthModule, ServiceAppOptions, validateEnvironment } from '@forma/platform';
import { ObservabilityLoggerModule } from '@forma/observability';
import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DevTokenHttpController } from './auth/dev-token.http.controller';
import { adminApp, adminConnectOrigins } from './edge/admin-app';
import { MeHttpController } from './auth/me.http.controller';
import { RateLimits } from './edge/rate-limits';
import { parseClaimsMapping } from './auth/claims-mapping';
import { JwksTokenVerifier, SharedSecretVerifier, USER_AUDIENCE, UserTokenVerifier } from './auth/user-token';
import { UserTokenGuard } from './auth/user-token.guard';
import { DEFAULT_ISSUER, GatewayEnvironment } from './gateway.environment';
import { OperationsHttpController } from './operations/operations.http.controller';
import { OperationsService } from './operations/operations.service';
import { platformDocument, serviceDocuments } from './openapi/platform-document';
import { RouteRolesTable } from './routes/route-roles';
import { ServiceClient } from './proxy/service.client';
import { ServicesHealthProbe } from './proxy/services-health.probe';
import { ServiceRoutesHttpController } from './routes/service-routes.http.controller';
import { VerificationHttpController } from './routes/verification.http.controller';

/** The académie's OIDC provider when AUTH_JWKS_URL is set, else HS256 tokens with the shared secret. */
function userTokenVerifier(config: ConfigService): UserTokenVerifier {
  const jwks = config.get<string>('AUTH_JWKS_URL');
  if (!jwks)
    return new SharedSecretVerifier(
      new JwtService({ secret: hmacKey(config.getOrThrow('AUTH_JWT_SECRET')) }),
      config.get('AUTH_JWT_ISSUER') ?? DEFAULT_ISSUER,
    );
  return new JwksTokenVerifier(
    jwks,
    {
      issuer: config.getOrThrow('AUTH_JWT_ISSUER'),
      audience: config.get('AUTH_JWT_AUDIENCE') ?? USER_AUDIENCE,
      algorithms: (config.get<string>('AUTH_JWT_ALGORITHMS') ?? 'RS256,ES256').split(','),
      clockToleranceSeconds: config.get<number>('AUTH_CLOCK_SKEW_SECONDS') ?? 60,
      claims: parseClaimsMapping(config.get<string>('AUTH_CLAIMS')),
    },
    (config.get<number>('AUTH_JWKS_COOLDOWN_SECONDS') ?? 30) * 1000,
  );
}

@Module({})
export class GatewayModule implements NestModule {
  constructor(private readonly limits: RateLimits) {}

  /** The routes anyone may call are limited per address (edge/rate-limits.ts). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.limits.publicRoutes).forRoutes(VerificationHttpController);
    consumer.apply(this.limits.signIn).forRoutes(DevTokenHttpController);
    const admin = adminApp();
    if (admin) consumer.apply(admin).forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }

  /** The development issuer is mounted only when AUTH_DEV_ISSUER_ENABLED=true at start. */
  static create(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const devIssuer = env.AUTH_DEV_ISSUER_ENABLED === 'true';
    if (devIssuer && env.AUTH_JWKS_URL) {
      throw new Error(
        "invalid environment:\n  AUTH_DEV_ISSUER_ENABLED: the development issuer cannot run with AUTH_JWKS_URL (its tokens are not the provider's)",
      );
    }
    if (env.ADMIN_OIDC_CLIENT_ID && !env.AUTH_JWKS_URL) {
      throw new Error(
        "invalid environment:\n  ADMIN_OIDC_CLIENT_ID: the admin app's sign-in needs the académie's provider (AUTH_JWKS_URL, AUTH_JWT_ISSUER)",
      );
    }
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: validateEnvironment(GatewayEnvironment),
        }),
        ObservabilityLoggerModule.forService('gateway'),
        HealthModule.withProbes([ServicesHealthProbe], [ServicesHealthProbe]),
      ],
      controllers: [
        ServiceRoutesHttpController,
        VerificationHttpController,
        OperationsHttpController,
        MeHttpController,
        ...(devIssuer ? [DevTokenHttpController] : []),
      ],
      providers: [
        ServiceClient,
        RateLimits,
        OperationsService,
        { provide: RouteRolesTable, useFactory: () => new RouteRolesTable(Object.values(serviceDocuments())) },
        ...(devIssuer ? [{ provide: SharedSecretVerifier, useExisting: UserTokenVerifier }] : []),
        { provide: UserTokenVerifier, useFactory: userTokenVerifier, inject: [ConfigService] },
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
  description:
    'API de Forma : formation continue autour des ENT (offre, sessions, inscriptions, présences, HSE, bilans).',
  consumesEvents: false,
  // /docs shows the whole public API: the gateway's routes and those it forwards, as the services document them
  openApi: platformDocument,
  connectTo: adminConnectOrigins(),
};
