export * from './client-credentials-without-roles';
export * from './client-secret-in-config';
export * from './directory-client-secret';
export * from './token-validity-ceiling';
export * from './token-validity-range';
export * from './unknown-grant-type';
export * from './user-context-without-scopes';
