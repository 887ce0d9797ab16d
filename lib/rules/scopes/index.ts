export * from './scopes-on-client-credentials';
export * from './unknown-scope';
