export * from './database-config';
export * from './create-database';
export * from './data-source.factory';
export * from './database.connector';
export * from './persistence.module';
export * from './copy-rows';
export * from './retrying-transaction';
export * from './aggregate.repository';
