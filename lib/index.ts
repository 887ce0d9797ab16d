export * from './catalog';
export * from './errors';
