import { manifestOf, ServiceEnvironment, ServiceName, SERVICE_NAMES } from '@forma/platform';
import { IsIn, IsOptional, IsString, IsUrl, MinLength } from 'class-validator';

const url = { require_tld: false, require_protocol: true };

export class GatewayEnvironment extends ServiceEnvironment {
  /** Verifies users' bearer tokens (HS256). The OIDC issuer's JWKS replaces it in production (roadmap). */
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET!: string;

  @IsOptional()
  @IsString()
  AUTH_JWT_ISSUER?: string;

  /** `true` mounts POST /api/v1/dev/tokens, which mints tokens for any role: for local use only. */
  @IsOptional()
  @IsIn(['true', 'false'])
  AUTH_DEV_ISSUER_ENABLED?: string;

  @IsOptional() @IsUrl(url) CATALOG_URL?: string;
  @IsOptional() @IsUrl(url) ENROLMENT_URL?: string;
  @IsOptional() @IsUrl(url) ATTENDANCE_URL?: string;
  @IsOptional() @IsUrl(url) REMUNERATION_URL?: string;
  @IsOptional() @IsUrl(url) REPORTING_URL?: string;
}

/** The services behind the gateway, from the service manifest (libs/platform). */
export const SERVICES = SERVICE_NAMES;
export type { ServiceName };

export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${manifestOf(service).port}`;
}

export const DEFAULT_ISSUER = 'forma-dev-issuer';
