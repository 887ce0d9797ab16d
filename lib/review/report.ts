/**
 * The report model of `genesys-access report`: for every principal of every stack, who can do what, in which
 * divisions, what that adds up to, and the rule findings. Plain data, stable order; rendered by
 * render-markdown.ts and render-json.ts. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import { isUserContextClient, type PlanPrincipal, type PlanRole } from '../model/plan';
import { ALL_RULES } from '../rules/packs';
import { findingId, runRules } from '../rules/engine';
import type { Finding } from '../rules/types';
import {
  type DivisionAccess,
  exampleKeys,
  exampleOperations,
  heldCapabilitiesIn,
  type PermInfo,
  PlanIndex,
  type Unlocked,
  unlockedUnion,
} from './access';
import { cmp } from '../util/compare';
import type { LoadedStack } from './load';

/** A division a principal is granted in, and the roles granted there. */
export interface DivisionGrantReport {
  /** `Chicago`, `home`, `home (implicit: no division given)`, `all divisions`, or the id. */
  readonly label: string;
  /** lookup, managed, home, implicit-home, all, id or unresolved (see DivisionRef). */
  readonly kind: string;
  /** Stable key: `*`, `home`, the Terraform address or the id. */
  readonly key: string;
  /** Addresses of the roles granted in this division (see the stack's `roles`). */
  readonly roles: readonly string[];
}

/** A role granted in the stack or defined by it. */
export interface RoleReport {
  readonly address: string;
  readonly name: string;
  /** True for roles defined in the plan (their permissions are known). */
  readonly managed: boolean;
  /** As written (wildcards kept), sorted; empty for roles not in the plan. */
  readonly permissions: readonly string[];
}

/** An operation count with a few examples. */
export interface OperationCount {
  readonly count: number;
  readonly examples: readonly string[];
}

/** One principal's access. */
export interface PrincipalReport {
  readonly address: string;
  readonly kind: PlanPrincipal['kind'];
  readonly name: string;
  /** OAuth clients: `authorized_grant_type`. */
  readonly grantType?: string;
  /** Construct path where known (our metadata, else cdktf's `"//"` metadata). */
  readonly construct?: string;
  /** True for user-context OAuth clients (scopes apply; permissions come from the signed-in user). */
  readonly userContext: boolean;
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
  /** Unsuppressed findings on the principal or the resources that write its grants (`GCA-X[finding]`). */
  readonly findings: readonly string[];
}

/** A finding as reported. */
export interface FindingReport {
  readonly ruleId: string;
  readonly level: 'error' | 'warning';
  readonly address: string;
  readonly finding?: string;
  readonly path?: string;
  readonly message: string;
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
  /** The roles the principals hold and the roles the plan defines, by address. */
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

function findingReport(f: Finding): FindingReport {
  return {
    ruleId: f.ruleId,
    level: f.level,
    address: f.address,
    ...(f.finding !== undefined ? { finding: f.finding } : {}),
    ...(f.path !== undefined ? { path: f.path } : {}),
    message: f.message,
  };
}

/** The construct path of a resource: our metadata's, else cdktf's `"//".metadata.path` without `/Default`. */
export function constructOf(stack: LoadedStack, p: PlanPrincipal): string | undefined {
  const meta = stack.plan.metadata.principals?.[p.address]?.construct;
  if (meta) return meta;
  const path = (p.body['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path;
  return path?.replace(/\/Default$/, '');
}

const scopeOpsByKey = new Map<string, OperationCount>();

/** Operations that accept one of `scopes` (user-context tokens). */
export function scopeOperations(scopes: readonly string[]): OperationCount {
  const sorted = [...new Set(scopes)].sort(cmp);
  const key = sorted.join(',');
  const hit = scopeOpsByKey.get(key);
  if (hit) return hit;
  const wanted = new Set(sorted);
  const ops = Catalog.operations().filter((op) => op.scopes.some((s) => wanted.has(s)));
  const r = { count: ops.length, examples: exampleKeys(ops) };
  scopeOpsByKey.set(key, r);
  return r;
}

const NONE: readonly string[] = Object.freeze([]);

function principalReport(
  stack: LoadedStack,
  index: PlanIndex,
  p: PlanPrincipal,
  findings: ReadonlyMap<string, string[]>,
): PrincipalReport {
  const divisions = index.divisions(p);
  const meta = stack.plan.metadata.principals?.[p.address];
  const { unlocked, capabilities } = principalAccess(divisions);
  const userContext = isUserContextClient(p);
  const construct = constructOf(stack, p);
  let own: readonly string[] = NONE;
  if (findings.size) {
    const list = [p.address, ...p.grantSources].flatMap((a) => findings.get(a) ?? []);
    if (list.length) own = [...new Set(list)].sort(cmp);
  }
  return {
    address: p.address,
    kind: p.kind,
    name: p.name,
    ...(p.grantType !== undefined ? { grantType: p.grantType } : {}),
    ...(construct ? { construct } : {}),
    userContext,
    divisions: divisionGrants(divisions),
    allDivisionsReasons: meta?.allDivisionsReasons?.length ? [...meta.allDivisionsReasons].sort(cmp) : NONE,
    permissions: index.allPermissions(p).list,
    capabilities: {
      declared: meta?.capabilities?.length ? [...meta.capabilities].sort(cmp) : NONE,
      held: capabilities,
    },
    operations: { count: unlocked.count, examples: exampleOperations(unlocked) },
    ...(userContext ? { scopes: [...p.scopes].sort(cmp), scopeOperations: scopeOperations(p.scopes) } : {}),
    findings: own,
  };
}

const grantsByDivisions = new WeakMap<readonly DivisionAccess[], readonly DivisionGrantReport[]>();

/** The report's divisions, shared by principals with the same grants (the model is immutable). */
function divisionGrants(divisions: readonly DivisionAccess[]): readonly DivisionGrantReport[] {
  let out = grantsByDivisions.get(divisions);
  if (!out) {
    out = divisions.map((d) => ({
      label: d.label,
      kind: d.ref.kind,
      key: d.key,
      roles: d.roles.map((r) => r.address),
    }));
    grantsByDivisions.set(divisions, out);
  }
  return out;
}

const accessByKey = new Map<string, { unlocked: Unlocked; capabilities: readonly string[] }>();

/** What a principal's divisions add up to, memoised by their permission sets. */
function principalAccess(divisions: readonly DivisionAccess[]): {
  unlocked: Unlocked;
  capabilities: readonly string[];
} {
  const key = divisions.map((d) => d.effective.key).join('\u0001');
  let hit = accessByKey.get(key);
  if (!hit) {
    const effective: PermInfo[] = divisions.map((d) => d.effective);
    hit = { unlocked: unlockedUnion(effective), capabilities: heldCapabilitiesIn(effective) };
    accessByKey.set(key, hit);
  }
  return hit;
}

function roleReport(r: PlanRole): RoleReport {
  return { address: r.address, name: r.name, managed: r.managed, permissions: r.permissions };
}

/** Builds the report of one stack. */
export function stackReport(stack: LoadedStack): StackReport {
  const plan = stack.plan;
  const index = new PlanIndex(plan);
  const all = runRules(plan, ALL_RULES);
  const open = all.filter((f) => !f.suppressedBy);
  const byAddress = new Map<string, string[]>();
  for (const f of open) {
    const list = byAddress.get(f.address);
    if (list) list.push(findingId(f));
    else byAddress.set(f.address, [findingId(f)]);
  }
  const suppressed = all
    .filter((f) => f.suppressedBy)
    .map((f) => ({ ...findingReport(f), reason: f.suppressedBy!.reason, suppressedAt: f.suppressedBy!.path }));
  const suppressions = (plan.metadata.suppressions ?? [])
    .map((s) => ({
      id: s.id,
      path: s.path,
      reason: s.reason,
      ...(s.appliesTo?.length ? { appliesTo: [...s.appliesTo] } : {}),
    }))
    .sort((a, b) => cmp(a.path, b.path) || cmp(a.id, b.id));
  const principals = plan.principals.map((p) => principalReport(stack, index, p, byAddress));
  const roles = new Map<string, RoleReport>();
  for (const r of plan.roles) roles.set(r.address, roleReport(r));
  for (const p of plan.principals)
    for (const g of p.grants) if (!roles.has(g.role.address)) roles.set(g.role.address, roleReport(g.role));
  return {
    stack: stack.name,
    summary: {
      principals: principals.length,
      roles: plan.roles.filter((r) => r.managed).length,
      errors: open.filter((f) => f.level === 'error').length,
      warnings: open.filter((f) => f.level === 'warning').length,
      suppressed: suppressed.length,
    },
    principals,
    roles: [...roles.values()].sort((a, b) => cmp(a.address, b.address)),
    findings: open.map(findingReport),
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
