import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createServiceDataSource, ServiceDataSourceOptions } from './data-source.factory';
import { DatabaseConnector } from './database.connector';
import { databaseUrlFor } from './database-config';

export interface PersistenceModuleOptions extends Omit<ServiceDataSourceOptions, 'url' | 'applicationName'> {
  service: string;
  url?: string;
}

/** Gives a service its own database: the TypeORM DataSource (injectable as `DataSource`) and its connector. */
@Global()
@Module({})
export class PersistenceModule {
  static forService(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: () =>
            createServiceDataSource({
              ...options,
              url: options.url ?? databaseUrlFor(options.service),
              applicationName: `forma-${options.service}`,
            }),
        },
        DatabaseConnector,
      ],
      exports: [DataSource, DatabaseConnector],
    };
  }
}
