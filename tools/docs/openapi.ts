// The OpenAPI document of each app, generated from its controllers and DTOs (@nestjs/swagger), as it serves it at
// /docs. The app is created, never started: no database, broker or port is touched. `npm run docs:generate` writes
// docs/openapi/<app>.yaml; a test checks that the committed documents are current and valid.
import { configureHttpApp, ServiceAppOptions } from '@forma/platform';
import { NestFactory } from '@nestjs/core';
import type { IEntryNestModule } from '@nestjs/core/nest-factory';
import type { OpenAPIObject } from '@nestjs/swagger';
import { stringify } from 'yaml';

type AppEntry = () => Promise<[IEntryNestModule, ServiceAppOptions]>;

export const DOCUMENTED_APPS: Record<string, AppEntry> = {
  gateway: async () => {
    const m = await import('../../apps/gateway/src/gateway.module');
    return [m.GatewayModule.create(), m.GATEWAY_APP];
  },
  catalog: async () => {
    const m = await import('../../apps/catalog/src/catalog.module');
    return [m.CatalogModule, m.CATALOG_APP];
  },
  enrolment: async () => {
    const m = await import('../../apps/enrolment/src/enrolment.module');
    return [m.EnrolmentModule, m.ENROLMENT_APP];
  },
  attendance: async () => {
    const m = await import('../../apps/attendance/src/attendance.module');
    return [m.AttendanceModule, m.ATTENDANCE_APP];
  },
  remuneration: async () => {
    const m = await import('../../apps/remuneration/src/remuneration.module');
    return [m.RemunerationModule, m.REMUNERATION_APP];
  },
  reporting: async () => {
    const m = await import('../../apps/reporting/src/reporting.module');
    return [m.ReportingModule, m.REPORTING_APP];
  },
};

/** What the apps' configuration requires to be created; only used when the environment does not set it. */
const PLACEHOLDERS = {
  INTERNAL_AUTH_SECRET: 'documentation-only-secret-0123456789abcdef',
  AUTH_JWT_SECRET: 'documentation-only-secret-0123456789abcdef',
  LOG_LEVEL: 'error',
};

export async function openApiDocument(app: string): Promise<OpenAPIObject> {
  for (const [name, value] of Object.entries(PLACEHOLDERS)) process.env[name] ??= value;
  const [module, options] = await DOCUMENTED_APPS[app]();
  const nest = await NestFactory.create(module, { bodyParser: false, logger: false, abortOnError: false });
  try {
    return configureHttpApp(nest, options);
  } finally {
    await nest.close();
  }
}

export async function openApiYaml(app: string): Promise<string> {
  return `# Generated from apps/${app} by \`npm run docs:generate\` (served at /docs): do not edit by hand.\n${stringify(await openApiDocument(app), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
