export * from './environment';
export * from './health.module';
export * from './service-platform.module';
export * from './bootstrap';
export * from './service-manifest';
export * from './notifications/notification.port';
export * from './notifications/mail.adapters';
export * from './notifications/notification.environment';
