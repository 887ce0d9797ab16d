export * from './types';
export * from './engine';
export * from './packs';
export { ADMIN_PERMISSIONS } from './permissions/admin-permission-on-integration';
