export * from './identity';
export * from './authorize.decorator';
export * from './internal-identity';
export * from './authorisation.guard';
export * from './internal-identity.guard';
export * from './current-identity.decorator';
export * from './reach';
