import { ServiceEnvironment } from '@forma/platform';
import { ConfigService } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { createHmac } from 'node:crypto';

/** Every variable reporting reads, checked at start. */
export class ReportingEnvironment extends ServiceEnvironment {
  /**
   * HSE at most per formateur accompagnateur and convention, as remuneration applies it (seed 002: 18): the bilans'
   * cap.
   */
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'HSE_CAP must be a decimal number of HSE (e.g. 18)' })
  HSE_CAP?: string;
}

export interface ReportingSettings {
  hseCap: string;
  /** The key that signs BI cursors, derived from the internal secret (one secret less to keep). */
  cursorKey: string;
  /**
   * How often the BI feed's publisher looks for session cells to publish, in ms (REPORTING_BI_PUBLISH_EVERY_MS, 250);
   * 0 leaves them to another instance (a benchmark's or a tool's that reads the database only).
   */
  biPublishEveryMs: number;
}

export const REPORTING_SETTINGS = Symbol('ReportingSettings');

export function reportingSettings(config: Pick<ConfigService, 'get' | 'getOrThrow'>): ReportingSettings {
  return {
    hseCap: config.get<string>('HSE_CAP') ?? '18',
    biPublishEveryMs: Number(config.get<string>('REPORTING_BI_PUBLISH_EVERY_MS') ?? 250),
    cursorKey: createHmac('sha256', config.getOrThrow<string>('INTERNAL_AUTH_SECRET'))
      .update('forma/bi-cursor/v1')
      .digest('hex'),
  };
}

export const reportingSettingsProvider = {
  provide: REPORTING_SETTINGS,
  useFactory: reportingSettings,
  inject: [ConfigService],
};
