/**
 * Framework-agnostic access matchers over a synthesized stack (`cdk.tf.json` content, as an object or JSON
 * text). They read the plan, so they work for our constructs and for raw bindings alike. No cdktf import; the
 * jest adapter is in ./jest.
 */
import { Catalog } from '../catalog/catalog';
import { didYouMean, quoteList } from '../errors';
import { rankBySimilarity } from '../catalog/similarity';
import { divisionLabel } from '../model/division-ref';
import { AccessPlan, isUserContextClient, type PlanPrincipal } from '../model/plan';

/** The outcome of a matcher: pass or not, and a message that says why. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: string;
}

/** Options of the matchers. */
export interface AccessMatcherOptions {
  /**
   * The division the access must reach: a division name, id, Terraform address, `home`, or `*`.
   * @default - any division
   */
  readonly division?: string;
}

function lookup(stack: unknown, principal: string): { plan: AccessPlan; p?: PlanPrincipal; fail?: MatcherResult } {
  const plan = AccessPlan.fromJson(stack);
  const p = plan.principal(principal);
  if (p) return { plan, p };
  const names = plan.principals.map((x) => x.address);
  return {
    plan,
    fail: {
      pass: false,
      message: `no principal "${principal}" in the stack.${didYouMean(rankBySimilarity(principal, names, 3, 0.2))} Principals: ${names.join(', ') || 'none'}`,
    },
  };
}

function where(o?: AccessMatcherOptions): string {
  return o?.division ? ` in division "${o.division}"` : '';
}

/** Roles on a user-context OAuth client grant nothing: its tokens carry the signed-in user's permissions. */
function rolesInert(p: PlanPrincipal): string | undefined {
  return isUserContextClient(p)
    ? `${p.address} is a ${p.grantType} (user-context) client: roles on it grant nothing, its tokens carry the signed-in user's permissions`
    : undefined;
}

function heldElsewhere(plan: AccessPlan, p: PlanPrincipal, permission: string): string[] {
  return [
    ...new Set(
      p.grants.filter((g) => plan.holds({ ...p, grants: [g] }, permission)).map((g) => divisionLabel(g.division)),
    ),
  ].sort();
}

/** Passes if the principal holds `permission` (directly or via a wildcard) in the division. */
export function grantsPermission(
  stack: unknown,
  principal: string,
  permission: string,
  options?: AccessMatcherOptions,
): MatcherResult {
  const { plan, p, fail } = lookup(stack, principal);
  if (!p) return fail!;
  if (!Catalog.isPermission(permission)) {
    return { pass: false, message: Catalog.explainUnknownPermission(permission) };
  }
  const inert = rolesInert(p);
  if (inert) return { pass: false, message: `${inert}; it holds no ${permission} of its own` };
  if (plan.holds(p, permission, options?.division)) {
    return { pass: true, message: `${p.address} holds ${permission}${where(options)}` };
  }
  const elsewhere = heldElsewhere(plan, p, permission);
  const hint = elsewhere.length
    ? `; it holds it only in ${quoteList(elsewhere, 'and')}: grant the role in "${options?.division}" too`
    : `; its permissions${where(options)}: ${plan.permissionsIn(p, options?.division).join(', ') || 'none'}`;
  return { pass: false, message: `${p.address} does not hold ${permission}${where(options)}${hint}` };
}

/**
 * Passes if the principal can call the operation in the division: the operation's ALL-of permissions and one
 * of its ANY-of permissions are held there; for a user-context OAuth client, one of its accepted scopes is set
 * (its permissions come from the signed-in user).
 */
export function allowsOperation(
  stack: unknown,
  principal: string,
  operation: string,
  options?: AccessMatcherOptions,
): MatcherResult {
  const { plan, p, fail } = lookup(stack, principal);
  if (!p) return fail!;
  const op = Catalog.operation(operation);
  if (!op) return { pass: false, message: Catalog.explainUnknownOperation(operation) };
  const label = `${op.key} (${op.operationId})`;
  if (isUserContextClient(p)) {
    if (op.scopes.length === 0) {
      return {
        pass: true,
        message: `${p.address} is a ${p.grantType} client and ${label} lists no scope; the signed-in user's roles decide`,
      };
    }
    const ok = op.scopes.filter((s) => p.scopes.includes(s));
    return ok.length
      ? {
          pass: true,
          message: `${p.address} has scope ${ok[0]} for ${label}; the signed-in user's roles decide the permissions`,
        }
      : {
          pass: false,
          message: `${p.address} (${p.grantType}) lacks a scope for ${label}: add one of ${quoteList(op.scopes)}; it has ${p.scopes.join(', ') || 'no scopes'}`,
        };
  }
  const check = plan.check(p, op, options?.division);
  if (check.allowed) {
    const by = check.satisfiedBy.length ? ` via ${check.satisfiedBy.join(', ')}` : ' (no permission listed)';
    return { pass: true, message: `${p.address} can call ${label}${where(options)}${by}` };
  }
  const missing = [
    ...check.missingAllOf.map((x) => `${x} (required)`),
    ...(check.missingAnyOf.length ? [`one of ${check.missingAnyOf.join(', ')}`] : []),
  ];
  const okIn = plan
    .divisionsOf(p)
    .filter(
      (d) =>
        plan.check(
          {
            ...p,
            grants: p.grants.filter((g) => g.division === d || (g.division.kind === d.kind && g.division.id === d.id)),
          },
          op,
        ).allowed,
    )
    .map(divisionLabel);
  const hint =
    options?.division && okIn.length
      ? `; it is allowed only in ${quoteList(okIn, 'and')}: grant the role in "${options.division}"`
      : '';
  return {
    pass: false,
    message: `${p.address} cannot call ${label}${where(options)}: missing ${missing.join(' and ')}${hint}`,
  };
}

/** Passes if the principal's permissions in the division are exactly `permissions` (no more, no less). */
export function grantsExactly(
  stack: unknown,
  principal: string,
  permissions: readonly string[],
  options?: AccessMatcherOptions,
): MatcherResult {
  const { plan, p, fail } = lookup(stack, principal);
  if (!p) return fail!;
  const inert = rolesInert(p);
  const held = inert ? [] : plan.permissionsIn(p, options?.division);
  const want = [...new Set(permissions)].sort();
  const extra = held.filter((x) => !want.includes(x));
  const missing = want.filter((x) => !held.includes(x));
  if (!extra.length && !missing.length) {
    return {
      pass: true,
      message: want.length
        ? `${p.address} holds exactly ${want.join(', ')}${where(options)}`
        : `${p.address} holds no permissions${where(options)}${inert ? ` (${inert})` : ''}`,
    };
  }
  const parts = [
    extra.length ? `extra (least privilege): ${extra.join(', ')}` : '',
    missing.length ? `missing: ${missing.join(', ')}` : '',
  ].filter(Boolean);
  if (inert) parts.push(inert);
  return { pass: false, message: `${p.address} permissions${where(options)} differ: ${parts.join('; ')}` };
}
