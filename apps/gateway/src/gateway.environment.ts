import { manifestOf, ServiceEnvironment, ServiceName, SERVICE_NAMES } from '@forma/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const url = { require_tld: false, require_protocol: true };

export class GatewayEnvironment extends ServiceEnvironment {
  /**
   * The académie's OIDC provider: its JWKS (keys fetched, cached and fetched again on rotation). Set, users' tokens are
   * verified against it (RS256/ES256), with AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE and the claims mapping AUTH_CLAIMS.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  /** Without a JWKS: HS256 tokens with this shared secret (the development issuer's). */
  @ValidateIf((e: GatewayEnvironment) => !e.AUTH_JWKS_URL)
  @IsString({ message: 'AUTH_JWT_SECRET is required without AUTH_JWKS_URL' })
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @ValidateIf((e: GatewayEnvironment) => !!e.AUTH_JWKS_URL || e.AUTH_JWT_ISSUER !== undefined)
  @IsString({ message: "AUTH_JWT_ISSUER (the provider's issuer, iss) is required with AUTH_JWKS_URL" })
  AUTH_JWT_ISSUER?: string;

  @IsOptional() @IsString() AUTH_JWT_AUDIENCE?: string;

  /** Asymmetric algorithms only: shared-secret ones and `none` are never accepted from a provider. */
  @IsOptional()
  @Matches(/^((RS|PS|ES)(256|384|512)|EdDSA)(,((RS|PS|ES)(256|384|512)|EdDSA))*$/, {
    message: 'AUTH_JWT_ALGORITHMS: a comma-separated list of RS256, PS256, ES256, EdDSA...',
  })
  AUTH_JWT_ALGORITHMS?: string;

  @IsOptional() @IsInt() @Min(0) @Max(300) AUTH_CLOCK_SKEW_SECONDS?: number;

  /** The least time between two fetches of the JWKS when tokens name unknown keys (default 30 s). */
  @IsOptional() @IsInt() @Min(0) @Max(3600) AUTH_JWKS_COOLDOWN_SECONDS?: number;

  /** JSON: which claims hold the roles and the scope (see apps/gateway/src/auth/claims-mapping.ts). */
  @IsOptional() @IsString() AUTH_CLAIMS?: string;

  /** `true` mounts POST /api/v1/dev/tokens, which mints tokens for any role: development mode only, without a JWKS. */
  @IsOptional()
  @IsIn(['true', 'false'])
  AUTH_DEV_ISSUER_ENABLED?: string;

  /**
   * The admin app's sign-in with the académie's provider (the issuer is AUTH_JWT_ISSUER): its public client's id. Set,
   * the app offers « Se connecter avec mon compte académique » (authorization code with PKCE), and the content security
   * policy lets the page call the issuer (its token endpoint).
   */
  @IsOptional() @IsString() ADMIN_OIDC_CLIENT_ID?: string;
  /** The scopes the app asks (default `openid profile email api`). */
  @IsOptional() @IsString() ADMIN_OIDC_SCOPE?: string;

  /** Where the rate limits count, shared by every replica (redis:// or rediss://); unset, each process counts alone. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] })
  RATE_LIMIT_REDIS_URL?: string;
  /** Calls per minute and address on the public routes (an attestation's verification); default 60. */
  @IsOptional() @IsInt() @Min(1) @Max(1000000) RATE_LIMIT_PUBLIC_PER_MINUTE?: number;
  /** Sign-ins per minute and address (the development issuer); default 20. */
  @IsOptional() @IsInt() @Min(1) @Max(1000000) RATE_LIMIT_SIGN_IN_PER_MINUTE?: number;

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
