export * from './demo-academy';
export * from './demo-client';
export * from './demo-run';
export * from './demo-expectations';
