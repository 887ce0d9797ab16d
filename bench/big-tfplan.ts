/**
 * A `terraform show -json` plan of about `resources` managed resources shaped like a large contact-centre org,
 * for the plan-reading benchmark: 200 roles, 2% OAuth clients each holding one role in each of 20 divisions
 * (looked up by data sources), 20% users (one for_each resource, with a for_each genesyscloud_user_roles), and
 * the rest routing queues and skills. Every resource is in the planned values, the prior state (5% are being
 * created: their ids are known only after apply, and the configuration resolves them), resource_changes and
 * the configuration, as Terraform writes them. Deterministic.
 */
type Json = Record<string, unknown>;

const PROVIDER = 'registry.terraform.io/mypurecloud/genesyscloud';
const DIVISIONS = 20;
const ROLES = 200;

function id(kind: number, i: number): string {
  const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0').slice(-w);
  return `${hex(kind, 8)}-${hex(i >>> 16, 4)}-4${hex(i, 3)}-8${hex(i * 7, 3)}-${hex(i * 2654435761, 12)}`;
}

const refs = (address: string): Json => ({ references: [`${address}.id`, address] });
const constant = (v: unknown): Json => ({ constant_value: v });

/** The plan as JSON text. */
export function bigTerraformPlan(resources: number): string {
  const clients = Math.round(resources * 0.02);
  const users = Math.round(resources * 0.2);
  const rest = Math.max(0, resources - ROLES - clients - 2 * users);
  const planned: Json[] = [];
  const prior: Json[] = [];
  const changes: Json[] = [];
  const config: Json[] = [];
  const isNew = (i: number): boolean => i % 20 === 19;

  const add = (r: Json, values: Json, created: boolean, unknown: Json): void => {
    const entry = { ...r, provider_name: PROVIDER, schema_version: 0, values, sensitive_values: {} };
    planned.push(entry);
    if (!created) prior.push(entry);
    changes.push({
      ...r,
      provider_name: PROVIDER,
      change: {
        actions: [created ? 'create' : 'no-op'],
        before: created ? null : values,
        after: values,
        after_unknown: unknown,
        before_sensitive: created ? false : {},
        after_sensitive: {},
      },
    });
  };
  const resource = (type: string, name: string, index?: string): Json => ({
    address: `${type}.${name}${index === undefined ? '' : `[${JSON.stringify(index)}]`}`,
    mode: 'managed',
    type,
    name,
    ...(index === undefined ? {} : { index }),
  });
  const block = (type: string, name: string, expressions: Json, extra: Json = {}): void => {
    config.push({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      provider_config_key: 'genesyscloud',
      expressions,
      schema_version: 0,
      ...extra,
    });
  };

  const data: Json[] = [
    {
      address: 'data.genesyscloud_auth_division_home.home',
      mode: 'data',
      type: 'genesyscloud_auth_division_home',
      name: 'home',
      provider_name: PROVIDER,
      schema_version: 0,
      values: { description: 'Home Division', id: id(1, 0), name: 'Home' },
      sensitive_values: {},
    },
  ];
  for (let d = 0; d < DIVISIONS; d++) {
    data.push({
      address: `data.genesyscloud_auth_division.site_${d}`,
      mode: 'data',
      type: 'genesyscloud_auth_division',
      name: `site_${d}`,
      provider_name: PROVIDER,
      schema_version: 0,
      values: { id: id(2, d), name: `Site ${d}` },
      sensitive_values: {},
    });
    config.push({
      address: `data.genesyscloud_auth_division.site_${d}`,
      mode: 'data',
      type: 'genesyscloud_auth_division',
      name: `site_${d}`,
      provider_config_key: 'genesyscloud',
      expressions: { name: constant(`Site ${d}`) },
      schema_version: 0,
    });
  }

  const policies = (r: number): Json[] =>
    [
      ['analytics', 'conversationDetail'],
      ['recording', 'screenRecording'],
      ['wfm', 'schedule'],
    ].map(([domain, entity], k) => ({
      action_set: k === 2 && r % 2 ? ['edit', 'view'] : ['view'],
      conditions: [],
      domain,
      entity_name: entity,
    }));
  for (let r = 0; r < ROLES; r++) {
    const created = isNew(r);
    const values = {
      default_role_id: null,
      description: `Role ${r} of the org`,
      ...(created ? {} : { id: id(3, r) }),
      name: `Role ${r}`,
      permission_policies: policies(r),
      permissions: null,
    };
    add(resource('genesyscloud_auth_role', `role_${r}`), values, created, created ? { id: true } : {});
    block('genesyscloud_auth_role', `role_${r}`, {
      name: constant(`Role ${r}`),
      permission_policies: policies(r).map((p) => ({
        action_set: constant(p.action_set),
        domain: constant(p.domain),
        entity_name: constant(p.entity_name),
      })),
    });
  }

  for (let c = 0; c < clients; c++) {
    const r = c % ROLES;
    const roleKnown = !isNew(r);
    // A client of a role the plan creates is created with it.
    const created = isNew(c) || !roleKnown;
    const roles = Array.from({ length: DIVISIONS }, (_, d) => ({
      division_id: id(2, d),
      ...(roleKnown ? { role_id: id(3, r) } : {}),
    }));
    const values = {
      access_token_validity_seconds: 86400,
      authorized_grant_type: 'CLIENT-CREDENTIALS',
      ...(created ? {} : { client_id: id(4, c), client_secret: null, id: id(5, c), integration_credential_id: null }),
      description: null,
      directory_client_secret: null,
      expose_client_secret: false,
      integration_credential_name: null,
      name: `Integration ${c}`,
      registered_redirect_uris: null,
      roles,
      scopes: null,
      state: 'active',
    };
    const unknown = created
      ? {
          client_id: true,
          client_secret: true,
          id: true,
          integration_credential_id: true,
          roles: roles.map(() => (roleKnown ? {} : { role_id: true })),
        }
      : {};
    add(resource('genesyscloud_oauth_client', `client_${c}`), values, created, unknown);
    block('genesyscloud_oauth_client', `client_${c}`, {
      authorized_grant_type: constant('CLIENT-CREDENTIALS'),
      name: constant(`Integration ${c}`),
      roles: Array.from({ length: DIVISIONS }, (_, d) => ({
        division_id: refs(`data.genesyscloud_auth_division.site_${d}`),
        role_id: refs(`genesyscloud_auth_role.role_${r}`),
      })),
    });
  }

  for (let u = 0; u < users; u++) {
    const key = `agent${u}@example.com`;
    const created = isNew(u);
    const user = {
      acd_auto_answer: false,
      addresses: [],
      department: 'Customer Care',
      division_id: created ? undefined : id(1, 0),
      email: key,
      ...(created ? {} : { id: id(6, u) }),
      manager: null,
      name: `Agent ${u}`,
      state: 'active',
      title: 'Agent',
    };
    add(resource('genesyscloud_user', 'agents', key), user, created, created ? { division_id: true, id: true } : {});
    const grants = {
      ...(created ? {} : { id: id(6, u), user_id: id(6, u) }),
      roles: [{ division_ids: [id(2, u % DIVISIONS), id(2, (u + 1) % DIVISIONS)], role_id: id(3, 0) }],
    };
    add(
      resource('genesyscloud_user_roles', 'agents', key),
      grants,
      created,
      created ? { id: true, user_id: true, roles: [{ division_ids: [false, false] }] } : {},
    );
  }
  block(
    'genesyscloud_user',
    'agents',
    { email: { references: ['each.key'] }, name: { references: ['each.value'] } },
    {
      for_each_expression: { references: ['var.agents'] },
    },
  );
  block(
    'genesyscloud_user_roles',
    'agents',
    {
      roles: [
        {
          division_ids: { references: ['each.value.divisions'] },
          role_id: refs('genesyscloud_auth_role.role_0'),
        },
      ],
      user_id: { references: ['genesyscloud_user.agents', 'each.key'] },
    },
    { for_each_expression: { references: ['genesyscloud_user.agents'] } },
  );

  for (let q = 0; q < rest; q++) {
    const queue = q % 2 === 0;
    const type = queue ? 'genesyscloud_routing_queue' : 'genesyscloud_routing_skill';
    const name = `${queue ? 'queue' : 'skill'}_${q}`;
    const values = queue
      ? {
          acw_wrapup_prompt: 'MANDATORY_TIMEOUT',
          description: `Queue ${q}`,
          division_id: id(2, q % DIVISIONS),
          id: id(7, q),
          name: `Queue ${q}`,
          skill_evaluation_method: 'ALL',
        }
      : { id: id(8, q), name: `Skill ${q}` };
    add(resource(type, name), values, false, {});
    block(type, name, { name: constant(values.name) });
  }

  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    prior_state: {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: { root_module: { resources: [...data, ...prior] } },
    },
    configuration: {
      provider_config: { genesyscloud: { name: 'genesyscloud', full_name: PROVIDER, version_constraint: '~> 1.84' } },
      root_module: { resources: config },
    },
    timestamp: '2026-12-03T12:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
  return JSON.stringify(plan);
}
