export * from './request-context';
export * from './logger.module';
export * from './health';
export * from './backoff';
