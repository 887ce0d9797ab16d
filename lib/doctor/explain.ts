/**
 * The 403 explainer (`genesys-access explain`): what an operation needs, and, for a principal of a synthesized
 * plan, whether it can call the operation in a division, exactly what is missing (a permission, a division or a
 * scope) and the construct change that fixes it. Invented operations get the nearest real ones. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { Capabilities } from '../model/capabilities';
import { type DivisionRef, divisionLabel } from '../model/division-ref';
import { checkOperation, meets } from '../model/evaluate';
import { type AccessPlan, isUserContextClient, type PlanPrincipal, type PlanRole } from '../model/plan';
import { holds } from '../model/permission-match';
import { AccessValidationError, didYouMean, quoteList } from '../errors';
import { exampleKeys, PlanIndex } from '../review/access';
import { cmp } from '../util/compare';
import type { LoadedStack } from '../review/load';
import { nearest } from '../review/suggest';
import { constructOf } from '../review/report';
import { leastScope, operationInfo, type OperationInfo, scopesMatter } from './operation-info';

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
  readonly allowed: boolean;
  /** One line: the answer. */
  readonly answer: string;
  /** Divisions (labels) in which the principal's roles meet the operation's rule. */
  readonly allowedIn: readonly string[];
  /** Held permissions that meet the rule (in the division asked, else anywhere). */
  readonly satisfiedBy: readonly string[];
  readonly missing: readonly Missing[];
  readonly fixes: readonly Fix[];
  readonly notes: readonly string[];
}

/** Who in the plan can call the operation (`explain` with `--plan` and no `--principal`). */
export interface Caller {
  readonly stack: string;
  readonly address: string;
  readonly name: string;
  /**
   * Division labels; for user-context clients `by scope` (holds an accepted scope) or `no scope needed` (the
   * operation lists none): the signed-in user's roles then decide.
   */
  readonly allowedIn: readonly string[];
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
}

/** Resolves an operation reference, or describes why it does not exist. */
export function resolveOperation(query: string): Operation | UnknownOperationModel {
  const op = Catalog.operation(query);
  if (op) return op;
  return {
    query: query.trim(),
    error: Catalog.explainUnknownOperation(query),
    suggestions: Catalog.suggestOperations(query).map(operationInfo),
  };
}

function logicalName(address: string): string {
  return address.split('.').pop() ?? address;
}

/** Finds a principal in the stacks; throws a one-line error with did-you-mean. */
export function findPrincipal(
  stacks: readonly LoadedStack[],
  ref: string,
  stackName?: string,
): { stack: LoadedStack; principal: PlanPrincipal } {
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
  const hits = pool.flatMap((s) => {
    const p = s.plan.principal(ref);
    return p ? [{ stack: s, principal: p }] : [];
  });
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    throw new AccessValidationError(
      `principal "${ref}" is in stacks ${quoteList(
        hits.map((h) => h.stack.name),
        'and',
      )}: choose one with --stack`,
    );
  }
  const candidates = new Set<string>();
  const all: string[] = [];
  for (const s of pool) {
    for (const p of s.plan.principals) {
      all.push(p.address);
      candidates.add(p.address);
      candidates.add(logicalName(p.address));
      if (p.name !== p.address) candidates.add(p.name);
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

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'division'
  );
}

function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const id = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[A-Za-z_$]/.test(id) ? id : `d${id}`;
}

function q(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function divisionTarget(plan: AccessPlan, query: string): DivisionTarget {
  const wanted = query.trim();
  if (wanted === '*' || wanted.toLowerCase() === 'all' || wanted.toLowerCase() === 'all divisions') {
    return { label: 'all divisions', construct: `Division.all({ reason: '<why every division>' })`, raw: `'*'` };
  }
  if (wanted.toLowerCase() === 'home') {
    const [name] = Object.keys(plan.section('data', 'genesyscloud_auth_division_home'));
    const v = name ? camel(name) : 'home';
    return {
      label: 'home',
      construct: 'Division.home(this)',
      raw: `${v}.id`,
      ...(name ? {} : { rawSetup: `const ${v} = new DataGenesyscloudAuthDivisionHome(this, 'home', {});` }),
    };
  }
  const lower = wanted.toLowerCase();
  for (const [name, body] of Object.entries(plan.section('data', 'genesyscloud_auth_division'))) {
    const address = `data.genesyscloud_auth_division.${name}`;
    const n = typeof body.name === 'string' ? body.name : undefined;
    if (n?.toLowerCase() === lower || address === wanted || `\${${address}.id}` === wanted) {
      const label = n ?? address;
      return { label, construct: `Division.fromName(this, ${q(slug(label))}, ${q(label)})`, raw: `${camel(name)}.id` };
    }
  }
  for (const [name, body] of Object.entries(plan.section('resource', 'genesyscloud_auth_division'))) {
    const address = `genesyscloud_auth_division.${name}`;
    const n = typeof body.name === 'string' ? body.name : undefined;
    if (n?.toLowerCase() === lower || address === wanted || `\${${address}.id}` === wanted) {
      const label = n ?? address;
      const v = camel(label);
      return {
        label,
        construct: `${v} /* the Division "${label}" (${address}) */`,
        raw: `${camel(name)}.id`,
      };
    }
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

function refTarget(plan: AccessPlan, d: DivisionRef): DivisionTarget {
  if (d.kind === 'home' || d.kind === 'implicit-home') return divisionTarget(plan, 'home');
  if (d.kind === 'all') return divisionTarget(plan, '*');
  if (d.kind === 'lookup' || d.kind === 'managed') return divisionTarget(plan, d.address ?? d.name ?? d.id);
  return { label: divisionLabel(d), construct: `Division.fromId(this, 'division', ${q(d.id)})`, raw: q(d.id) };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixes

function principalVar(p: PlanPrincipal): string {
  return p.kind === 'oauth-client' ? 'client' : p.kind;
}

function isConstructRole(plan: AccessPlan, role: PlanRole): boolean {
  return plan.metadata.roles?.[role.address] !== undefined;
}

function rawGrantFix(p: PlanPrincipal, role: PlanRole, target: DivisionTarget): string {
  const roleId = role.managed ? `${camel(logicalName(role.address))}.id` : q(role.address.replace(/^role:/, ''));
  const setup = target.rawSetup ? `${target.rawSetup} ` : '';
  if (p.kind === 'oauth-client') {
    return `${setup}add { roleId: ${roleId}, divisionId: ${target.raw} } to the roles of ${p.address}`;
  }
  const source = p.grantSources[0] ?? `genesyscloud_${p.kind}_roles`;
  return `${setup}add ${target.raw} to divisionIds of role ${roleId} in ${source}`;
}

function grantFix(plan: AccessPlan, p: PlanPrincipal, roles: readonly PlanRole[], target: DivisionTarget): Fix {
  const names = quoteList(
    roles.map((r) => r.name),
    'and',
  );
  const summary = `grant role${roles.length > 1 ? 's' : ''} ${names} in ${target.label === 'all divisions' ? 'all divisions' : `"${target.label}"`}`;
  const ours = roles.every((r) => isConstructRole(plan, r));
  const constructs = roles
    .map((r) => {
      const path = plan.metadata.roles?.[r.address]?.construct;
      const v = roles.length > 1 ? camel(r.name) : 'role';
      return `${v}.grant(${principalVar(p)}, ${target.construct})${path && roles.length > 1 ? ` // ${path}` : ''}`;
    })
    .join('; ');
  return ours
    ? { summary, constructs }
    : { summary, rawBindings: roles.map((r) => rawGrantFix(p, r, target)).join('; '), constructs };
}

function permissionFix(
  p: PlanPrincipal,
  info: OperationInfo,
  permissions: readonly string[],
  target: DivisionTarget,
): Fix {
  const where = target.label === 'all divisions' ? 'all divisions' : `"${target.label}"`;
  const capability =
    info.capability && permissions.every((x) => Capabilities.resolve(info.capability!).permissions.includes(x as never))
      ? info.capability
      : undefined;
  const props = capability ? `capabilities: [${q(capability)}]` : `permissions: [${permissions.map(q).join(', ')}]`;
  const id = capability ?? slug(permissions[0] ?? 'role');
  const byEntity = new Map<string, string[]>();
  for (const x of permissions) {
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
  return {
    summary: `grant ${permissions.join(', ')} in ${where}${capability ? ` (capability ${capability})` : ''}`,
    constructs: `new AccessRole(this, ${q(id)}, { name: ${q(id)}, ${props} }).grant(${principalVar(p)}, ${target.construct})`,
    rawBindings: `${target.rawSetup ? `${target.rawSetup} ` : ''}a role with permissionPolicies [${policies}] granted to ${p.address} in ${target.raw}`,
  };
}

function scopeFix(p: PlanPrincipal, op: Operation, info: OperationInfo): Fix {
  const scope = leastScope(op)!;
  return {
    summary: `add scope "${scope}" to ${p.address}`,
    constructs: info.capability
      ? `new UserContextClient(this, ..., { capabilities: [${q(info.capability)}] }) (scopes are computed), or extraScopes: [${q(scope)}]`
      : `UserContextClient props: extraScopes: [${q(scope)}]`,
    rawBindings: `scopes: [..., ${q(scope)}] on ${p.address}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The check

/** Roles of the principal, any division, that hold `permission`. */
function rolesHolding(p: PlanPrincipal, permission: string): PlanRole[] {
  const roles = new Map<string, PlanRole>();
  for (const g of p.grants) {
    if (!roles.has(g.role.address) && holds(g.role.permissions, permission)) {
      roles.set(g.role.address, g.role);
    }
  }
  return [...roles.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.address, b.address));
}

function where(division: string | undefined): string {
  return division !== undefined ? ` in division "${division}"` : '';
}

function userContextCheck(stack: LoadedStack, p: PlanPrincipal, op: Operation, info: OperationInfo): PrincipalCheck {
  const head = principalHead(stack, p);
  const accepted = op.scopes.filter((s) => p.scopes.includes(s));
  const notes = [
    `${p.address} is a ${p.grantType} client: its token acts as the signed-in user, whose roles and divisions decide the permissions (${info.leastPrivilege.join(', ') || 'none listed'}); check that user with --principal`,
  ];
  if (op.scopes.length === 0) {
    return {
      ...head,
      allowed: true,
      answer: `${p.address} (${p.grantType}): the catalog lists no scope for ${op.key}; the signed-in user's roles decide`,
      allowedIn: ['by scope'],
      satisfiedBy: [],
      missing: [],
      fixes: [],
      notes,
    };
  }
  if (accepted.length) {
    return {
      ...head,
      allowed: true,
      answer: `${p.address} has scope ${accepted[0]} for ${op.key}; the signed-in user's roles decide the permissions`,
      allowedIn: ['by scope'],
      satisfiedBy: [],
      missing: [],
      fixes: [],
      notes,
    };
  }
  return {
    ...head,
    allowed: false,
    answer: `${p.address} (${p.grantType}) lacks a scope for ${op.key}: add one of ${quoteList(op.scopes)}; it has ${p.scopes.join(', ') || 'no scopes'}`,
    allowedIn: [],
    satisfiedBy: [],
    missing: [
      {
        kind: 'scope',
        detail: `one of ${quoteList(op.scopes)} (least: "${leastScope(op)}")`,
        scopes: [...op.scopes].sort(cmp),
      },
    ],
    fixes: [scopeFix(p, op, info)],
    notes,
  };
}

function principalHead(
  stack: LoadedStack,
  p: PlanPrincipal,
): Pick<PrincipalCheck, 'stack' | 'principal' | 'userContext'> {
  const construct = constructOf(stack, p);
  return {
    stack: stack.name,
    principal: {
      address: p.address,
      name: p.name,
      kind: p.kind,
      ...(p.grantType !== undefined ? { grantType: p.grantType } : {}),
      ...(construct ? { construct } : {}),
    },
    userContext: isUserContextClient(p),
  };
}

/** Checks one principal against `op` (in `division` when given). */
export function checkPrincipal(
  stack: LoadedStack,
  p: PlanPrincipal,
  op: Operation,
  division?: string,
  index: PlanIndex = new PlanIndex(stack.plan),
): PrincipalCheck {
  const info = operationInfo(op);
  if (isUserContextClient(p)) {
    const c = userContextCheck(stack, p, op, info);
    return division !== undefined ? { ...c, division } : c;
  }
  const plan = stack.plan;
  const head = principalHead(stack, p);
  const label = `${op.key} (${op.operationId})`;
  const divisions = index.divisions(p);
  const allowedIn = divisions.filter((d) => meets(op, d.effective.set)).map((d) => d.label);
  const notes: string[] = [];
  if (p.kind === 'oauth-client' && p.scopes.length) {
    notes.push(`its scopes (${p.scopes.join(', ')}) do nothing: a CLIENT-CREDENTIALS token ignores scopes`);
  }
  const implicit = [...new Set(p.grants.filter((g) => g.division.kind === 'implicit-home').map((g) => g.role.name))];
  if (implicit.length) {
    notes.push(
      `role${implicit.length > 1 ? 's' : ''} ${quoteList(implicit, 'and')} ${implicit.length > 1 ? 'are' : 'is'} granted with no division, which the provider turns into the home division only: name the divisions explicitly`,
    );
  }
  if (p.kind === 'user') notes.push('grants through groups the user belongs to are not in the plan');
  if (op.anyOf.length === 0 && op.allOf.length === 0) {
    return {
      ...head,
      ...(division !== undefined ? { division } : {}),
      allowed: true,
      answer: `${p.address} can call ${label}: it lists no permission (any authenticated principal)`,
      allowedIn: divisions.map((d) => d.label),
      satisfiedBy: [],
      missing: [],
      fixes: [],
      notes,
    };
  }
  const held = division !== undefined ? plan.permissionsIn(p, division) : index.allPermissions(p).list;
  const check = checkOperation(op, held);
  const allowed = division !== undefined ? check.allowed : allowedIn.length > 0;
  if (allowed) {
    const by = check.satisfiedBy.length ? ` via ${check.satisfiedBy.join(', ')}` : '';
    const scope = division === undefined ? ` in ${quoteList(allowedIn, 'and')}` : where(division);
    if (division === undefined) {
      notes.push('objects in other divisions return 403: pass --division to check the division of the object');
    }
    return {
      ...head,
      ...(division !== undefined ? { division } : {}),
      allowed: true,
      answer: `${p.address} can call ${label}${scope}${by}`,
      allowedIn,
      satisfiedBy: check.satisfiedBy,
      missing: [],
      fixes: [],
      notes,
    };
  }

  // What is missing in the division asked (or anywhere): permissions the principal's roles hold elsewhere
  // are a division problem (grant the role there); others are a permission problem.
  if (division === undefined && check.allowed) {
    // Every permission is held, but no division has them all: grant the roles together in one division.
    const roles = [
      ...new Map(check.satisfiedBy.flatMap((x) => rolesHolding(p, x)).map((r) => [r.address, r])).values(),
    ];
    const target = refTarget(plan, divisions[0].ref);
    return {
      ...head,
      allowed: false,
      answer: `${p.address} cannot call ${label} in any one division: it holds ${check.satisfiedBy.join(', ')} only in different divisions`,
      allowedIn,
      satisfiedBy: [],
      missing: [
        {
          kind: 'division',
          detail: `${check.satisfiedBy.join(', ')} are held in different divisions; no division has them all`,
          allowedIn,
        },
      ],
      fixes: [grantFix(plan, p, roles, target)],
      notes,
    };
  }
  const targets: DivisionTarget[] =
    division !== undefined
      ? [divisionTarget(plan, division)]
      : divisions.length
        ? divisions.map((d) => refTarget(plan, d.ref))
        : [divisionTarget(plan, '<division of the objects>')];
  const needAny = check.missingAnyOf.length > 0;
  const roleFor = new Map<string, PlanRole[]>();
  for (const x of check.missingAllOf) roleFor.set(x, rolesHolding(p, x));
  let anyPick: string | undefined;
  if (needAny) {
    const heldElsewhere = op.anyOf.find((x) => rolesHolding(p, x).length > 0);
    anyPick = heldElsewhere ?? info.pick?.permission ?? op.anyOf[0];
    roleFor.set(anyPick, rolesHolding(p, anyPick));
  }
  const viaRole = [...roleFor.entries()].filter(([, rs]) => rs.length > 0);
  const newPerms = [...roleFor.entries()]
    .filter(([, rs]) => rs.length === 0)
    .map(([x]) => x)
    .sort(cmp);
  const grantRoles = [...new Map(viaRole.map(([, rs]) => [rs[0].address, rs[0]])).values()];
  const missing: Missing[] = [];
  const fixes: Fix[] = [];
  const missingText = [
    ...check.missingAllOf.map((x) => `${x} (required)`),
    ...(needAny ? [`one of ${check.missingAnyOf.join(', ')}`] : []),
  ].join(' and ');
  const pickNote =
    anyPick && check.missingAnyOf.length > 1
      ? ` (${anyPick} is the least-privilege one of ${check.missingAnyOf.join(', ')})`
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
      fixes.push(grantFix(plan, p, grantRoles, targets[0]));
    }
    if (newPerms.length) {
      missing.push({ kind: 'permission', detail: `${newPerms.join(', ')}${pickNote}`, permissions: newPerms });
      fixes.push(permissionFix(p, info, newPerms, targets[0]));
    }
  } else {
    const perms = [...new Set([...newPerms, ...viaRole.map(([x]) => x)])].sort(cmp);
    missing.push({ kind: 'permission', detail: `${perms.join(', ')}${pickNote}`, permissions: perms });
    if (newPerms.length) fixes.push(permissionFix(p, info, newPerms, targets[0]));
    if (grantRoles.length) fixes.push(grantFix(plan, p, grantRoles, targets[0]));
  }
  let answer = `${p.address} cannot call ${label}${where(division)}: missing ${missingText}`;
  if (division !== undefined && allowedIn.length) {
    answer += `; it is allowed only in ${quoteList(allowedIn, 'and')}: grant the role in "${targets[0].label}"`;
  } else if (fixes.length) {
    answer += `: ${fixes[0].summary}`;
  }
  return {
    ...head,
    ...(division !== undefined ? { division } : {}),
    allowed: false,
    answer,
    allowedIn,
    satisfiedBy: check.satisfiedBy,
    missing,
    fixes,
    notes,
  };
}

/** Everyone in the stacks who can call `op`, and where. */
export function callersOf(stacks: readonly LoadedStack[], op: Operation, division?: string): Caller[] {
  const out: Caller[] = [];
  for (const s of stacks) {
    const index = new PlanIndex(s.plan);
    for (const p of s.plan.principals) {
      if (isUserContextClient(p)) {
        // As checkPrincipal and the matchers decide: an operation that lists no scope needs none.
        if (op.scopes.length === 0) {
          out.push({ stack: s.name, address: p.address, name: p.name, allowedIn: ['no scope needed'] });
        } else if (op.scopes.some((x) => p.scopes.includes(x))) {
          out.push({ stack: s.name, address: p.address, name: p.name, allowedIn: ['by scope'] });
        }
        continue;
      }
      const ds = index.divisions(p);
      const open = op.anyOf.length === 0 && op.allOf.length === 0;
      const allowedIn =
        division !== undefined
          ? (open ? ds.length > 0 : meets(op, s.plan.permissionSet(p, division)))
            ? [division]
            : []
          : ds.filter((d) => open || meets(op, d.effective.set)).map((d) => d.label);
      if (allowedIn.length) out.push({ stack: s.name, address: p.address, name: p.name, allowedIn });
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
    return { ...base, callers: callersOf(pool, op, options.division) };
  }
  const { stack, principal } = findPrincipal(stacks, options.principal, options.stack);
  return { ...base, check: checkPrincipal(stack, principal, op, options.division) };
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
