/**
 * Deployer requirements (`genesys-access deployer`): what the OAuth client that runs `cdktf deploy` must itself
 * hold to apply a plan. Per resource type created and data source read, the Platform API operations the
 * provider calls (data/genesyscloud/resource-api-usage.json) with their ANY/ALL permissions from the catalog,
 * summarised as a minimal permission set; plus every role × division the plan grants, which the provider
 * requires the deploying client to hold already (PITFALLS 10). No cdktf import.
 */
import * as fs from 'fs';
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { divisionLabel } from '../access/divisions';
import type { AccessGraph } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { AccessValidationError } from '../errors';
import { dataFile } from '../util/package-root';
import { cmp } from '../util/compare';
import type { LoadedStack } from '../sources/cdktf/load';
import { leastPrivilegeChoice } from '../access/least-privilege';
import { coverOperations } from '../access/ranking';

/** One provider API call and its documented permissions. */
export interface DeployerOperation {
  readonly key: string;
  readonly operationId: string;
  readonly anyOf: readonly string[];
  readonly allOf: readonly string[];
  /** Set when the provider calls it only in some cases that this plan does not need (then not counted). */
  readonly condition?: string;
}

/** A resource type or data source in the plan and the calls the provider makes for it. */
export interface DeployerType {
  readonly type: string;
  readonly kind: 'resource' | 'data';
  readonly count: number;
  readonly operations: readonly DeployerOperation[];
  /** Endpoints the usage data lists that the catalog does not know (`METHOD /path`). */
  readonly unknownEndpoints: readonly string[];
}

/** How one ANY-of group was resolved in the minimal set. */
export interface AnyOfChoice {
  readonly of: readonly string[];
  readonly pick: string;
  readonly why: string;
  readonly operations: readonly string[];
}

/** A role × division the plan grants: the deploying client must already hold it. */
export interface DeployerGrant {
  readonly role: string;
  readonly roleAddress: string;
  /** True when the plan creates the role (it cannot be held before the first apply creates it). */
  readonly createdByPlan: boolean;
  readonly division: string;
  readonly divisionKey: string;
  readonly grantedTo: readonly string[];
}

/** Requirements of one stack (or of several together). */
export interface DeployerRequirements {
  readonly stack: string;
  /** The minimal permission set: every ALL-of permission plus one pick per ANY-of group, sorted. */
  readonly permissions: readonly string[];
  readonly types: readonly DeployerType[];
  readonly choices: readonly AnyOfChoice[];
  readonly grants: readonly DeployerGrant[];
  /** Types the usage data does not describe. */
  readonly unknownTypes: readonly string[];
  readonly notes: readonly string[];
}

/** The model of `deployer`: one entry per stack, plus the union when there are several. */
export interface DeployerModel {
  readonly stacks: readonly DeployerRequirements[];
  /** One client deploying every stack (present with more than one stack). */
  readonly combined?: {
    readonly permissions: readonly string[];
    readonly grants: ReadonlyArray<DeployerGrant & { readonly stack: string }>;
  };
}

interface Usage {
  resources: Record<string, { endpoints: Array<{ method: string; path: string }> }>;
  data_sources: Record<string, { endpoints: Array<{ method: string; path: string }> }>;
}

let usage: Usage | undefined;

function usageData(): Usage {
  if (!usage) {
    const file = dataFile('genesyscloud', 'resource-api-usage.json');
    try {
      usage = JSON.parse(fs.readFileSync(file, 'utf8')) as Usage;
    } catch (e) {
      throw new AccessValidationError(`cannot read the packaged resource-api-usage.json: ${(e as Error).message}`);
    }
  }
  return usage;
}

/** Calls the provider makes only in some cases, with the test whether this plan needs them. */
const CONDITIONAL: Record<
  string,
  ReadonlyArray<{
    keys: readonly string[];
    condition: string;
    needed: (graph: AccessGraph) => boolean;
  }>
> = {
  genesyscloud_oauth_client: [
    {
      keys: ['GET /api/v2/users/me', 'GET /api/v2/users/{subjectId}/roles', 'PUT /api/v2/users/{subjectId}/roles'],
      condition: 'only for a user-login deployer (the provider then adds the granted roles to that user)',
      needed: () => false,
    },
    {
      keys: [
        'POST /api/v2/integrations/credentials',
        'GET /api/v2/integrations/credentials/{credentialId}',
        'PUT /api/v2/integrations/credentials/{credentialId}',
        'DELETE /api/v2/integrations/credentials/{credentialId}',
      ],
      condition: 'only for clients with integration_credential_name (none here)',
      needed: (graph) => graph.principals.some((p) => p.integrationCredential === true),
    },
  ],
};

function typeRequirements(
  type: string,
  kind: 'resource' | 'data',
  count: number,
  graph: AccessGraph,
): DeployerType | undefined {
  const entry = (kind === 'resource' ? usageData().resources : usageData().data_sources)[type];
  if (!entry) return undefined;
  const conditional = kind === 'resource' ? (CONDITIONAL[type] ?? []) : [];
  const operations: DeployerOperation[] = [];
  const unknownEndpoints: string[] = [];
  const seen = new Set<string>();
  for (const e of entry.endpoints) {
    const ref = `${e.method} ${e.path}`;
    const op = Catalog.operation(ref);
    if (!op) {
      unknownEndpoints.push(ref);
      continue;
    }
    if (seen.has(op.key)) continue;
    seen.add(op.key);
    const c = conditional.find((x) => x.keys.includes(op.key) && !x.needed(graph));
    operations.push({
      key: op.key,
      operationId: op.operationId,
      anyOf: op.anyOf,
      allOf: op.allOf,
      ...(c ? { condition: c.condition } : {}),
    });
  }
  operations.sort((a, b) => cmp(a.key, b.key));
  return { type, kind, count, operations, unknownEndpoints: unknownEndpoints.sort(cmp) };
}

/** How an ANY-of group nobody needs anyway is resolved: the permission to grant and why. */
export type AnyOfPick = (group: { readonly of: readonly string[]; readonly operations: readonly string[] }) => {
  readonly permission: string;
  readonly why: string;
};

/**
 * The minimal permission set over operations by the one ranking (lib/access/ranking.ts `coverOperations`): every
 * ALL-of permission, then one permission per ANY-of group, preferring one already needed, else `pick` (by
 * default the pick `explain` makes, {@link leastPrivilegeChoice}).
 */
export function minimalPermissions(
  operations: readonly DeployerOperation[],
  pick?: AnyOfPick,
): {
  permissions: string[];
  choices: AnyOfChoice[];
} {
  const counted = [...operations.filter((o) => !o.condition)].sort((a, b) => cmp(a.key, b.key));
  const { permissions, choices } = coverOperations(counted, {
    pickFor: (alternatives, keys) =>
      pick?.({ of: alternatives, operations: keys }) ??
      leastPrivilegeChoice(
        alternatives,
        keys.map((k) => Catalog.operation(k)).filter((o): o is Operation => o !== undefined),
      ),
  });
  return {
    permissions,
    choices: choices
      .map((c) => ({ of: c.of, pick: c.pick, why: c.why, operations: [...c.operations].sort(cmp) }))
      .sort((a, b) => cmp(a.operations[0], b.operations[0])),
  };
}

function grantsOf(stack: LoadedStack): DeployerGrant[] {
  type Draft = { -readonly [K in Exclude<keyof DeployerGrant, 'grantedTo'>]: DeployerGrant[K] } & {
    grantedTo: Set<string>;
  };
  const byKey = new Map<string, Draft>();
  const index = GraphIndex.of(stack.graph);
  for (const g of stack.graph.grants) {
    const key = `${g.role}|${g.division}`;
    let hit = byKey.get(key);
    if (!hit) {
      const role = index.requireRole(g.role);
      const division = index.requireDivision(g.division);
      hit = {
        role: role.name,
        roleAddress: role.key,
        // A managed role whose id the input knows (a plan's prior state) exists already.
        createdByPlan: role.origin === 'managed' && role.provenance?.genesysId === undefined,
        division: divisionLabel(division, g.implicitHome),
        divisionKey: g.division,
        grantedTo: new Set(),
      };
      byKey.set(key, hit);
    }
    // As the report does: home given implicitly (no division) is called out.
    if (g.implicitHome) hit.division = divisionLabel(index.requireDivision(g.division), true);
    hit.grantedTo.add(g.principal);
  }
  return [...byKey.values()]
    .map((g) => ({ ...g, grantedTo: [...g.grantedTo].sort(cmp) }))
    .sort((a, b) => cmp(a.role, b.role) || cmp(a.roleAddress, b.roleAddress) || cmp(a.division, b.division));
}

/** Requirements of one stack. */
export function deployerRequirements(stack: LoadedStack): DeployerRequirements {
  const types: DeployerType[] = [];
  const unknownTypes: string[] = [];
  for (const [kind, mode] of [
    ['resource', 'managed'],
    ['data', 'data'],
  ] as const) {
    for (const { type, count } of stack.graph.resourceTypes.filter((t) => t.mode === mode)) {
      const r = typeRequirements(type, kind, count, stack.graph);
      if (r) types.push(r);
      else unknownTypes.push(kind === 'data' ? `data.${type}` : type);
    }
  }
  const { permissions, choices } = minimalPermissions(types.flatMap((t) => t.operations));
  const grants = grantsOf(stack);
  const notes: string[] = [];
  if (grants.length) {
    notes.push(
      'The provider requires the deploying client to already hold every role it grants, in the divisions it grants them: give the pipeline client these role × division grants before the apply.',
    );
  }
  if (grants.some((g) => g.createdByPlan)) {
    notes.push(
      'Roles created by this plan cannot be held before they exist: apply the roles first (e.g. `cdktf deploy` with the grants left out, or a separate stack), grant them to the deploying client, then apply the grants.',
    );
  }
  if (types.some((t) => t.unknownEndpoints.length)) {
    notes.push('Some endpoints in the usage data are not in the pinned catalog: their permissions are not counted.');
  }
  return { stack: stack.name, permissions, types, choices, grants, unknownTypes, notes };
}

/** Requirements of every stack, and their union for one client deploying them all. */
export function buildDeployer(stacks: readonly LoadedStack[]): DeployerModel {
  const reqs = stacks.map(deployerRequirements);
  if (reqs.length < 2) return { stacks: reqs };
  const { permissions } = minimalPermissions(reqs.flatMap((r) => r.types.flatMap((t) => t.operations)));
  return {
    stacks: reqs,
    combined: {
      permissions,
      grants: reqs.flatMap((r) => r.grants.map((g) => ({ stack: r.stack, ...g }))),
    },
  };
}
