/**
 * The report model of `genesys-access report`: for every principal of every stack, who can do what, in which
 * divisions, what that adds up to, and the rule findings. Plain data, stable order; rendered by
 * render-report-markdown.ts and render-json.ts. No cdktf import.
 */
import type { AccessGraph, GraphPrincipal, GraphRole, PrincipalKind, RoleOrigin } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { type DivisionAccess, isUserContextClient, principalAccess } from '../access/principal-access';
import type { PermissionSet } from '../access/permission-match';
import type { Reason } from '../access/reasons';
import {
  capabilityOperations,
  exampleOperations,
  heldCapabilitiesIn,
  type OwnOperations,
  scopeOperations,
  type Unlocked,
  unlockedUnion,
} from '../analysis/unlocked';
import { ALL_RULES } from '../rules/packs';
import { findingId, runRules } from '../rules/engine';
import type { Finding } from '../rules/types';
import { cmp } from '../util/compare';
import type { LoadedStack } from '../sources/cdktf/load';
import { type FindingSource, findingSource } from './finding-source';

/** A division a principal is granted in, and the roles granted there. */
export interface DivisionGrantReport {
  /** `Chicago`, `home`, `home (implicit: no division given)`, `all divisions`, or the id. */
  readonly label: string;
  /** lookup, managed, home, implicit-home, all, id, unresolved or org (see DivisionKind). */
  readonly kind: string;
  /** Stable key: `*`, `home`, the Terraform address or the id. */
  readonly key: string;
  /** Addresses of the roles granted in this division (see the stack's `roles`). */
  readonly roles: readonly string[];
}

/** A role granted in the stack or defined by it, whether or not a principal of the input holds it. */
export interface RoleReport {
  readonly address: string;
  readonly name: string;
  /** True for roles defined in the plan or read from a live org (their permissions are known). */
  readonly managed: boolean;
  /** Where its definition is: managed, data (a data source), id, unresolved or org (see RoleOrigin). */
  readonly origin: RoleOrigin;
  /** As written (wildcards kept), sorted; empty for roles not in the plan. */
  readonly permissions: readonly string[];
  /** Why its permissions are not fully known (a dynamic block, an adopted built-in role, defined elsewhere). */
  readonly incomplete?: string;
  /** Addresses of the principals of the input granted it (in any division), sorted; empty when none is. */
  readonly holders: readonly string[];
  /** Unsuppressed findings on the role (`GCA-X[finding]`), sorted; also listed on every holder. */
  readonly findings: readonly string[];
}

/** An operation count with a few examples. */
export interface OperationCount {
  readonly count: number;
  readonly examples: readonly string[];
}

/** One principal's access. */
export interface PrincipalReport {
  readonly address: string;
  readonly kind: PrincipalKind;
  readonly name: string;
  /** OAuth clients: `authorized_grant_type`. */
  readonly grantType?: string;
  /** Construct path where known (our metadata, else cdktf's `"//"` metadata). */
  readonly construct?: string;
  /** True for user-context OAuth clients (scopes apply; permissions come from the signed-in user). */
  readonly userContext: boolean;
  /** Why a principal that is not user-context holds nothing (an inactive client, a group with roles disabled). */
  readonly holdsNothing?: Reason;
  /** Why some of its grants cannot be read statically. */
  readonly grantsIncomplete?: string;
  /** The divisions granted, with the roles granted in each. */
  readonly divisions: readonly DivisionGrantReport[];
  /** Why all divisions were granted, from the synthesized metadata. */
  readonly allDivisionsReasons: readonly string[];
  /** Union over the divisions, sorted. */
  readonly permissions: readonly string[];
  readonly capabilities: {
    /** Declared by our constructs (metadata). */
    readonly declared: readonly string[];
    /** Capabilities whose whole permission set the principal holds in at least one division. */
    readonly held: readonly string[];
  };
  /** Operations (that list permissions) whose ANY/ALL rule the principal meets in at least one division. */
  readonly operations: OperationCount;
  /** User-context clients: the scopes, and how many operations accept one of them. */
  readonly scopes?: readonly string[];
  readonly scopeOperations?: OperationCount;
  /**
   * Unsuppressed findings on the principal, the resources that write its grants and the roles it holds
   * (`GCA-X[finding]`), sorted.
   */
  readonly findings: readonly string[];
}

/** A finding as reported. */
export interface FindingReport {
  readonly ruleId: string;
  readonly level: 'error' | 'warning';
  readonly address: string;
  readonly finding?: string;
  readonly path?: string;
  /** Where the resource is written (`main.tf:12`), for inputs that know. */
  readonly location?: string;
  readonly message: string;
  /** The file, JSON pointer and line of the resource, where the input knows them (SARIF reads it). */
  readonly source?: FindingSource;
}

/** A finding silenced by a reasoned suppression. */
export interface SuppressedFindingReport extends FindingReport {
  readonly reason: string;
  /** Construct path the suppression was added on. */
  readonly suppressedAt: string;
}

/** One stack. */
export interface StackReport {
  readonly stack: string;
  readonly summary: {
    readonly principals: number;
    readonly roles: number;
    readonly errors: number;
    readonly warnings: number;
    readonly suppressed: number;
  };
  readonly principals: readonly PrincipalReport[];
  /** Every role the input defines or its principals hold, by address, with its holders and findings. */
  readonly roles: readonly RoleReport[];
  /** Unsuppressed findings. */
  readonly findings: readonly FindingReport[];
  readonly suppressed: readonly SuppressedFindingReport[];
  /** Suppressions declared in the stack (`locals.genesyscloud_access.suppressions`). */
  readonly suppressions: ReadonlyArray<{
    readonly id: string;
    readonly path: string;
    readonly reason: string;
    readonly appliesTo?: readonly string[];
  }>;
}

/** The whole report. */
export interface ReportModel {
  readonly summary: {
    readonly stacks: number;
    readonly principals: number;
    readonly errors: number;
    readonly warnings: number;
    readonly suppressed: number;
  };
  readonly stacks: readonly StackReport[];
}

function findingReport(f: Finding, graph: AccessGraph): FindingReport {
  const source = findingSource(graph, f.address);
  return {
    ruleId: f.ruleId,
    level: f.level,
    address: f.address,
    ...(f.finding !== undefined ? { finding: f.finding } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    ...(f.location !== undefined ? { location: f.location } : {}),
    message: f.message,
    ...(source ? { source } : {}),
  };
}

/** The construct path of a principal: our intent's, else the recorded construct path without `/Default`. */
export function constructOf(graph: AccessGraph, p: GraphPrincipal): string | undefined {
  const meta = graph.intent?.principals[p.key]?.construct;
  if (meta) return meta;
  return p.provenance?.constructPath?.replace(/\/Default$/, '');
}

const NONE: readonly string[] = Object.freeze([]);

function principalReport(
  graph: AccessGraph,
  p: GraphPrincipal,
  findings: ReadonlyMap<string, string[]>,
): PrincipalReport {
  const access = principalAccess(graph, p);
  const divisions = access.divisions;
  const meta = graph.intent?.principals[p.key];
  const { unlocked, capabilities } = accessSummary(graph, divisions);
  const userContext = isUserContextClient(p);
  const construct = constructOf(graph, p);
  const declared = meta?.capabilities.length ? [...meta.capabilities].sort(cmp) : NONE;
  const ownOperations = capabilityOperations(graph, declared);
  // Built field by field in the JSON order, without spreads: this runs once per principal (50,000 in a large org).
  const r: { -readonly [K in keyof PrincipalReport]: PrincipalReport[K] } = {
    address: p.key,
    kind: p.kind,
    name: p.name,
  } as PrincipalReport;
  if (p.grantType !== undefined) r.grantType = p.grantType;
  if (construct) r.construct = construct;
  r.userContext = userContext;
  if (access.inert && !userContext) r.holdsNothing = access.inert;
  if (!p.grantsComplete) r.grantsIncomplete = p.grantsIncompleteReason ?? 'not known';
  r.divisions = divisionGrants(divisions);
  r.allDivisionsReasons = meta?.allDivisionsReasons.length ? [...meta.allDivisionsReasons].sort(cmp) : NONE;
  r.permissions = access.all.all.list;
  r.capabilities = {
    declared,
    held: capabilities,
  };
  r.operations = operationCount(unlocked, ownOperations);
  if (userContext) {
    r.scopes = [...p.scopes].sort(cmp);
    r.scopeOperations = scopeOperations(graph, p.scopes, ownOperations);
  }
  r.findings = findings.size ? findingsOf(graph, p, findings) : NONE;
  return r;
}

/** The findings on a principal, on the resources that write its grants and on the roles it holds. */
function findingsOf(graph: AccessGraph, p: GraphPrincipal, findings: ReadonlyMap<string, string[]>): readonly string[] {
  const index = GraphIndex.of(graph);
  let out: Set<string> | undefined;
  const add = (more: readonly string[] | undefined): void => {
    if (!more) return;
    out ??= new Set();
    for (const f of more) out.add(f);
  };
  add(findings.get(p.key));
  for (const w of index.writersOf(p.key)) add(findings.get(w.key));
  for (const g of index.grantsOf(p.key)) add(findings.get(g.role));
  return out ? [...out].sort(cmp) : NONE;
}

/** The report's divisions, shared by principals with the same grants (the model is immutable). */
function divisionGrants(divisions: readonly DivisionAccess[]): readonly DivisionGrantReport[] {
  if (divisions.length === 0) return NONE_DIVISIONS;
  // Principals with the same grants share one divisions list (principalAccess), so the list is the memo key.
  let out = grantsByDivisions.get(divisions);
  if (!out) {
    out = divisions.map((d) => ({ label: d.label, kind: d.kind, key: d.key, roles: d.roles.map((r) => r.key) }));
    grantsByDivisions.set(divisions, out);
  }
  return out;
}

const NONE_DIVISIONS: readonly DivisionGrantReport[] = Object.freeze([]);
const counts = new WeakMap<Unlocked, Map<string, OperationCount>>();

/** The operation count and examples of `u`, shared by every principal with the same access and capabilities. */
function operationCount(u: Unlocked, own: OwnOperations | undefined): OperationCount {
  let byOwn = counts.get(u);
  if (!byOwn) counts.set(u, (byOwn = new Map()));
  const key = own?.key ?? '';
  let c = byOwn.get(key);
  if (!c) byOwn.set(key, (c = { count: u.count, examples: exampleOperations(u, own) }));
  return c;
}
const grantsByDivisions = new WeakMap<readonly DivisionAccess[], readonly DivisionGrantReport[]>();

type Summary = { unlocked: Unlocked; capabilities: readonly string[] };
const summaries = new WeakMap<AccessGraph, WeakMap<readonly DivisionAccess[], Summary>>();

/** What a principal's divisions add up to, memoised per graph by the shared divisions list. */
function accessSummary(graph: AccessGraph, divisions: readonly DivisionAccess[]): Summary {
  let byDivisions = summaries.get(graph);
  if (!byDivisions) summaries.set(graph, (byDivisions = new WeakMap()));
  let hit = byDivisions.get(divisions);
  if (!hit) {
    const effective: PermissionSet[] = divisions.map((d) => d.effective.all);
    hit = { unlocked: unlockedUnion(graph, effective), capabilities: heldCapabilitiesIn(graph, effective) };
    byDivisions.set(divisions, hit);
  }
  return hit;
}

/**
 * Principal keys by role key, each list sorted: one pass over the principals (sorted by key in a graph) and their
 * grants, so no set or sort per role (a role can have tens of thousands of holders).
 */
function holdersByRole(graph: AccessGraph): ReadonlyMap<string, readonly string[]> {
  const index = GraphIndex.of(graph);
  const out = new Map<string, string[]>();
  let sorted = true;
  let previous: string | undefined;
  for (const p of graph.principals) {
    if (previous !== undefined && cmp(previous, p.key) > 0) sorted = false;
    previous = p.key;
    for (const g of index.grantsOf(p.key)) {
      const list = out.get(g.role);
      if (!list) out.set(g.role, [p.key]);
      // A principal's grants come together: one entry per principal however many divisions.
      else if (list[list.length - 1] !== p.key) list.push(p.key);
    }
  }
  if (!sorted) for (const list of out.values()) list.sort(cmp);
  return out;
}

function roleReport(
  r: GraphRole,
  holders: ReadonlyMap<string, readonly string[]>,
  findings: ReadonlyMap<string, string[]>,
): RoleReport {
  const own = findings.get(r.key);
  return {
    address: r.key,
    name: r.name,
    managed: r.origin === 'managed' || r.origin === 'org',
    origin: r.origin,
    permissions: r.generalPermissions.length ? [...r.permissions, ...r.generalPermissions].sort(cmp) : r.permissions,
    ...(r.complete ? {} : { incomplete: r.incompleteReason ?? 'not known' }),
    holders: holders.get(r.key) ?? NONE,
    findings: own ? [...new Set(own)].sort(cmp) : NONE,
  };
}

/** Builds the report of one stack. */
export function stackReport(stack: LoadedStack): StackReport {
  const graph = stack.graph;
  const all = runRules(graph, ALL_RULES);
  const open = all.filter((f) => !f.suppressedBy);
  const byAddress = new Map<string, string[]>();
  for (const f of open) {
    const list = byAddress.get(f.address);
    if (list) list.push(findingId(f));
    else byAddress.set(f.address, [findingId(f)]);
  }
  const suppressed = all
    .filter((f) => f.suppressedBy)
    .map((f) => ({ ...findingReport(f, graph), reason: f.suppressedBy!.reason, suppressedAt: f.suppressedBy!.path }));
  const suppressions = (graph.intent?.suppressions ?? [])
    .map((s) => ({
      id: s.id,
      path: s.path,
      reason: s.reason,
      ...(s.appliesTo?.length ? { appliesTo: [...s.appliesTo] } : {}),
    }))
    .sort((a, b) => cmp(a.path, b.path) || cmp(a.id, b.id));
  const principals = graph.principals.map((p) => principalReport(graph, p, byAddress));
  const holders = holdersByRole(graph);
  const roles = graph.roles.map((r) => roleReport(r, holders, byAddress));
  return {
    stack: stack.name,
    summary: {
      principals: principals.length,
      roles: graph.roles.filter((r) => r.origin === 'managed' || r.origin === 'org').length,
      errors: open.filter((f) => f.level === 'error').length,
      warnings: open.filter((f) => f.level === 'warning').length,
      suppressed: suppressed.length,
    },
    principals,
    roles,
    findings: open.map((f) => findingReport(f, graph)),
    suppressed,
    suppressions,
  };
}

/** Builds the report of several stacks (in the given order). */
export function buildReport(stacks: readonly LoadedStack[]): ReportModel {
  const reports = stacks.map(stackReport);
  const sum = (f: (s: StackReport) => number): number => reports.reduce((n, s) => n + f(s), 0);
  return {
    summary: {
      stacks: reports.length,
      principals: sum((s) => s.summary.principals),
      errors: sum((s) => s.summary.errors),
      warnings: sum((s) => s.summary.warnings),
      suppressed: sum((s) => s.summary.suppressed),
    },
    stacks: reports,
  };
}

/** Exit status of `report`: 1 when any unsuppressed error finding. */
export function reportFails(model: ReportModel): boolean {
  return model.summary.errors > 0;
}
