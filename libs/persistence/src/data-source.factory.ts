import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationClass = Function;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function | EntitySchema;

export interface ServiceDataSourceOptions {
  url: string;
  /** Application name shown in pg_stat_activity. */
  applicationName: string;
  entities: MixedList<EntityClass>;
  migrations: MigrationClass[];
  poolSize?: number;
}

/**
 * The one way a service builds its TypeORM data source: PostgreSQL, snake_case names, explicit migrations, and never
 * `synchronize`. Schema changes are migrations, run at start by DatabaseConnector.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const config: DataSourceOptions = {
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migration',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // a request waits up to 30 s for a pooled connection: 50 requests racing for one seat queue on a row lock while
    // holding connections, and on a busy machine the last ones waited more than the 5 s this was (a 500, not a place)
    extra: { connectionTimeoutMillis: Number(process.env.DATABASE_CONNECTION_TIMEOUT_MS ?? 30000) },
  };
  return new DataSource(config);
}

/** Runs pending migrations under an advisory lock, so two instances starting together never race. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['forma:migrations']);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['forma:migrations']).catch(() => undefined);
    await runner.release();
  }
}
