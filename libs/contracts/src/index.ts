export * from './envelope';
export * from './event-definition';
export * from './topics';
export * from './registry';
export * from './values/uai';
export * from './values/training';
export * from './catalog/module-published.event';
