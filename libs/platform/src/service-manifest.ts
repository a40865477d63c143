/**
 * The one list of Forma's apps: name, default port, the first path segments under /api/v1 the gateway forwards to it,
 * and whether it owns a database (`forma_<name>`). The gateway, `npm start` (tools/platform.sh), the database tool,
 * the end-to-end tests and the deployment checks (docker-compose, Kubernetes) all read it; nothing else lists them.
 */
export interface ServiceEntry {
  readonly name: string;
  readonly port: number;
  /** First segments of `/api/v1/<segment>` routed to this app by the gateway (empty for the gateway itself). */
  readonly routes: readonly string[];
  /** Whether the app owns a PostgreSQL database (named `<FORMA_DATABASE_PREFIX or forma_><name>`). */
  readonly database: boolean;
}

export const SERVICE_MANIFEST = [
  { name: 'gateway', port: 3000, routes: [], database: false },
  {
    name: 'catalog',
    port: 3001,
    routes: [
      'modules',
      'offer',
      'sessions',
      'reference',
      'calendar',
      'requests',
      'planner',
      'gaia-imports',
      'training-plan',
    ],
    database: true,
  },
  {
    name: 'enrolment',
    port: 3002,
    routes: ['registrations', 'people', 'enrolment-imports', 'workshop-plans'],
    database: true,
  },
  { name: 'attendance', port: 3003, routes: ['attendance'], database: true },
  { name: 'remuneration', port: 3004, routes: ['conventions', 'payment-batches'], database: true },
  { name: 'reporting', port: 3005, routes: ['reports', 'bi'], database: true },
] as const satisfies readonly ServiceEntry[];

export type AppName = (typeof SERVICE_MANIFEST)[number]['name'];
/** The apps behind the gateway. */
export type ServiceName = Exclude<AppName, 'gateway'>;

export const APP_NAMES: readonly AppName[] = SERVICE_MANIFEST.map((s) => s.name);
export const SERVICE_NAMES = SERVICE_MANIFEST.filter((s) => s.name !== 'gateway').map((s) => s.name) as ServiceName[];
/** The apps that own a database. */
export const DATABASE_SERVICES: readonly ServiceName[] = SERVICE_MANIFEST.filter((s) => s.database).map(
  (s) => s.name as ServiceName,
);

export function manifestOf(name: AppName): ServiceEntry {
  const entry = SERVICE_MANIFEST.find((s) => s.name === name);
  if (!entry) throw new Error(`unknown app ${name}`);
  return entry;
}
