export * from './duplicate-role-owner';
export * from './empty-roles-resource';
export * from './duplicate-principal-name';
export * from './duplicate-role-name';
export * from './invisible-name-characters';
