/**
 * The 403 explainer (`genesys-access explain`): what an operation needs, and, for a principal of the input,
 * whether it can call the operation in a division (allowed, denied, or unknown where the input cannot tell),
 * exactly what is missing (a permission, a division or a scope) and the construct change that fixes it. The
 * verdict is the evaluator's (lib/access/evaluate); this file words it and writes the fixes. Invented
 * operations get the nearest real ones. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { Capabilities } from '../access/capabilities';
import { divisionLabel, isAllQuery, isHomeQuery, unknownDivision } from '../access/divisions';
import { type Decision, evaluate, type Verdict } from '../access/evaluate';
import type { AccessGraph, GraphDivision, GraphPrincipal, GraphRole } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { isGeneralPermission } from '../access/permission-match';
import { isUserContextClient, principalAccess } from '../access/principal-access';
import type { Reason } from '../access/reasons';
import { AccessValidationError, didYouMean, oneLine, quoteList } from '../errors';
import { exampleKeys } from '../analysis/unlocked';
import { cmp } from '../util/compare';
import { cutValue } from '../cut';
import type { LoadedStack } from '../sources/cdktf/load';
import { nearest } from '../review/suggest';
import { constructOf } from '../review/report';
import { leastScope, operationInfo, type OperationInfo, scopesMatter } from './operation-info';
import { camel, q, slug } from './code-names';

/** One way to fix a denial. */
export interface Fix {
  /** What to change, in words. */
  readonly summary: string;
  /** The change with this library's constructs. */
  readonly constructs?: string;
  /** The change with the raw provider bindings. */
  readonly rawBindings?: string;
}

/** What is missing for the call. */
export interface Missing {
  readonly kind: 'permission' | 'division' | 'scope';
  readonly detail: string;
  /** permission: the permissions to add (least privilege); scope: the scopes accepted. */
  readonly permissions?: readonly string[];
  /** division: where the principal's roles do allow the call. */
  readonly allowedIn?: readonly string[];
  readonly scopes?: readonly string[];
}

/** A principal checked against the operation. */
export interface PrincipalCheck {
  readonly stack: string;
  readonly principal: {
    readonly address: string;
    readonly name: string;
    readonly kind: string;
    readonly grantType?: string;
    readonly construct?: string;
  };
  /** The division asked about, as given. */
  readonly division?: string;
  readonly userContext: boolean;
  /** `allowed`, `denied`, or `unknown` where the input cannot tell. */
  readonly verdict: Verdict;
  /** One line: the answer. */
  readonly answer: string;
  /** The evaluator's reasons (stable codes), the deciding one first. */
  readonly reasons: readonly Reason[];
  /** Divisions (labels) in which the principal's roles meet the operation's rule. */
  readonly allowedIn: readonly string[];
  /** Held permissions that meet the rule (in the division asked, else anywhere). */
  readonly satisfiedBy: readonly string[];
  readonly missing: readonly Missing[];
  readonly fixes: readonly Fix[];
  readonly notes: readonly string[];
}

/** Who in the input can call the operation (`explain` with `--plan` and no `--principal`). */
export interface Caller {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  /** `allowed`, or `unknown` where the input cannot tell. */
  readonly verdict: Exclude<Verdict, 'denied'>;
  /**
   * Division labels; for user-context clients `by scope` (holds an accepted scope): the signed-in user's roles
   * then decide.
   */
  readonly allowedIn: readonly string[];
  /** Why the input cannot tell (unknown verdicts). */
  readonly reason?: string;
}

/** The answer of `explain` for a known operation. */
export interface ExplainModel {
  readonly query: string;
  readonly operation: OperationInfo;
  readonly scopes: string;
  readonly check?: PrincipalCheck;
  readonly callers?: readonly Caller[];
}

/** The answer of `explain` for an operation that does not exist. */
export interface UnknownOperationModel {
  readonly query: string;
  readonly error: string;
  /** The nearest real operations, explained. */
  readonly suggestions: readonly OperationInfo[];
}

/** Options of {@link explainOperation}. */
export interface ExplainOptions {
  readonly stacks?: readonly LoadedStack[];
  /** Only this stack of a multi-stack input. */
  readonly stack?: string;
  readonly principal?: string;
  readonly division?: string;
  /**
   * The org enforces OAuth scopes, so a user-context client without an accepted scope gets a 403.
   * @default - not known (Genesys Cloud orgs do not enforce scopes by default)
   */
  readonly scopesEnforced?: boolean;
}

/** Resolves an operation reference, or describes why it does not exist. */
export function resolveOperation(query: string): Operation | UnknownOperationModel {
  const op = Catalog.operation(query);
  if (op) return op;
  return {
    // A 100 KB argument is not echoed whole, in the Markdown or the JSON.
    query: cutValue(query.trim()),
    error: oneLine(Catalog.explainUnknownOperation(query)),
    suggestions: Catalog.suggestOperations(query).map(operationInfo),
  };
}

function logicalName(address: string): string {
  return address.split('.').pop() ?? address;
}

/** Finds a principal in the stacks; throws a one-line error with did-you-mean, or listing the candidates. */
export function findPrincipal(
  stacks: readonly LoadedStack[],
  ref: string,
  stackName?: string,
): { stack: LoadedStack; principal: GraphPrincipal } {
  let pool = stacks;
  if (stackName !== undefined) {
    pool = stacks.filter((s) => s.name === stackName);
    if (pool.length === 0) {
      const names = stacks.map((s) => s.name);
      throw new AccessValidationError(
        `no stack "${stackName}".${didYouMean(nearest(stackName, names, 3, 0.2))} Stacks: ${names.join(', ')}`,
      );
    }
  }
  const hits = pool.flatMap((s) =>
    GraphIndex.of(s.graph)
      .findPrincipals(ref)
      .map((p) => ({ stack: s, principal: p })),
  );
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    const stacksHit = [...new Set(hits.map((h) => h.stack.name))];
    if (stacksHit.length > 1) {
      throw new AccessValidationError(
        `principal "${ref}" is in stacks ${quoteList(stacksHit, 'and')}: choose one with --stack`,
      );
    }
    throw new AccessValidationError(
      `principal "${ref}" is ambiguous: ${quoteList(
        hits.map((h) => h.principal.key),
        'and',
      )} match; give the address`,
    );
  }
  const candidates = new Set<string>();
  const all: string[] = [];
  for (const s of pool) {
    for (const p of s.graph.principals) {
      all.push(p.key);
      candidates.add(p.key);
      candidates.add(logicalName(p.key));
      if (p.name !== p.key) candidates.add(p.name);
    }
  }
  const where =
    pool.length === 1
      ? `stack "${pool[0].name}"`
      : `stacks ${quoteList(
          pool.map((s) => s.name),
          'and',
        )}`;
  const listed = all.length > 8 ? `${all.slice(0, 8).join(', ')}, +${all.length - 8} more` : all.join(', ') || 'none';
  throw new AccessValidationError(
    `no principal "${ref}" in ${where}.${didYouMean(nearest(ref, candidates, 3, 0.2))} Principals: ${listed}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Divisions as code

/** A division to grant in, written three ways. */
interface DivisionTarget {
  readonly label: string;
  /** A `Division` expression for the constructs. */
  readonly construct: string;
  /** An expression for `division_id` with the raw bindings. */
  readonly raw: string;
  /** Declarations the raw expression needs, if any. */
  readonly rawSetup?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function dataName(d: GraphDivision): string | undefined {
  const address = d.provenance?.address;
  return address?.split('.').pop();
}

function divisionTarget(graph: AccessGraph, query: string): DivisionTarget {
  const wanted = query.trim();
  if (isAllQuery(wanted)) {
    return { label: 'all divisions', construct: `Division.all({ reason: '<why every division>' })`, raw: `'*'` };
  }
  if (isHomeQuery(wanted)) {
    const home = graph.divisions.find(
      (d) => d.kind === 'home' && d.provenance?.address?.startsWith('data.genesyscloud_auth_division_home.'),
    );
    const name = home ? dataName(home) : undefined;
    const v = name ? camel(name) : 'home';
    return {
      label: 'home',
      construct: 'Division.home(this)',
      raw: `${v}.id`,
      ...(name ? {} : { rawSetup: `const ${v} = new DataGenesyscloudAuthDivisionHome(this, 'home', {});` }),
    };
  }
  const lower = wanted.toLowerCase();
  for (const d of graph.divisions) {
    if (d.kind !== 'lookup' && d.kind !== 'managed' && d.kind !== 'org') continue;
    const address = d.provenance?.address ?? d.key;
    if (d.name?.toLowerCase() !== lower && address !== wanted && d.ref !== wanted) continue;
    const label = d.name ?? address;
    const name = dataName(d) ?? label;
    // A division of a live org is looked up by its name in code.
    if (d.kind === 'lookup' || d.kind === 'org') {
      return {
        label,
        construct: `Division.fromName(this, ${q(slug(label))}, ${q(label)})`,
        raw: `${camel(name)}.id`,
        ...(d.kind === 'org'
          ? {
              rawSetup: `const ${camel(name)} = new DataGenesyscloudAuthDivision(this, ${q(slug(label))}, { name: ${q(label)} });`,
            }
          : {}),
      };
    }
    return {
      label,
      construct: `${camel(label)} /* the Division "${label}" (${address}) */`,
      raw: `${camel(name)}.id`,
    };
  }
  if (UUID.test(wanted)) {
    return { label: wanted, construct: `Division.fromId(this, 'division', ${q(wanted)})`, raw: q(wanted) };
  }
  const v = camel(wanted);
  return {
    label: wanted,
    construct: `Division.fromName(this, ${q(slug(wanted))}, ${q(wanted)})`,
    raw: `${v}.id`,
    rawSetup: `const ${v} = new DataGenesyscloudAuthDivision(this, ${q(slug(wanted))}, { name: ${q(wanted)} });`,
  };
}

function refTarget(graph: AccessGraph, d: GraphDivision): DivisionTarget {
  if (d.kind === 'home') return divisionTarget(graph, 'home');
  if (d.kind === 'all') return divisionTarget(graph, '*');
  if (d.kind === 'lookup' || d.kind === 'managed')
    return divisionTarget(graph, d.provenance?.address ?? d.name ?? d.key);
  if (d.kind === 'org') return divisionTarget(graph, d.name ?? d.key);
  return { label: divisionLabel(d), construct: `Division.fromId(this, 'division', ${q(d.ref)})`, raw: q(d.ref) };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixes

function principalVar(p: GraphPrincipal): string {
  return p.kind === 'oauth-client' ? 'client' : p.kind;
}

function isConstructRole(graph: AccessGraph, role: GraphRole): boolean {
  return graph.intent?.roles[role.key] !== undefined;
}

function rawGrantFix(graph: AccessGraph, p: GraphPrincipal, role: GraphRole, target: DivisionTarget): string {
  const roleId =
    role.origin === 'managed' || role.origin === 'data'
      ? `${camel(logicalName(role.key))}.id`
      : q(role.key.replace(/^role:/, ''));
  const setup = target.rawSetup ? `${target.rawSetup} ` : '';
  if (p.kind === 'oauth-client') {
    return `${setup}add { roleId: ${roleId}, divisionId: ${target.raw} } to the roles of ${p.key}`;
  }
  const source = GraphIndex.of(graph).writersOf(p.key)[0]?.key ?? `genesyscloud_${p.kind}_roles`;
  return `${setup}add ${target.raw} to divisionIds of role ${roleId} in ${source}`;
}

function grantFix(graph: AccessGraph, p: GraphPrincipal, roles: readonly GraphRole[], target: DivisionTarget): Fix {
  const names = quoteList(
    roles.map((r) => r.name),
    'and',
  );
  const summary = `grant role${roles.length > 1 ? 's' : ''} ${names} in ${target.label === 'all divisions' ? 'all divisions' : `"${target.label}"`}`;
  const ours = roles.every((r) => isConstructRole(graph, r));
  const constructs = roles
    .map((r) => {
      const path = graph.intent?.roles[r.key]?.construct;
      const v = roles.length > 1 ? camel(r.name) : 'role';
      return `${v}.grant(${principalVar(p)}, ${target.construct})${path && roles.length > 1 ? ` // ${path}` : ''}`;
    })
    .join('; ');
  return ours
    ? { summary, constructs }
    : { summary, rawBindings: roles.map((r) => rawGrantFix(graph, p, r, target)).join('; '), constructs };
}

function permissionFix(
  p: GraphPrincipal,
  info: OperationInfo,
  permissions: readonly string[],
  target: DivisionTarget,
): Fix {
  const where = target.label === 'all divisions' ? 'all divisions' : `"${target.label}"`;
  const general = permissions.filter(isGeneralPermission);
  const policyPerms = permissions.filter((x) => !isGeneralPermission(x));
  const capability =
    info.capability && permissions.every((x) => Capabilities.resolve(info.capability!).permissions.includes(x as never))
      ? info.capability
      : undefined;
  const id = capability ?? slug(permissions[0] ?? 'role');
  const byEntity = new Map<string, string[]>();
  for (const x of policyPerms) {
    const [d, e, a] = x.split(':');
    const k = `${d}:${e}`;
    byEntity.set(k, [...(byEntity.get(k) ?? []), a]);
  }
  const policies = [...byEntity.entries()]
    .map(([k, actions]) => {
      const [d, e] = k.split(':');
      return `{ domain: ${q(d)}, entityName: ${q(e)}, actionSet: [${actions.map(q).join(', ')}] }`;
    })
    .join(', ');
  const rawParts = [
    policies ? `permissionPolicies [${policies}]` : '',
    general.length ? `permissions [${general.map(q).join(', ')}] (general role permissions)` : '',
  ].filter(Boolean);
  const rawBindings = `${target.rawSetup ? `${target.rawSetup} ` : ''}a role with ${rawParts.join(' and ')} granted to ${p.key} in ${target.raw}`;
  const summary = `grant ${permissions.join(', ')} in ${where}${capability ? ` (capability ${capability})` : ''}`;
  if (general.length && !capability) {
    // AccessRole takes domain:entity:action permissions; general role permissions need the raw role.
    return { summary, rawBindings };
  }
  const props = capability ? `capabilities: [${q(capability)}]` : `permissions: [${permissions.map(q).join(', ')}]`;
  return {
    summary,
    constructs: `new AccessRole(this, ${q(id)}, { name: ${q(id)}, ${props} }).grant(${principalVar(p)}, ${target.construct})`,
    rawBindings,
  };
}

function scopeFix(p: GraphPrincipal, op: Operation, info: OperationInfo): Fix {
  const scope = leastScope(op)!;
  return {
    summary: `add scope "${scope}" to ${p.key}`,
    constructs: info.capability
      ? `new UserContextClient(this, ..., { capabilities: [${q(info.capability)}] }) (scopes are computed), or extraScopes: [${q(scope)}]`
      : `UserContextClient props: extraScopes: [${q(scope)}]`,
    rawBindings: `scopes: [..., ${q(scope)}] on ${p.key}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The check

/** Roles of the principal, any division, that hold `permission` without conditions. */
function rolesHolding(graph: AccessGraph, p: GraphPrincipal, permission: string): GraphRole[] {
  const index = GraphIndex.of(graph);
  const roles = new Map<string, GraphRole>();
  for (const g of index.grantsOf(p.key)) {
    if (roles.has(g.role)) continue;
    const role = index.requireRole(g.role);
    if (index.permissionsOf([role]).firm.has(permission)) roles.set(role.key, role);
  }
  return [...roles.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.key, b.key));
}

function where(division: string | undefined): string {
  return division !== undefined ? ` in division "${division}"` : '';
}

function principalHead(
  stack: LoadedStack,
  p: GraphPrincipal,
): Pick<PrincipalCheck, 'stack' | 'principal' | 'userContext'> {
  const construct = constructOf(stack.graph, p);
  return {
    stack: stack.name,
    principal: {
      address: p.key,
      name: p.name,
      kind: p.kind,
      ...(p.grantType !== undefined ? { grantType: p.grantType } : {}),
      ...(construct ? { construct } : {}),
    },
    userContext: isUserContextClient(p),
  };
}

/** Notes: every reason but the deciding one, in words. */
function notesOf(d: Decision): string[] {
  return d.reasons
    .slice(1)
    .filter((r) => r.code !== 'ALLOWED_BY_GRANT' && r.code !== 'SCOPE_ACCEPTED')
    .map((r) =>
      r.code === 'OTHER_DIVISIONS_FORBIDDEN'
        ? 'objects in other divisions return 403: pass --division to check the division of the object'
        : r.code === 'IMPLICIT_HOME'
          ? `${r.message}: name the divisions explicitly`
          : r.message,
    );
}

function userContextCheck(stack: LoadedStack, p: GraphPrincipal, op: Operation, d: Decision): PrincipalCheck {
  const info = operationInfo(op);
  const head = principalHead(stack, p);
  const scope = d.scope!;
  const missing: Missing[] = [];
  const fixes: Fix[] = [];
  let answer: string;
  if (scope.status === 'missing') {
    missing.push({
      kind: 'scope',
      detail: `one of ${quoteList(scope.required)} (least: "${leastScope(op)}")`,
      scopes: scope.required,
    });
    fixes.push(scopeFix(p, op, info));
    answer =
      d.verdict === 'denied'
        ? `${p.key} (${p.grantType}) lacks a scope for ${op.key}: add one of ${quoteList(scope.required)}; it has ${p.scopes.join(', ') || 'no scopes'}`
        : `${p.key} (${p.grantType}) has none of the scopes ${op.key} accepts: add one of ${quoteList(scope.required)}; where the org enforces scopes this is a 403 (orgs do not by default), and the signed-in user's roles decide the rest`;
  } else if (scope.status === 'unknown') {
    answer = `cannot tell: the catalog does not know which scopes ${op.key} accepts, and the signed-in user's roles decide the permissions`;
  } else if (d.verdict === 'allowed') {
    answer = `${p.key} has scope ${scope.accepted[0]} for ${op.key}, which lists no permission`;
  } else {
    answer = `${p.key} has scope ${scope.accepted[0]} for ${op.key}; the signed-in user's roles decide the permissions (${info.leastPrivilege.join(', ') || 'none listed'}): check that user with --principal`;
  }
  return {
    ...head,
    verdict: d.verdict,
    answer,
    reasons: d.reasons,
    allowedIn: scope.status === 'accepted' ? ['by scope'] : [],
    satisfiedBy: [],
    missing,
    fixes,
    notes: d.reasons
      .slice(1)
      .filter((r) => r.code !== 'SCOPE_ACCEPTED' && r.code !== 'SCOPE_MISSING')
      .map((r) => r.message),
  };
}

/** Why a principal that holds nothing of its own cannot call, and the fix. */
function blockedFix(p: GraphPrincipal, op: Operation, d: Decision): Fix | undefined {
  switch (d.reasons[0].code) {
    case 'CLIENT_INACTIVE':
      return { summary: `activate ${p.key}`, rawBindings: `state: 'active' on ${p.key}` };
    case 'GROUP_ROLES_DISABLED':
      return { summary: `enable roles on ${p.key}`, rawBindings: `rolesEnabled: true on ${p.key}` };
    case 'CLIENT_CREDENTIALS_USER_API':
      return {
        summary: `call ${op.key} with a user-context client (CODE) as a signed-in user, or use the endpoint that takes the user id`,
        constructs: 'new UserContextClient(this, ..., { ... })',
      };
    default:
      return undefined;
  }
}

/** Checks one principal against `op` (in `division` when given). */
export function checkPrincipal(
  stack: LoadedStack,
  p: GraphPrincipal,
  op: Operation,
  division?: string,
  scopesEnforced?: boolean,
): PrincipalCheck {
  const graph = stack.graph;
  const d = evaluate(
    graph,
    p,
    { operation: op },
    { ...(division !== undefined ? { division } : {}), ...(scopesEnforced !== undefined ? { scopesEnforced } : {}) },
  );
  if (isUserContextClient(p) && d.scope) {
    const c = userContextCheck(stack, p, op, d);
    return division !== undefined ? { ...c, division } : c;
  }
  const info = operationInfo(op);
  const head = principalHead(stack, p);
  const label = `${op.key} (${op.operationId})`;
  const access = principalAccess(graph, p);
  const divisions = access.divisions;
  const allowedIn = d.allowedIn.map((x) => x.label);
  const notes = notesOf(d);
  const near =
    division !== undefined
      ? unknownDivision(graph.divisions, division, (q, names) => nearest(q, names, 3, 0.5))
      : undefined;
  if (near) notes.unshift(`there is no division "${division}" in the input.${didYouMean(near)}`);
  const common = {
    ...head,
    ...(division !== undefined ? { division } : {}),
    verdict: d.verdict,
    reasons: d.reasons,
    allowedIn,
  };
  const code = d.reasons[0].code;
  if (d.verdict === 'allowed') {
    if (code === 'NO_PERMISSION_REQUIRED') {
      return {
        ...common,
        answer: `${p.key} can call ${label}: it lists no permission (any authenticated principal)`,
        allowedIn: divisions.map((x) => x.label),
        satisfiedBy: [],
        missing: [],
        fixes: [],
        notes,
      };
    }
    const by = d.satisfiedBy.length ? ` via ${d.satisfiedBy.join(', ')}` : '';
    const scope = division === undefined ? ` in ${quoteList(allowedIn, 'and')}` : where(division);
    return {
      ...common,
      answer: `${p.key} can call ${label}${scope}${by}`,
      satisfiedBy: d.satisfiedBy,
      missing: [],
      fixes: [],
      notes,
    };
  }
  if (d.verdict === 'unknown') {
    const need = [
      ...d.missing.allOf.map((x) => `${x} (required)`),
      ...(d.missing.anyOf.length ? [`one of ${d.missing.anyOf.join(', ')}`] : []),
    ].join(' and ');
    return {
      ...common,
      answer: `cannot tell whether ${p.key} can call ${label}${where(division)}: ${d.reasons[0].message}`,
      satisfiedBy: d.satisfiedBy,
      missing: need
        ? [
            {
              kind: 'permission',
              detail: `not held as far as the input shows: ${need}`,
              permissions: [...d.missing.allOf, ...d.missing.anyOf],
            },
          ]
        : [],
      fixes: [],
      notes,
    };
  }
  const blocked = [
    'CLIENT_INACTIVE',
    'GROUP_ROLES_DISABLED',
    'CLIENT_CREDENTIALS_USER_API',
    'USER_CONTEXT_ROLES_INERT',
  ].includes(code);
  if (blocked) {
    const fix = blockedFix(p, op, d);
    return {
      ...common,
      answer: `${p.key} cannot call ${label}${where(division)}: ${d.reasons[0].message}`,
      satisfiedBy: [],
      missing: [],
      fixes: fix ? [fix] : [],
      notes,
    };
  }

  // What is missing in the division asked (or anywhere): permissions the principal's roles hold elsewhere
  // are a division problem (grant the role there); others are a permission problem.
  if (code === 'SPLIT_DIVISIONS') {
    const held = [...op.allOf, ...op.anyOf].filter((x) => rolesHolding(graph, p, x).length > 0);
    const roles = [...new Map(held.flatMap((x) => rolesHolding(graph, p, x)).map((r) => [r.key, r])).values()];
    const target = refTarget(graph, divisions[0].division);
    return {
      ...common,
      answer: `${p.key} cannot call ${label} in any one division: it holds ${held.join(', ')} only in different divisions`,
      satisfiedBy: [],
      missing: [
        {
          kind: 'division',
          detail: `${held.join(', ')} are held in different divisions; no division has them all`,
          allowedIn,
        },
      ],
      fixes: [grantFix(graph, p, roles, target)],
      notes,
    };
  }
  const targets =
    division !== undefined
      ? [divisionTarget(graph, division)]
      : divisions.length
        ? divisions.map((x) => refTarget(graph, x.division))
        : [divisionTarget(graph, '<division of the objects>')];
  const needAny = d.missing.anyOf.length > 0;
  const roleFor = new Map<string, GraphRole[]>();
  for (const x of d.missing.allOf) roleFor.set(x, rolesHolding(graph, p, x));
  let anyPick: string | undefined;
  if (needAny) {
    const heldElsewhere = op.anyOf.find((x) => rolesHolding(graph, p, x).length > 0);
    anyPick = heldElsewhere ?? info.pick?.permission ?? op.anyOf[0];
    roleFor.set(anyPick, rolesHolding(graph, p, anyPick));
  }
  const viaRole = [...roleFor.entries()].filter(([, rs]) => rs.length > 0);
  const newPerms = [...roleFor.entries()]
    .filter(([, rs]) => rs.length === 0)
    .map(([x]) => x)
    .sort(cmp);
  const grantRoles = [...new Map(viaRole.map(([, rs]) => [rs[0].key, rs[0]])).values()];
  const missing: Missing[] = [];
  const fixes: Fix[] = [];
  const missingText = [
    ...d.missing.allOf.map((x) => `${x} (required)`),
    ...(needAny ? [`one of ${d.missing.anyOf.join(', ')}`] : []),
  ].join(' and ');
  const pickNote =
    anyPick && d.missing.anyOf.length > 1
      ? ` (${anyPick} is the least-privilege one of ${d.missing.anyOf.join(', ')})`
      : '';
  if (division !== undefined) {
    if (grantRoles.length) {
      const perms = viaRole.map(([x]) => x).sort(cmp);
      missing.push({
        kind: 'division',
        detail: allowedIn.length
          ? `its roles allow it only in ${quoteList(allowedIn, 'and')}, not in "${division}"`
          : `${perms.join(', ')} ${perms.length > 1 ? 'are' : 'is'} held only in other divisions, not in "${division}"`,
        allowedIn,
      });
      fixes.push(grantFix(graph, p, grantRoles, targets[0]));
    }
    if (newPerms.length) {
      missing.push({ kind: 'permission', detail: `${newPerms.join(', ')}${pickNote}`, permissions: newPerms });
      fixes.push(permissionFix(p, info, newPerms, targets[0]));
    }
  } else {
    const perms = [...new Set([...newPerms, ...viaRole.map(([x]) => x)])].sort(cmp);
    missing.push({ kind: 'permission', detail: `${perms.join(', ')}${pickNote}`, permissions: perms });
    if (newPerms.length) fixes.push(permissionFix(p, info, newPerms, targets[0]));
    if (grantRoles.length) fixes.push(grantFix(graph, p, grantRoles, targets[0]));
  }
  let answer = `${p.key} cannot call ${label}${where(division)}: missing ${missingText}`;
  if (division !== undefined && allowedIn.length) {
    answer += `; it is allowed only in ${quoteList(allowedIn, 'and')}: grant the role in "${targets[0].label}"`;
  } else if (fixes.length) {
    answer += `: ${fixes[0].summary}`;
  }
  return { ...common, answer, satisfiedBy: d.satisfiedBy, missing, fixes, notes };
}

/** Everyone in the stacks who can call `op` (or where the input cannot tell), and where. */
export function callersOf(
  stacks: readonly LoadedStack[],
  op: Operation,
  division?: string,
  scopesEnforced?: boolean,
): Caller[] {
  const out: Caller[] = [];
  for (const s of stacks) {
    for (const p of s.graph.principals) {
      const d = evaluate(
        s.graph,
        p,
        { operation: op },
        {
          ...(division !== undefined ? { division } : {}),
          ...(scopesEnforced !== undefined ? { scopesEnforced } : {}),
        },
      );
      if (d.verdict === 'denied') continue;
      const allowedIn =
        d.scope !== undefined
          ? d.scope.status === 'accepted'
            ? ['by scope']
            : []
          : division !== undefined
            ? d.verdict === 'allowed'
              ? [division]
              : []
            : (d.verdict === 'allowed' ? d.allowedIn : d.unknownIn).map((x) => x.label);
      out.push({
        stack: s.name,
        address: p.key,
        name: p.name,
        verdict: d.verdict,
        allowedIn,
        ...(d.verdict === 'unknown' ? { reason: d.reasons[0].message } : {}),
      });
    }
  }
  return out;
}

/** Explains a known operation, optionally for a principal of the stacks or for everyone in them. */
export function explainOperation(query: string, op: Operation, options: ExplainOptions = {}): ExplainModel {
  const base: ExplainModel = { query: query.trim(), operation: operationInfo(op), scopes: scopesMatter(op) };
  const stacks = options.stacks;
  if (!stacks) return base;
  if (options.principal === undefined) {
    const pool = options.stack !== undefined ? stacks.filter((s) => s.name === options.stack) : stacks;
    if (options.stack !== undefined && pool.length === 0) findPrincipal(stacks, '', options.stack); // throws
    return { ...base, callers: callersOf(pool, op, options.division, options.scopesEnforced) };
  }
  const { stack, principal } = findPrincipal(stacks, options.principal, options.stack);
  return { ...base, check: checkPrincipal(stack, principal, op, options.division, options.scopesEnforced) };
}

/** The answer of `explain <permission>`. */
export interface PermissionModel {
  readonly permission: string;
  /** Operations that list it (ANY-of or ALL-of). */
  readonly operations: { readonly count: number; readonly examples: readonly string[] };
  /** Capabilities that grant it. */
  readonly capabilities: readonly string[];
  /** True for permissions that manage access (roles, grants, OAuth clients, users, divisions). */
  readonly adminGrade: boolean;
}

/** Explains a real permission; throws a one-line error with suggestions for an unknown one. */
export function explainPermission(name: string, adminPermissions: readonly string[]): PermissionModel {
  if (!Catalog.isPermission(name)) throw new AccessValidationError(Catalog.explainUnknownPermission(name));
  const ops = Catalog.operationsListing(name);
  return {
    permission: name,
    operations: { count: ops.length, examples: exampleKeys(ops) },
    capabilities: Capabilities.ids().filter((id) => Capabilities.resolve(id).permissions.includes(name as never)),
    adminGrade: adminPermissions.includes(name),
  };
}
