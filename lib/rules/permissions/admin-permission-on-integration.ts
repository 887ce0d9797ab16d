import type { Permission } from '../../catalog/types';
import type { PermissionSet } from '../../access/permission-match';
import { principalAccess } from '../../access/principal-access';
import type { Rule } from '../types';
import { oauthClients } from '../util';

/**
 * Permissions that let a principal change who can do what: roles and grants, OAuth clients, directory users,
 * divisions. An integration holding one can escalate its own access.
 */
export const ADMIN_PERMISSIONS: readonly Permission[] = [
  'authorization:division:add',
  'authorization:division:delete',
  'authorization:division:edit',
  'authorization:grant:add',
  'authorization:grant:delete',
  'authorization:role:add',
  'authorization:role:delete',
  'authorization:role:edit',
  'directory:user:add',
  'directory:user:delete',
  'directory:user:edit',
  'directory:user:setPassword',
  'oauth:client:add',
  'oauth:client:delete',
  'oauth:client:edit',
];

/** GCA-PERM6: a CLIENT-CREDENTIALS client holds admin-grade permissions. */
export const adminPermissionOnIntegration: Rule = {
  id: 'GCA-PERM6',
  name: 'admin-permission-on-integration',
  area: 'permissions',
  level: 'error',
  info: 'An integration (CLIENT-CREDENTIALS) client holds admin-grade permissions.',
  explanation:
    'Role, grant, OAuth client and user management let the client grant itself anything: a leaked secret becomes an org takeover.',
  fix: 'Move administration to the deploying pipeline client; suppress with a reason only for a client that really administers access.',
  suppressible: true,
  check: (ctx) => {
    // Clients with the same roles share a permission set: test each set once.
    const adminOf = new Map<PermissionSet, Permission[]>();
    return oauthClients(ctx)
      .filter((c) => c.grantType === 'CLIENT-CREDENTIALS')
      .flatMap((c) => {
        const set = principalAccess(ctx.graph, c).all.all;
        let admin = adminOf.get(set);
        if (!admin) adminOf.set(set, (admin = ADMIN_PERMISSIONS.filter((p) => set.has(p))));
        return admin.map((p) => ({
          address: c.key,
          finding: p,
          detail: `client "${c.name}" can ${p.split(':').slice(1).reverse().join(' ')} (${p}) through its roles: integrations should not manage access`,
        }));
      });
  },
};
