/**
 * A generated contact-centre org for benchmarks: `roles` custom roles, `divisions` divisions, `clients`
 * CLIENT-CREDENTIALS clients, each client holding one role in every division. Built two ways: with this
 * library's constructs and rules, or with the raw generated bindings only. Deterministic.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import {
  AccessRole,
  AccessRules,
  ClientCredentialsClient,
  Division,
  type IDivision,
  type Permission,
} from '../dist/lib';
import { Catalog } from '../dist/lib/catalog';
import { AuthRole } from '../dist/src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../dist/src/generated/provider/data-genesyscloud-auth-division';
import { OauthClient } from '../dist/src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../dist/src/generated/provider/provider';

/** Org size. */
export interface OrgSize {
  readonly clients: number;
  readonly divisions: number;
  readonly roles: number;
}

/** The large-org size of the benchmark. */
export const LARGE_ORG: OrgSize = { clients: 1000, divisions: 20, roles: 200 };

/** Permissions of role `i`: 3 to 7 real, non-admin view/edit/add permissions, picked deterministically. */
export function rolePermissions(i: number): Permission[] {
  const pool = Catalog.permissions().filter(
    (p) => /:(view|edit|add)$/.test(p) && !/^(authorization|oauth|directory):/.test(p),
  );
  const n = 3 + (i % 5);
  return [
    ...new Set(Array.from({ length: n }, (_, k) => pool[(i * 7919 + k * 104729) % pool.length])),
  ].sort() as Permission[];
}

function base(app: App, name: string): TerraformStack {
  const stack = new TerraformStack(app, name);
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  return stack;
}

/** The org with AccessRole, ClientCredentialsClient, Division and AccessRules.check. */
export function buildWithConstructs(app: App, size: OrgSize, name = 'org'): TerraformStack {
  const stack = base(app, name);
  AccessRules.check(stack);
  const divisions: IDivision[] = Array.from({ length: size.divisions }, (_, d) =>
    Division.fromName(stack, `division-${d}`, `Division ${d}`),
  );
  const roles = Array.from(
    { length: size.roles },
    (_, r) => new AccessRole(stack, `role-${r}`, { name: `Role ${r}`, permissions: rolePermissions(r) }),
  );
  for (let c = 0; c < size.clients; c++) {
    const client = new ClientCredentialsClient(stack, `client-${c}`, {
      name: `Integration ${c}`,
      accessTokenValiditySeconds: 3600,
    });
    roles[c % roles.length].grant(client, ...divisions);
  }
  return stack;
}

/** The same resources with the raw bindings, no rules. */
export function buildRaw(app: App, size: OrgSize, name = 'org'): TerraformStack {
  const stack = base(app, name);
  const divisions = Array.from(
    { length: size.divisions },
    (_, d) => new DataGenesyscloudAuthDivision(stack, `division-${d}`, { name: `Division ${d}` }),
  );
  const roles = Array.from({ length: size.roles }, (_, r) => {
    const groups = new Map<string, string[]>();
    for (const p of rolePermissions(r)) {
      const [dom, ent, act] = p.split(':');
      groups.set(`${dom}:${ent}`, [...(groups.get(`${dom}:${ent}`) ?? []), act]);
    }
    return new AuthRole(stack, `role-${r}`, {
      name: `Role ${r}`,
      description: 'Managed by cdktf-genesyscloud-access',
      permissionPolicies: [...groups.entries()].map(([k, actions]) => ({
        domain: k.split(':')[0],
        entityName: k.split(':')[1],
        actionSet: actions,
      })),
    });
  });
  // Ids read once: each `.id` read creates a token, which would make the baseline slower than it needs to be.
  const divisionIds = divisions.map((d) => d.id);
  const roleIds = roles.map((r) => r.id);
  for (let c = 0; c < size.clients; c++) {
    const roleId = roleIds[c % roleIds.length];
    new OauthClient(stack, `client-${c}`, {
      name: `Integration ${c}`,
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      accessTokenValiditySeconds: 3600,
      roles: divisionIds.map((divisionId) => ({ roleId, divisionId })),
    });
  }
  return stack;
}
