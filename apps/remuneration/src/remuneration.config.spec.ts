import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remunerationSettings } from './remuneration.config';

describe('remuneration settings', () => {
  const file = (rates: object[]) => {
    const path = join(mkdtempSync(join(tmpdir(), 'forma-rates-')), 'rates.json');
    writeFileSync(path, JSON.stringify({ rates }));
    return path;
  };
  const config = (values: Record<string, string>) => ({ get: <T>(key: string) => values[key] as T | undefined });

  it('loads the committed table and the cap (18 unless configured)', () => {
    const settings = remunerationSettings(config({}));
    expect(settings.cap).toBe('18');
    expect(settings.rates.length).toBeGreaterThan(3);
    expect(remunerationSettings(config({ HSE_CAP: '12.5' })).cap).toBe('12.5');
  });

  it('stops the start on a table with a gap or an overlap, naming the file and the grade', () => {
    const gap = file([
      { grade: 'certifie', from: '2025-09-01', to: '2026-08-31', annualHsaRate: '1500.00' },
      { grade: 'certifie', from: '2026-10-01', to: null, annualHsaRate: '1530.00' },
    ]);
    expect(() => remunerationSettings(config({ HSE_RATES_FILE: gap }))).toThrow(
      new RegExp(`HSE_RATES_FILE ${gap}: .*grade certifie : aucun taux du 2026-09-01`),
    );
    const overlap = file([
      { grade: 'agrege', from: '2025-09-01', to: null, annualHsaRate: '2100.00' },
      { grade: 'agrege', from: '2026-09-01', to: null, annualHsaRate: '2142.00' },
    ]);
    expect(() => remunerationSettings(config({ HSE_RATES_FILE: overlap }))).toThrow(/chevauche/);
  });
});
