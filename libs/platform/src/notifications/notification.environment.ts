import { IsIn, IsOptional, IsString, IsUrl, ValidateIf } from 'class-validator';
import { join } from 'node:path';
import { ServiceEnvironment } from '../environment';
import type { NotificationSettings } from './mail.adapters';

/** The variables of a service that sends mail (convocations, attestations), checked at start with the platform's. */
export class NotifyingServiceEnvironment extends ServiceEnvironment {
  @IsOptional() @IsIn(['eml', 'smtp']) NOTIFICATION_ADAPTER?: 'eml' | 'smtp';
  @ValidateIf((e: NotifyingServiceEnvironment) => e.NOTIFICATION_ADAPTER === 'smtp')
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL (needed by NOTIFICATION_ADAPTER=smtp)' },
  )
  SMTP_URL?: string;
  @IsOptional() @IsString() NOTIFICATION_EML_DIR?: string;
  /** The sender: an address, or `Name <address>`. */
  @IsOptional() @IsString() NOTIFICATION_FROM?: string;
}

const DEFAULT_FROM = 'Forma — formation continue <ne-pas-repondre@forma.invalid>';

/** The notification settings from the validated environment; `.eml` files under `var/<folder>` by default. */
export function notificationSettings(
  config: { get<T>(key: string): T | undefined },
  folder: string,
): NotificationSettings {
  const from = config.get<string>('NOTIFICATION_FROM') ?? DEFAULT_FROM;
  return config.get<string>('NOTIFICATION_ADAPTER') === 'smtp'
    ? { adapter: 'smtp', from, url: config.get<string>('SMTP_URL') ?? '' }
    : {
        adapter: 'eml',
        from,
        directory: config.get<string>('NOTIFICATION_EML_DIR') ?? join(process.cwd(), 'var', folder),
      };
}
