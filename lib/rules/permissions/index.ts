export * from './admin-permission-on-integration';
export * from './conditions-with-wildcard';
export * from './default-role-edit';
export * from './empty-role';
export * from './unknown-permission';
export * from './unneeded-permission';
export * from './wildcard-permission';
