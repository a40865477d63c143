// The Nest-free entry of @forma/auth, for pure domain rules (*.rules.ts, *.policy.ts): who a caller is and what they
// reach. The package's main entry also loads its guards and decorators, hence Nest.
export * from './identity';
export * from './reach';
