export * from './infra/infra-mode';
export * from './test-database';
export * from './seeds/offer';
export * from './progress';
export * from './pdf-text';
export * from './upload-past-answer';
export * from './intruder';
export * from './event-fixtures';
