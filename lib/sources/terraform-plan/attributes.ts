/**
 * The resource and data source types whose attributes the document reader reads (roles, OAuth clients, user and
 * group grants, users, groups, divisions), with those attributes. Every other type is only counted: what the
 * deploying client needs depends on it, nothing else does. No cdktf import.
 */

/** Attributes read, by `"<mode> <type>"` (grants are built separately). */
export const ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['managed genesyscloud_auth_role', ['name', 'permission_policies', 'permissions', 'default_role_id']],
  [
    'managed genesyscloud_oauth_client',
    [
      'name',
      'authorized_grant_type',
      'scopes',
      'state',
      'access_token_validity_seconds',
      'expose_client_secret',
      'directory_client_secret',
      'integration_credential_name',
    ],
  ],
  ['managed genesyscloud_user_roles', []],
  ['managed genesyscloud_group_roles', []],
  ['managed genesyscloud_user', ['name', 'email']],
  ['managed genesyscloud_group', ['name', 'roles_enabled']],
  ['managed genesyscloud_auth_division', ['name', 'home']],
  ['data genesyscloud_auth_role', ['name']],
  ['data genesyscloud_auth_division', ['name']],
  ['data genesyscloud_auth_division_home', ['name']],
  ['data genesyscloud_user', ['name', 'email']],
  ['data genesyscloud_group', ['name']],
]);

const MANAGED = new Map<string, readonly string[]>();
const DATA = new Map<string, readonly string[]>();
for (const [key, attrs] of ATTRIBUTES) {
  const [mode, type] = key.split(' ');
  (mode === 'data' ? DATA : MANAGED).set(type, attrs);
}

/** The attributes read of an instance of this mode and type; undefined for a type that is only counted. */
export function attributesOf(mode: 'managed' | 'data', type: string): readonly string[] | undefined {
  return (mode === 'data' ? DATA : MANAGED).get(type);
}
