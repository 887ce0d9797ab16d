export * from './catalog';
export * from './constructs';
export * from './errors';
export * from './model';
export * from './rules';
