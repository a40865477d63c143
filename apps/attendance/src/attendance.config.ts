import { createHmac } from 'node:crypto';
import { NotificationSettings, notificationSettings, NotifyingServiceEnvironment } from '@forma/platform';
import { ConfigService } from '@nestjs/config';
import { IsEmail, IsInt, IsOptional, IsString, IsUrl, Matches, Min } from 'class-validator';

/** Every variable attendance reads, checked at start with the platform's: a wrong value stops the start, naming it. */
export class AttendanceEnvironment extends NotifyingServiceEnvironment {
  /** The public address of the platform: attestations' QR codes point to `<FORMA_PUBLIC_URL>/verification/<code>`. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  FORMA_PUBLIC_URL?: string;
  /** The DFP's mailbox: every attestation issued is sent to it (seed 003). */
  @IsOptional() @IsEmail() ATTESTATION_DFP_MAIL?: string;
  /**
   * The mailbox of a district's IEN, `{district}` and `{academy}` replaced (e.g. `ce.ien-{district}@ac-{academy}.fr`).
   */
  @IsOptional()
  @IsString()
  @Matches(/\{district\}/, { message: 'ATTESTATION_IEN_MAIL must contain {district}' })
  ATTESTATION_IEN_MAIL?: string;
  /** Largest signed sheet accepted (bytes). */
  @IsOptional() @IsInt() @Min(1024) SIGNED_SHEET_MAX_BYTES?: number;
}

export interface AttendanceSettings {
  publicUrl: string;
  dfpMail: string | null;
  ienMail: string | null;
  signedSheetMaxBytes: number;
  /**
   * The key of the émargement's rotating codes (issue 27): derived from the secret every replica shares, so that any
   * replica checks a code another one showed, and nothing is stored to check it.
   */
  signingKey: string;
  notification: NotificationSettings;
}

export const ATTENDANCE_SETTINGS = Symbol('AttendanceSettings');

export function attendanceSettings(config: Pick<ConfigService, 'get'>): AttendanceSettings {
  return {
    publicUrl: (config.get<string>('FORMA_PUBLIC_URL') ?? 'http://localhost:3000').replace(/\/+$/, ''),
    dfpMail: config.get<string>('ATTESTATION_DFP_MAIL') ?? null,
    ienMail: config.get<string>('ATTESTATION_IEN_MAIL') ?? null,
    signedSheetMaxBytes: config.get<number>('SIGNED_SHEET_MAX_BYTES') ?? 20 * 1024 * 1024,
    signingKey: createHmac('sha256', config.get<string>('INTERNAL_AUTH_SECRET') ?? '')
      .update('forma attendance signing codes')
      .digest('hex'),
    notification: notificationSettings(config, 'attestations'),
  };
}

export const attendanceSettingsProvider = {
  provide: ATTENDANCE_SETTINGS,
  useFactory: attendanceSettings,
  inject: [ConfigService],
};
