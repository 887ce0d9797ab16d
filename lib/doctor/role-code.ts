/**
 * A role (and optionally the CLIENT-CREDENTIALS client it is granted to, in named divisions) as code to paste:
 * construct code (AccessRole, ClientCredentialsClient, Division), HCL, and the same configuration as Terraform
 * JSON (`.tf.json`, which `readCdktf` reads too). One spec renders all three, so they cannot disagree. No cdktf
 * import: this is text.
 */
import { cmp } from '../util/compare';
import { hclString, q, slug, tfName } from './code-names';

/** A division a generated grant names. */
export type DivisionSpec =
  | { readonly kind: 'home' }
  | { readonly kind: 'all' }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'id'; readonly id: string };

/** What to generate. */
export interface RoleCodeSpec {
  readonly roleName: string;
  readonly description: string;
  /** `domain:entity:action`. */
  readonly permissions: readonly string[];
  /** General role permissions (`admin`, ...): HCL and JSON set them; AccessRole cannot. */
  readonly generalPermissions: readonly string[];
  /** The client to grant the role to, in `divisions`. */
  readonly client?: { readonly name: string; readonly description?: string };
  /** Where the role is granted (needed with `client`). */
  readonly divisions: readonly DivisionSpec[];
  /** Recorded by `Division.all({ reason })` when a division is `all`. */
  readonly allDivisionsReason?: string;
  /** Comment lines put above the code. */
  readonly header: readonly string[];
}

/** The generated code. */
export interface RoleCode {
  /** TypeScript for a stack constructor: the import line, a blank line, then the statements. */
  readonly construct: string;
  readonly hcl: string;
  /** Terraform JSON: `data` and `resource` sections, as a `.tf.json` or `cdk.tf.json` holds them. */
  readonly terraformJson: Record<string, unknown>;
}

interface Policy {
  readonly domain: string;
  readonly entity: string;
  readonly actions: readonly string[];
}

function policies(permissions: readonly string[]): Policy[] {
  const groups = new Map<string, Set<string>>();
  for (const p of permissions) {
    const [domain, entity, action] = p.split(':');
    const k = `${domain}:${entity}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = new Set()));
    g.add(action!);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([k, actions]) => {
      const [domain, entity] = k.split(':');
      return { domain: domain!, entity: entity!, actions: [...actions].sort(cmp) };
    });
}

interface Division {
  readonly spec: DivisionSpec;
  /** The Terraform data source name, for `name` and `home`. */
  readonly data?: string;
}

function divisionsOf(specs: readonly DivisionSpec[]): Division[] {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let n = base;
    for (let i = 2; used.has(n); i++) n = `${base}_${i}`;
    used.add(n);
    return n;
  };
  return specs.map((spec) =>
    spec.kind === 'name'
      ? { spec, data: unique(tfName(spec.name, 'division')) }
      : spec.kind === 'home'
        ? { spec, data: 'home' }
        : { spec },
  );
}

function constructDivision(d: Division, reason: string | undefined): string {
  switch (d.spec.kind) {
    case 'home':
      return 'Division.home(this)';
    case 'all':
      return `Division.all({ reason: ${q(reason ?? '<why every division, now and future>')} })`;
    case 'name':
      return `Division.fromName(this, ${q(slug(d.spec.name))}, ${q(d.spec.name)})`;
    case 'id':
      return `Division.fromId(this, ${q(slug(d.spec.id))}, ${q(d.spec.id)})`;
  }
}

function divisionRef(d: Division): string {
  switch (d.spec.kind) {
    case 'home':
      return 'data.genesyscloud_auth_division_home.home.id';
    case 'name':
      return `data.genesyscloud_auth_division.${d.data}.id`;
    case 'all':
      return '*';
    case 'id':
      return d.spec.id;
  }
}

/** `key = value` lines aligned as `terraform fmt` aligns them. */
function attrs(indent: string, pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

function hclList(values: readonly string[]): string {
  return `[${values.map(hclString).join(', ')}]`;
}

/** Renders the spec three ways. */
export function roleCode(spec: RoleCodeSpec): RoleCode {
  const roleTf = tfName(spec.roleName, 'role');
  const clientTf = spec.client ? tfName(spec.client.name, 'client') : undefined;
  const pols = policies(spec.permissions);
  const divisions = spec.client ? divisionsOf(spec.divisions) : [];
  const general = [...spec.generalPermissions].sort(cmp);

  // Construct code.
  const header = spec.header.map((h) => h.replace(/[\r\n\u2028\u2029]+/g, ' '));
  const ts: string[] = [...header.map((h) => `// ${h}`)];
  const imports = spec.client ? 'AccessRole, ClientCredentialsClient, Division' : 'AccessRole';
  ts.push(`import { ${imports} } from 'cdktf-genesyscloud-access';`, '');
  if (general.length) {
    ts.push(
      `// AccessRole cannot set general permissions (${general.join(', ')}): add them with the raw AuthRole binding`,
      '// (permissions: [...]) or see the HCL.',
    );
  }
  ts.push(`const role = new AccessRole(this, ${q(slug(spec.roleName, 'role'))}, {`);
  ts.push(`  name: ${q(spec.roleName)},`, `  description: ${q(spec.description)},`);
  ts.push('  permissions: [', ...spec.permissions.map((p) => `    ${q(p)},`), '  ],', '});');
  if (spec.client) {
    ts.push(
      `const client = new ClientCredentialsClient(this, ${q(slug(spec.client.name, 'client'))}, { name: ${q(spec.client.name)} });`,
    );
    ts.push(`role.grant(client, ${divisions.map((d) => constructDivision(d, spec.allDivisionsReason)).join(', ')});`);
  }
  const construct = `${ts.join('\n')}\n`;

  // HCL.
  const hcl: string[] = header.map((h) => `# ${h}`);
  for (const d of divisions) {
    if (d.spec.kind === 'name') {
      hcl.push(
        `data "genesyscloud_auth_division" ${hclString(d.data!)} {`,
        ...attrs('  ', [['name', hclString(d.spec.name)]]),
        '}',
        '',
      );
    }
  }
  if (divisions.some((d) => d.spec.kind === 'home')) {
    hcl.push('data "genesyscloud_auth_division_home" "home" {', '}', '');
  }
  hcl.push(`resource "genesyscloud_auth_role" ${hclString(roleTf)} {`);
  hcl.push(
    ...attrs('  ', [
      ['name', hclString(spec.roleName)],
      ['description', hclString(spec.description)],
      ...(general.length ? ([['permissions', hclList(general)]] as const) : []),
    ]),
  );
  for (const p of pols) {
    hcl.push(
      '',
      '  permission_policies {',
      ...attrs('    ', [
        ['domain', hclString(p.domain)],
        ['entity_name', hclString(p.entity)],
        ['action_set', hclList(p.actions)],
      ]),
      '  }',
    );
  }
  hcl.push('}');
  if (spec.client) {
    hcl.push('', `resource "genesyscloud_oauth_client" ${hclString(clientTf!)} {`);
    hcl.push(
      ...attrs('  ', [
        ['name', hclString(spec.client.name)],
        ['authorized_grant_type', hclString('CLIENT-CREDENTIALS')],
      ]),
    );
    for (const d of divisions) {
      const ref = divisionRef(d);
      hcl.push(
        '',
        '  roles {',
        ...attrs('    ', [
          ['role_id', `genesyscloud_auth_role.${roleTf}.id`],
          ['division_id', d.spec.kind === 'all' || d.spec.kind === 'id' ? hclString(ref) : ref],
        ]),
        '  }',
      );
    }
    hcl.push('}');
  }

  // Terraform JSON.
  const data: Record<string, Record<string, unknown>> = {};
  for (const d of divisions) {
    if (d.spec.kind === 'name') (data.genesyscloud_auth_division ??= {})[d.data!] = { name: d.spec.name };
    if (d.spec.kind === 'home') (data.genesyscloud_auth_division_home ??= {}).home = {};
  }
  const resource: Record<string, Record<string, unknown>> = {
    genesyscloud_auth_role: {
      [roleTf]: {
        name: spec.roleName,
        description: spec.description,
        ...(general.length ? { permissions: general } : {}),
        permission_policies: pols.map((p) => ({ domain: p.domain, entity_name: p.entity, action_set: p.actions })),
      },
    },
  };
  if (spec.client) {
    resource.genesyscloud_oauth_client = {
      [clientTf!]: {
        name: spec.client.name,
        authorized_grant_type: 'CLIENT-CREDENTIALS',
        roles: divisions.map((d) => ({
          role_id: `\${genesyscloud_auth_role.${roleTf}.id}`,
          division_id: d.spec.kind === 'all' || d.spec.kind === 'id' ? divisionRef(d) : `\${${divisionRef(d)}}`,
        })),
      },
    };
  }
  return {
    construct,
    hcl: `${hcl.join('\n')}\n`,
    terraformJson: { ...(Object.keys(data).length ? { data } : {}), resource },
  };
}
