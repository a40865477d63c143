export * from './environment';
export * from './health.module';
export * from './service-platform.module';
export * from './bootstrap';
export * from './service-manifest';
