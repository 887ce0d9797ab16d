/**
 * Drift: a diff between a live org (a snapshot) and code (a synthesis). The two name the same things
 * differently (the org by id, the code by Terraform address), so before the diff both graphs are re-keyed by
 * what they share: a literal id in the code meets the org's node of that id; otherwise OAuth clients, groups
 * and roles meet by name, users by name (the org names a user by email, as a looked-up user is), divisions by
 * name (home and all divisions as such). A role the code only references (looked up, or by id) takes the org's
 * definition. The code side's stacks are merged into one graph, as they all apply to the one org. The diff
 * itself is unchanged. No cdktf import.
 */
import type {
  AccessGraph,
  GraphDivision,
  GraphGrant,
  GraphGrantWriter,
  GraphPrincipal,
  GraphResourceType,
  GraphRole,
  PrincipalIntent,
  RoleIntent,
} from '../access/graph';
import { ALL_DIVISIONS_KEY, HOME_KEY } from '../access/divisions';
import type { LoadedStack } from '../sources/cdktf/load';
import { ORG_FORMAT } from '../sources/genesys-org/snapshot-file';
import { cmp } from '../util/compare';

/** How a drift diff was paired. */
export interface DriftInfo {
  /** Which side is the live org. */
  readonly org: 'base' | 'head';
  /** The org's name. */
  readonly orgName: string;
  /** The code side's stacks, merged. */
  readonly stacks: readonly string[];
  /** Principals found on both sides, only in the org, only in the code. */
  readonly principals: { readonly matched: number; readonly orgOnly: number; readonly codeOnly: number };
}

function isOrg(stacks: readonly LoadedStack[]): boolean {
  return stacks.length === 1 && stacks[0]!.graph.source.format === ORG_FORMAT;
}

function lower(s: string): string {
  return s.trim().toLowerCase();
}

/** Unique keys: the first node keeps the name's key, later ones get the original key appended. */
class Keys {
  private readonly used = new Set<string>();
  public readonly map = new Map<string, string>();

  assign(oldKey: string, wanted: string): string {
    const key = this.used.has(wanted) ? `${wanted}#${oldKey}` : wanted;
    this.used.add(key);
    this.map.set(oldKey, key);
    return key;
  }
}

function divisionKey(d: GraphDivision): string {
  if (d.kind === 'home') return HOME_KEY;
  if (d.kind === 'all') return ALL_DIVISIONS_KEY;
  return d.name !== undefined ? `division:${lower(d.name)}` : d.key;
}

/** The org's new keys by Genesys id: what literal ids in the code are matched with. */
interface OrgIds {
  readonly divisions: ReadonlyMap<string, string>;
  readonly roles: ReadonlyMap<string, GraphRole>;
  readonly principals: ReadonlyMap<string, string>;
}

/**
 * The graph re-keyed by names. With `org` (the code side): nodes the code names by literal id meet the org's,
 * and roles the code only references (looked up, or by id) take the org's definition, which the org knows.
 */
function rekey(graph: AccessGraph, org?: OrgIds): AccessGraph {
  const dk = new Keys();
  const divisions = graph.divisions
    .map((d) => {
      const id = d.provenance?.genesysId;
      const byId = id !== undefined && d.kind !== 'home' && d.kind !== 'all' ? org?.divisions.get(id) : undefined;
      return { ...d, key: dk.assign(d.key, byId ?? divisionKey(d)) };
    })
    .sort((a, b) => cmp(a.key, b.key));
  const rk = new Keys();
  const roles: GraphRole[] = graph.roles
    .map((r) => {
      const id = r.provenance?.genesysId;
      const byId = id !== undefined ? org?.roles.get(id) : undefined;
      const key = rk.assign(r.key, byId?.key ?? `role:${r.name}`);
      return { ...r, key };
    })
    .sort((a, b) => cmp(a.key, b.key));
  if (org) {
    const orgRoles = new Map([...org.roles.values()].map((r) => [r.key, r]));
    for (let i = 0; i < roles.length; i++) {
      const r = roles[i]!;
      const known = orgRoles.get(r.key);
      if (r.origin !== 'managed' && known) {
        roles[i] = {
          ...r,
          name: known.name,
          permissions: known.permissions,
          policies: known.policies,
          generalPermissions: known.generalPermissions,
          complete: true,
        };
      }
    }
  }
  const pk = new Keys();
  const principals: GraphPrincipal[] = graph.principals
    .map((p) => {
      const id = p.provenance?.genesysId;
      const byId = id !== undefined ? org?.principals.get(`${p.kind}:${id}`) : undefined;
      const wanted = byId ?? `${p.kind}:${p.kind === 'user' ? lower(p.name) : p.name}`;
      return { ...p, key: pk.assign(p.key, wanted) };
    })
    .sort((a, b) => cmp(a.key, b.key));
  const writerKey = (w: GraphGrantWriter): string => `${w.type}:${pk.map.get(w.principal) ?? w.principal}`;
  const wk = new Keys();
  const grantWriters: GraphGrantWriter[] = graph.grantWriters
    .map((w) => ({ ...w, key: wk.assign(w.key, writerKey(w)), principal: pk.map.get(w.principal) ?? w.principal }))
    .sort((a, b) => cmp(a.key, b.key));
  const grants: GraphGrant[] = graph.grants.map((g) => ({
    ...g,
    principal: pk.map.get(g.principal) ?? g.principal,
    role: rk.map.get(g.role) ?? g.role,
    division: dk.map.get(g.division) ?? g.division,
    writer: wk.map.get(g.writer) ?? g.writer,
  }));
  const intent = graph.intent
    ? {
        ...graph.intent,
        principals: Object.fromEntries(
          Object.entries(graph.intent.principals).map(([k, v]) => [pk.map.get(k) ?? k, v]),
        ) as Record<string, PrincipalIntent>,
        roles: Object.fromEntries(
          Object.entries(graph.intent.roles).map(([k, v]) => [rk.map.get(k) ?? k, v]),
        ) as Record<string, RoleIntent>,
      }
    : undefined;
  return { ...graph, divisions, roles, principals, grants, grantWriters, ...(intent ? { intent } : {}) };
}

/** The code side's graphs as one: nodes with the same (re-keyed) key are one node, grants are unioned. */
function merge(graphs: readonly AccessGraph[], name: string): AccessGraph {
  if (graphs.length === 1) return graphs[0]!;
  const first = <T extends { key: string }>(lists: ReadonlyArray<readonly T[]>): T[] => {
    const by = new Map<string, T>();
    for (const list of lists) for (const x of list) if (!by.has(x.key)) by.set(x.key, x);
    return [...by.values()].sort((a, b) => cmp(a.key, b.key));
  };
  const grants = new Map<string, GraphGrant>();
  for (const g of graphs.flatMap((x) => x.grants)) grants.set(`${g.principal}\u0000${g.role}\u0000${g.division}`, g);
  const types = new Map<string, GraphResourceType>();
  for (const t of graphs.flatMap((x) => x.resourceTypes)) {
    const k = `${t.mode}\u0000${t.type}`;
    const hit = types.get(k);
    types.set(k, hit ? { ...hit, count: hit.count + t.count } : t);
  }
  const intents = graphs.map((g) => g.intent).filter((i) => i !== undefined);
  return {
    version: graphs[0]!.version,
    source: { format: graphs[0]!.source.format, name },
    divisions: first(graphs.map((g) => g.divisions)),
    roles: first(graphs.map((g) => g.roles)),
    principals: first(graphs.map((g) => g.principals)),
    grants: [...grants.values()],
    grantWriters: first(graphs.map((g) => g.grantWriters)),
    resourceTypes: [...types.values()].sort((a, b) => cmp(a.mode, b.mode) || cmp(a.type, b.type)),
    ...(intents.length
      ? {
          intent: {
            version: intents[0]!.version,
            principals: Object.assign({}, ...intents.map((i) => i.principals)) as Record<string, PrincipalIntent>,
            roles: Object.assign({}, ...intents.map((i) => i.roles)) as Record<string, RoleIntent>,
            suppressions: intents.flatMap((i) => i.suppressions),
            suppressedFindings: intents.flatMap((i) => i.suppressedFindings),
          },
        }
      : {}),
  };
}

/**
 * When one side is a snapshot and the other is code: both re-keyed by names, the code merged into one graph.
 * Otherwise the inputs unchanged and no drift info.
 */
export function alignForDrift(
  base: readonly LoadedStack[],
  head: readonly LoadedStack[],
): { base: readonly LoadedStack[]; head: readonly LoadedStack[]; drift?: DriftInfo } {
  const orgSide =
    isOrg(base) && !head.some((s) => s.graph.source.format === ORG_FORMAT) && head.length > 0
      ? 'base'
      : isOrg(head) && !base.some((s) => s.graph.source.format === ORG_FORMAT) && base.length > 0
        ? 'head'
        : undefined;
  if (!orgSide) return { base, head };
  const orgStack = (orgSide === 'base' ? base : head)[0]!;
  const codeStacks = orgSide === 'base' ? head : base;
  const org = rekey(orgStack.graph);
  const ids: OrgIds = {
    divisions: new Map(
      org.divisions.filter((d) => d.provenance?.genesysId).map((d) => [d.provenance!.genesysId!, d.key]),
    ),
    roles: new Map(org.roles.filter((r) => r.provenance?.genesysId).map((r) => [r.provenance!.genesysId!, r])),
    principals: new Map(
      org.principals
        .filter((p) => p.provenance?.genesysId)
        .map((p) => [`${p.kind}:${p.provenance!.genesysId!}`, p.key]),
    ),
  };
  const codeName = codeStacks.length === 1 ? codeStacks[0]!.name : codeStacks.map((s) => s.name).join(' + ');
  const code = merge(
    codeStacks.map((s) => rekey(s.graph, ids)),
    codeName,
  );
  const orgKeys = new Set(org.principals.map((p) => p.key));
  const codeKeys = new Set(code.principals.map((p) => p.key));
  const matched = [...codeKeys].filter((k) => orgKeys.has(k)).length;
  const orgLoaded: LoadedStack = { name: orgStack.name, file: orgStack.file, graph: org };
  const codeLoaded: LoadedStack = { name: codeName, file: codeStacks[0]!.file, graph: code };
  return {
    base: [orgSide === 'base' ? orgLoaded : codeLoaded],
    head: [orgSide === 'base' ? codeLoaded : orgLoaded],
    drift: {
      org: orgSide,
      orgName: orgStack.name,
      stacks: codeStacks.map((s) => s.name),
      principals: { matched, orgOnly: orgKeys.size - matched, codeOnly: codeKeys.size - matched },
    },
  };
}
