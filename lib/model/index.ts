export * from './access-grant';
export * from './capabilities';
export * from './division-ref';
export * from './evaluate';
export * from './permission-match';
export * from './plan';
