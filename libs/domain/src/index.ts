export * from './rule-violation';
export * from './optimistic-lock';
export * from './school-year';
export * from './french-dates';
export * from './digest';
export * from './clock';
export * from './ids';
