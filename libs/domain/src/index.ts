export * from './rule-violation';
export * from './optimistic-lock';
