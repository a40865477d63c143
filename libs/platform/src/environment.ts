import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** What every service reads from its environment, checked at start (a wrong value stops the start with its name). */
export class ServiceEnvironment {
  /** The port to listen on (0: any free port, which is then written to FORMA_PORT_FILE if set). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional() @IsString() FORMA_PORT_FILE?: string;

  /** An ISO instant the service's clock is stopped at (tests, a demo run at a date); unset: the system's time. */
  @IsOptional()
  @IsISO8601({ strict: true })
  FORMA_CLOCK?: string;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  KAFKA_BROKERS?: string;

  @IsString()
  @MinLength(32, {
    message: 'INTERNAL_AUTH_SECRET must be at least 32 characters (shared by the gateway and the services)',
  })
  INTERNAL_AUTH_SECRET!: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Read by libs/persistence, libs/messaging and the HTTP bootstrap: checked here so a typo stops the start. */
  @IsOptional() @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE?: number;
  /** How long a request waits for a pooled connection before failing (ms, default 30 000). */
  @IsOptional() @IsInt() @Min(100) @Max(600000) DATABASE_CONNECTION_TIMEOUT_MS?: number;
  /** How long a stopping app may take to finish its work before it exits anyway (ms, default 15 000). */
  @IsOptional() @IsInt() @Min(1000) @Max(600000) SHUTDOWN_TIMEOUT_MS?: number;
  @IsOptional() @IsString() FORMA_DATABASE_PREFIX?: string;
  @IsOptional() @IsString() PG_ADMIN_URL?: string;
  @IsOptional()
  @Matches(/^[a-z0-9-]+$/, { message: 'FORMA_INSTANCE must be lower-case letters, digits and dashes' })
  FORMA_INSTANCE?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) KAFKA_TOPIC_PARTITIONS?: number;
  @IsOptional() @IsInt() @Min(1) @Max(10) KAFKA_REPLICATION_FACTOR?: number;
  @IsOptional() @IsIn(['thread', 'inline']) OUTBOX_RELAY_MODE?: string;
  @IsOptional()
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'HTTP_BODY_LIMIT must look like 1mb, 512kb or 100000b' })
  HTTP_BODY_LIMIT?: string;

  /**
   * `production` (the default) refuses the development conveniences: committed default secrets and the development
   * token issuer. `npm start` and the tests run in `development`.
   */
  @IsOptional() @IsIn(['development', 'production']) FORMA_MODE?: 'development' | 'production';
}

/** Secrets committed in this repository (scripts, compose): their values contain `change-me`. */
const DEFAULT_SECRET = /change-me/i;
const SECRETS = ['INTERNAL_AUTH_SECRET', 'AUTH_JWT_SECRET'];

/** What production mode refuses, one line per variable. */
export function productionProblems(config: Record<string, unknown>): string[] {
  if (config.FORMA_MODE === 'development') return [];
  const problems = SECRETS.filter(
    (name) => typeof config[name] === 'string' && DEFAULT_SECRET.test(config[name] as string),
  ).map(
    (name) =>
      `  ${name}: a development default is refused in production (FORMA_MODE=production): set a secret of your own`,
  );
  if (config.AUTH_DEV_ISSUER_ENABLED === 'true') {
    problems.push(
      '  AUTH_DEV_ISSUER_ENABLED: the development token issuer mints any role; it runs only with FORMA_MODE=development',
    );
  }
  return problems;
}

/** A validate function for @nestjs/config: converts numbers, refuses what is wrong, naming each variable. */
export function validateEnvironment<T extends object>(schema: new () => T) {
  return (config: Record<string, unknown>): T => {
    const instance = plainToInstance(schema, config, { enableImplicitConversion: true });
    const errors = validateSync(instance, { skipMissingProperties: false, whitelist: false });
    const lines = [
      ...errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
      ...productionProblems(config),
    ];
    if (lines.length) throw new Error(`invalid environment:\n${lines.join('\n')}`);
    return instance;
  };
}
