import { Public } from '@forma/auth';
import { HEALTH_PROBES, HealthProbe, ProbeHealthIndicator } from '@forma/observability';
import { Controller, DynamicModule, Get, Inject, Injectable, Module, Provider, Type } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';

/** The probes /health asks; more can be added at start (the event consumer is created after the module). */
@Injectable()
export class HealthRegistry {
  private readonly probes: HealthProbe[];

  constructor(@Inject(HEALTH_PROBES) probes: HealthProbe[]) {
    this.probes = [...probes];
  }

  add(probe: HealthProbe): void {
    this.probes.push(probe);
  }

  all(): HealthProbe[] {
    return this.probes;
  }
}

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly registry: HealthRegistry,
    private readonly indicator: ProbeHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness and readiness: database, broker, outbox relay, event consumer (503 when one is down).',
  })
  check() {
    return this.health.check(this.registry.all().map((probe) => () => this.indicator.check(probe)));
  }
}

@Module({})
export class HealthModule {
  /**
   * `probes`: classes implementing HealthProbe, provided elsewhere as globals (DatabaseConnector, KafkaHealthProbe,
   * OutboxRelayHost) or by this module when listed in `own` as well.
   */
  static withProbes(probes: Type<HealthProbe>[], own: Type<HealthProbe>[] = []): DynamicModule {
    const collect: Provider = {
      provide: HEALTH_PROBES,
      useFactory: (...instances: HealthProbe[]) => instances,
      inject: probes,
    };
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [...own, collect, HealthRegistry, ProbeHealthIndicator],
      exports: [HealthRegistry],
    };
  }
}
