export * from './all-divisions-without-reason';
export * from './implicit-home-division';
