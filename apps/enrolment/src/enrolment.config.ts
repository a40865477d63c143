import { ServiceEnvironment } from '@forma/platform';
import { ConfigService } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every variable enrolment reads, checked at start with the platform's: a wrong value stops the start, naming it. */
export class EnrolmentEnvironment extends ServiceEnvironment {
  /** Rows per import batch (one transaction each): memory grows with it, so it is bounded. */
  @IsOptional() @IsInt() @Min(1) @Max(50000) IMPORT_BATCH_ROWS?: number;
  /** Largest accepted upload, in bytes. */
  @IsOptional() @IsInt() @Min(1024) IMPORT_MAX_BYTES?: number;
  /** Where uploads wait while their job runs. */
  @IsOptional() @IsString() IMPORT_DIR?: string;
  @IsOptional() @IsIn(['eml', 'smtp']) NOTIFICATION_ADAPTER?: 'eml' | 'smtp';
  @ValidateIf((e: EnrolmentEnvironment) => e.NOTIFICATION_ADAPTER === 'smtp')
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true }, { message: 'SMTP_URL must be an smtp:// or smtps:// URL (needed by NOTIFICATION_ADAPTER=smtp)' })
  SMTP_URL?: string;
  @IsOptional() @IsString() NOTIFICATION_EML_DIR?: string;
  /** The sender: an address, or `Name <address>`. */
  @IsOptional() @IsString() NOTIFICATION_FROM?: string;
  @IsOptional() @IsIn(['true', 'false']) CONVOCATIONS_ENABLED?: string;
  @IsOptional() @IsInt() @Min(50) @Max(3600000) CONVOCATION_POLL_MS?: number;
}

/** What enrolment's code reads, typed and defaulted, from the validated environment. */
export interface EnrolmentSettings {
  imports: { batchRows: number; maxBytes: number; directory: string };
  convocations: { enabled: boolean; pollMs: number };
  notification:
    | { adapter: 'eml'; from: string; directory: string }
    | { adapter: 'smtp'; from: string; url: string };
}

export const ENROLMENT_SETTINGS = Symbol('EnrolmentSettings');
const DEFAULT_FROM = 'Forma — formation continue <ne-pas-repondre@forma.invalid>';

export function enrolmentSettings(config: Pick<ConfigService, 'get'>): EnrolmentSettings {
  const from = config.get<string>('NOTIFICATION_FROM') ?? DEFAULT_FROM;
  return {
    imports: {
      batchRows: config.get<number>('IMPORT_BATCH_ROWS') ?? 5000,
      maxBytes: config.get<number>('IMPORT_MAX_BYTES') ?? 1024 * 1024 * 1024,
      directory: config.get<string>('IMPORT_DIR') ?? join(tmpdir(), 'forma-imports'),
    },
    convocations: {
      enabled: config.get<string>('CONVOCATIONS_ENABLED') !== 'false',
      pollMs: config.get<number>('CONVOCATION_POLL_MS') ?? 1000,
    },
    notification:
      config.get<string>('NOTIFICATION_ADAPTER') === 'smtp'
        ? { adapter: 'smtp', from, url: config.get<string>('SMTP_URL') ?? '' }
        : { adapter: 'eml', from, directory: config.get<string>('NOTIFICATION_EML_DIR') ?? join(process.cwd(), 'var', 'convocations') },
  };
}

export const enrolmentSettingsProvider = { provide: ENROLMENT_SETTINGS, useFactory: enrolmentSettings, inject: [ConfigService] };
