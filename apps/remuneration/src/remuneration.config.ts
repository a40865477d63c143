import { ServiceEnvironment } from '@forma/platform';
import { ConfigService } from '@nestjs/config';
import { IsOptional, IsString, Matches } from 'class-validator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RateEntry, validRates } from './hse/rates.rules';

/** Every variable remuneration reads, checked at start: a wrong value (or rate table) stops the start, naming it. */
export class RemunerationEnvironment extends ServiceEnvironment {
  /** HSE at most per formateur accompagnateur and convention (seed 002: 18). */
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'HSE_CAP must be a decimal number of HSE (e.g. 18)' })
  HSE_CAP?: string;
  /** The dated table of annual HSA rates per grade (JSON), default config/hse-rates.json. */
  @IsOptional() @IsString() HSE_RATES_FILE?: string;
}

export interface RemunerationSettings {
  cap: string;
  rates: RateEntry[];
}

export const REMUNERATION_SETTINGS = Symbol('RemunerationSettings');

export function remunerationSettings(config: Pick<ConfigService, 'get'>): RemunerationSettings {
  const file = resolve(config.get<string>('HSE_RATES_FILE') ?? 'config/hse-rates.json'); // relative to the working directory
  let rates: RateEntry[];
  try {
    rates = validRates((JSON.parse(readFileSync(file, 'utf8')) as { rates: RateEntry[] }).rates);
  } catch (error) {
    throw new Error(`HSE_RATES_FILE ${file}: ${(error as Error).message}`);
  }
  return { cap: config.get<string>('HSE_CAP') ?? '18', rates };
}

export const remunerationSettingsProvider = {
  provide: REMUNERATION_SETTINGS,
  useFactory: remunerationSettings,
  inject: [ConfigService],
};
