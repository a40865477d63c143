export * from './rule-violation';
export * from './optimistic-lock';
export * from './school-year';
