import { NotificationSettings, notificationSettings, NotifyingServiceEnvironment } from '@forma/platform';
import { ConfigService } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every variable enrolment reads, checked at start with the platform's: a wrong value stops the start, naming it. */
export class EnrolmentEnvironment extends NotifyingServiceEnvironment {
  /** Rows per import batch (one transaction each): memory grows with it, so it is bounded. */
  @IsOptional() @IsInt() @Min(1) @Max(50000) IMPORT_BATCH_ROWS?: number;
  /** Largest accepted upload, in bytes (default 32 MiB: the largest académie's whole GAIA extract is under 20 MB). */
  @IsOptional() @IsInt() @Min(1024) @Max(1073741824) IMPORT_MAX_BYTES?: number;
  /** Rejected lines a job keeps: past them it stops, keeping the first ones (default 1,000). */
  @IsOptional() @IsInt() @Min(1) @Max(100000) IMPORT_MAX_REJECTIONS?: number;
  /** Where uploads wait while their job runs. */
  @IsOptional() @IsString() IMPORT_DIR?: string;
  @IsOptional() @IsIn(['true', 'false']) CONVOCATIONS_ENABLED?: string;
  @IsOptional() @IsInt() @Min(50) @Max(3600000) CONVOCATION_POLL_MS?: number;
}

/** What enrolment's code reads, typed and defaulted, from the validated environment. */
export interface EnrolmentSettings {
  imports: { batchRows: number; maxBytes: number; maxRejections: number; directory: string };
  convocations: { enabled: boolean; pollMs: number };
  notification: NotificationSettings;
}

export const ENROLMENT_SETTINGS = Symbol('EnrolmentSettings');

export function enrolmentSettings(config: Pick<ConfigService, 'get'>): EnrolmentSettings {
  return {
    imports: {
      batchRows: config.get<number>('IMPORT_BATCH_ROWS') ?? 400,
      maxBytes: config.get<number>('IMPORT_MAX_BYTES') ?? 32 * 1024 * 1024,
      maxRejections: config.get<number>('IMPORT_MAX_REJECTIONS') ?? 1000,
      directory: config.get<string>('IMPORT_DIR') ?? join(tmpdir(), 'forma-imports'),
    },
    convocations: {
      enabled: config.get<string>('CONVOCATIONS_ENABLED') !== 'false',
      pollMs: config.get<number>('CONVOCATION_POLL_MS') ?? 1000,
    },
    notification: notificationSettings(config, 'convocations'),
  };
}

export const enrolmentSettingsProvider = {
  provide: ENROLMENT_SETTINGS,
  useFactory: enrolmentSettings,
  inject: [ConfigService],
};
