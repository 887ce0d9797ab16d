/**
 * Lookups over one access graph, built once per graph and held only as long as the graph is (a WeakMap), so a
 * long-running user does not leak: nodes by key, grants by principal, principals by name, and the permission
 * sets of role combinations (shared by every principal holding the same roles).
 */
import { cmp } from '../util/compare';
import type {
  AccessGraph,
  GraphDivision,
  GraphGrant,
  GraphGrantWriter,
  GraphPrincipal,
  GraphRole,
  Provenance,
} from './graph';
import { PermissionSet } from './permission-match';

/** The permissions of a set of roles, split by how sure they are. */
export interface RoleSetPermissions {
  /** Every permission the roles list (policies, conditional ones included, and general permissions). */
  readonly all: PermissionSet;
  /** Permissions granted without conditions. */
  readonly firm: PermissionSet;
  /** Roles of the set whose permissions are not fully known (defined elsewhere, dynamic, adopted). */
  readonly unknown: readonly GraphRole[];
}

const NO_GRANTS: readonly GraphGrant[] = Object.freeze([]);
const NO_WRITERS: readonly GraphGrantWriter[] = Object.freeze([]);

function logicalName(key: string): string {
  return key.split('.').pop() ?? key;
}

/** Lookups over one graph. Get it with {@link GraphIndex.of}. */
export class GraphIndex {
  private static readonly byGraph = new WeakMap<AccessGraph, GraphIndex>();

  /** The index of `graph`, built on first use. */
  public static of(graph: AccessGraph): GraphIndex {
    let index = GraphIndex.byGraph.get(graph);
    if (!index) GraphIndex.byGraph.set(graph, (index = new GraphIndex(graph)));
    return index;
  }

  private readonly principalByKey: ReadonlyMap<string, GraphPrincipal>;
  private readonly roleByKey: ReadonlyMap<string, GraphRole>;
  private readonly divisionByKey: ReadonlyMap<string, GraphDivision>;
  private provenanceByAddress?: ReadonlyMap<string, Provenance>;
  private readonly grantsByPrincipal = new Map<string, GraphGrant[]>();
  private writersByPrincipal?: Map<string, GraphGrantWriter[]>;
  private writerByKey?: ReadonlyMap<string, GraphGrantWriter>;
  private readonly roleSets = new Map<string, RoleSetPermissions>();
  private readonly memos = new Map<string, Map<string, unknown>>();

  private constructor(public readonly graph: AccessGraph) {
    this.principalByKey = new Map(graph.principals.map((p) => [p.key, p]));
    this.roleByKey = new Map(graph.roles.map((r) => [r.key, r]));
    this.divisionByKey = new Map(graph.divisions.map((d) => [d.key, d]));
    for (const g of graph.grants) {
      const list = this.grantsByPrincipal.get(g.principal);
      if (list) list.push(g);
      else this.grantsByPrincipal.set(g.principal, [g]);
    }
  }

  /** The principal with this key. */
  public principal(key: string): GraphPrincipal | undefined {
    return this.principalByKey.get(key);
  }

  /** The role with this key. */
  public role(key: string): GraphRole | undefined {
    return this.roleByKey.get(key);
  }

  /** The role with this key; throws when the graph is inconsistent. */
  public requireRole(key: string): GraphRole {
    const r = this.roleByKey.get(key);
    if (!r) throw new Error(`access graph: grant names role "${key}", which the graph does not hold`);
    return r;
  }

  /** The division with this key; throws when the graph is inconsistent. */
  public requireDivision(key: string): GraphDivision {
    const d = this.divisionByKey.get(key);
    if (!d) throw new Error(`access graph: grant names division "${key}", which the graph does not hold`);
    return d;
  }

  /** The division with this key. */
  public division(key: string): GraphDivision | undefined {
    return this.divisionByKey.get(key);
  }

  /** The provenance of the node (principal, role, division or grant writer) at a Terraform address. */
  public provenanceOf(address: string): Provenance | undefined {
    if (!this.provenanceByAddress) {
      const m = new Map<string, Provenance>();
      const g = this.graph;
      for (const list of [g.divisions, g.roles, g.grantWriters, g.principals] as const) {
        for (const n of list) if (n.provenance?.address) m.set(n.provenance.address, n.provenance);
      }
      this.provenanceByAddress = m;
    }
    return this.provenanceByAddress.get(address);
  }

  /** The grant writer with this key. */
  public writer(key: string): GraphGrantWriter | undefined {
    this.writerByKey ??= new Map(this.graph.grantWriters.map((w) => [w.key, w]));
    return this.writerByKey.get(key);
  }

  /** The principal's grants, in input order. */
  public grantsOf(principal: string): readonly GraphGrant[] {
    return this.grantsByPrincipal.get(principal) ?? NO_GRANTS;
  }

  /** The resources that write the principal's grants, by key. */
  public writersOf(principal: string): readonly GraphGrantWriter[] {
    if (!this.writersByPrincipal) {
      const by = new Map<string, GraphGrantWriter[]>();
      for (const w of this.graph.grantWriters) {
        const list = by.get(w.principal);
        if (list) list.push(w);
        else by.set(w.principal, [w]);
      }
      this.writersByPrincipal = by;
    }
    return this.writersByPrincipal.get(principal) ?? NO_WRITERS;
  }

  /** Principals matching `ref`: by key, else by logical name (`qa`), else by display name. */
  public findPrincipals(ref: string): GraphPrincipal[] {
    const byKey = this.principalByKey.get(ref);
    if (byKey) return [byKey];
    const logical = this.graph.principals.filter((p) => p.key.includes('.') && logicalName(p.key) === ref);
    if (logical.length) return logical;
    return this.graph.principals.filter((p) => p.name === ref);
  }

  /** Roles matching `ref`: by key, else by name or logical name. */
  public findRoles(ref: string): GraphRole[] {
    const byKey = this.roleByKey.get(ref);
    if (byKey) return [byKey];
    return this.graph.roles.filter((r) => r.name === ref || logicalName(r.key) === ref);
  }

  /** The permissions of `roles` together, shared by every principal holding the same roles. */
  public permissionsOf(roles: readonly GraphRole[]): RoleSetPermissions {
    const key =
      roles.length === 1
        ? roles[0].key
        : roles
            .map((r) => r.key)
            .sort(cmp)
            .join('\u0000');
    let hit = this.roleSets.get(key);
    if (!hit) {
      const all: string[] = [];
      const firm: string[] = [];
      const unknown: GraphRole[] = [];
      for (const r of roles) {
        for (const p of r.policies) {
          for (const a of p.actions) {
            const perm = `${p.domain}:${p.entity}:${a}`;
            all.push(perm);
            if (!p.conditions) firm.push(perm);
          }
        }
        for (const g of r.generalPermissions) {
          all.push(g);
          firm.push(g);
        }
        if (!r.complete) unknown.push(r);
      }
      const allSet = new PermissionSet(all);
      const firmSet = firm.length === all.length ? allSet : new PermissionSet(firm);
      hit = { all: allSet, firm: firmSet, unknown: unknown.sort((a, b) => cmp(a.key, b.key)) };
      this.roleSets.set(key, hit);
    }
    return hit;
  }

  /** A memo bucket of this graph (results derived from it, freed with it). */
  public memo<T>(bucket: string): Map<string, T> {
    let m = this.memos.get(bucket);
    if (!m) this.memos.set(bucket, (m = new Map()));
    return m as Map<string, T>;
  }
}
