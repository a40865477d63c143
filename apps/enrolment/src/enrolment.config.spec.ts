import { validateEnvironment } from '@forma/platform';
import { EnrolmentEnvironment, enrolmentSettings } from './enrolment.config';

const SECRET = { INTERNAL_AUTH_SECRET: 'x'.repeat(32) };
const validate = validateEnvironment(EnrolmentEnvironment);
const settingsOf = (env: Record<string, unknown>) => {
  const valid = validate({ ...SECRET, ...env }) as unknown as Record<string, unknown>;
  return enrolmentSettings({ get: <T>(key: string) => valid[key] as T });
};

describe('enrolment configuration, checked at start', () => {
  it('refuses a wrong value and names the variable', () => {
    expect(() => validate({ ...SECRET, IMPORT_BATCH_ROWS: 'abc' })).toThrow(/IMPORT_BATCH_ROWS/);
    expect(() => validate({ ...SECRET, IMPORT_BATCH_ROWS: '0' })).toThrow(/IMPORT_BATCH_ROWS must not be less than 1/);
    expect(() => validate({ ...SECRET, IMPORT_MAX_BYTES: '-5' })).toThrow(/IMPORT_MAX_BYTES/);
    expect(() => validate({ ...SECRET, NOTIFICATION_ADAPTER: 'pigeon' })).toThrow(/NOTIFICATION_ADAPTER/);
    expect(() => validate({ ...SECRET, NOTIFICATION_ADAPTER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => validate({ ...SECRET, CONVOCATIONS_ENABLED: 'yes' })).toThrow(/CONVOCATIONS_ENABLED/);
    expect(() => validate({ ...SECRET, OUTBOX_RELAY_MODE: 'fast' })).toThrow(/OUTBOX_RELAY_MODE/);
  });

  it('gives typed settings with their defaults, and the values set', () => {
    expect(settingsOf({})).toMatchObject({
      imports: { batchRows: 400, maxBytes: 32 * 1024 * 1024, maxRejections: 1000 },
      convocations: { enabled: true, pollMs: 1000 },
      notification: { adapter: 'eml' },
    });
    expect(
      settingsOf({
        IMPORT_BATCH_ROWS: '200',
        CONVOCATIONS_ENABLED: 'false',
        NOTIFICATION_ADAPTER: 'smtp',
        SMTP_URL: 'smtp://relais.ac-exemple.fr:25',
      }),
    ).toMatchObject({
      imports: { batchRows: 200 },
      convocations: { enabled: false },
      notification: { adapter: 'smtp', url: 'smtp://relais.ac-exemple.fr:25' },
    });
  });
});
