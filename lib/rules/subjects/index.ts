export * from './duplicate-role-owner';
export * from './empty-roles-resource';
