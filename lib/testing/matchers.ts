/**
 * Framework-agnostic access matchers over a synthesized stack (`cdk.tf.json` content, as an object or JSON
 * text) or an access graph. They ask the evaluator (lib/access/evaluate), so they agree with `genesys-access
 * explain` and work for our constructs and raw bindings alike. A matcher passes only on `allowed`: where the
 * input cannot tell (`unknown`), it fails and says why. No cdktf import; the jest adapter is in ./jest.
 */
import { Catalog } from '../catalog/catalog';
import { didYouMean, quoteList } from '../errors';
import { rankBySimilarity } from '../catalog/similarity';
import { type Decision, evaluate } from '../access/evaluate';
import { type AccessGraph, isAccessGraph, type GraphPrincipal } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { principalAccess } from '../access/principal-access';
import { divisionIs, unknownDivision } from '../access/divisions';
import { readCdktf } from '../sources/cdktf/read';

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

const graphs = new WeakMap<object, AccessGraph>();

/** The graph of a stack document (read once per document object) or the graph itself. */
export function graphOf(stack: unknown): AccessGraph {
  if (isAccessGraph(stack)) return stack;
  if (typeof stack === 'object' && stack !== null) {
    let g = graphs.get(stack);
    if (!g) graphs.set(stack, (g = readCdktf(stack)));
    return g;
  }
  return readCdktf(stack);
}

function lookup(stack: unknown, principal: string): { graph: AccessGraph; p?: GraphPrincipal; fail?: MatcherResult } {
  const graph = graphOf(stack);
  const hits = GraphIndex.of(graph).findPrincipals(principal);
  if (hits.length === 1) return { graph, p: hits[0] };
  if (hits.length > 1) {
    return {
      graph,
      fail: {
        pass: false,
        message: `principal "${principal}" is ambiguous: ${quoteList(
          hits.map((h) => h.key),
          'and',
        )} match; give the address`,
      },
    };
  }
  const names = graph.principals.map((x) => x.key);
  return {
    graph,
    fail: {
      pass: false,
      message: `no principal "${principal}" in the stack.${didYouMean(rankBySimilarity(principal, names, 3, 0.2))} Principals: ${names.join(', ') || 'none'}`,
    },
  };
}

/** A failed result when the division asked is a typo of one in the stack. */
function divisionTypo(graph: AccessGraph, o?: AccessMatcherOptions): MatcherResult | undefined {
  if (o?.division === undefined) return undefined;
  const near = unknownDivision(graph.divisions, o.division, (q, names) => rankBySimilarity(q, names, 3, 0.5));
  return near ? { pass: false, message: `no division "${o.division}" in the stack.${didYouMean(near)}` } : undefined;
}

function where(o?: AccessMatcherOptions): string {
  return o?.division ? ` in division "${o.division}"` : '';
}

function unknownMessage(p: GraphPrincipal, what: string, d: Decision, o?: AccessMatcherOptions): string {
  return `cannot tell whether ${p.key} ${what}${where(o)}: ${d.reasons[0].message}`;
}

/** Passes if the principal holds `permission` (directly or via a wildcard) in the division. */
export function grantsPermission(
  stack: unknown,
  principal: string,
  permission: string,
  options?: AccessMatcherOptions,
): MatcherResult {
  const { graph, p, fail } = lookup(stack, principal);
  if (!p) return fail!;
  if (!Catalog.isPermission(permission)) {
    return { pass: false, message: Catalog.explainUnknownPermission(permission) };
  }
  const typo = divisionTypo(graph, options);
  if (typo) return typo;
  const d = evaluate(graph, p, { permission }, options?.division !== undefined ? { division: options.division } : {});
  if (d.verdict === 'allowed') return { pass: true, message: `${p.key} holds ${permission}${where(options)}` };
  if (d.verdict === 'unknown') return { pass: false, message: unknownMessage(p, `holds ${permission}`, d, options) };
  const code = d.reasons[0].code;
  if (code === 'USER_CONTEXT_ROLES_INERT' || code === 'CLIENT_INACTIVE' || code === 'GROUP_ROLES_DISABLED') {
    return { pass: false, message: `${d.reasons[0].message}; it holds no ${permission} of its own` };
  }
  const elsewhere = d.allowedIn.map((x) => x.label);
  const held = principalAccess(graph, p).divisions;
  const inDivision =
    options?.division !== undefined ? held.filter((x) => divisionIs(x.division, options.division!)) : held;
  const hint = elsewhere.length
    ? `; it holds it only in ${quoteList(elsewhere, 'and')}: grant the role in "${options?.division}" too`
    : `; its permissions${where(options)}: ${[...new Set(inDivision.flatMap((x) => x.effective.all.list))].sort().join(', ') || 'none'}`;
  return { pass: false, message: `${p.key} does not hold ${permission}${where(options)}${hint}` };
}

/**
 * Passes if the principal can call the operation in the division: the operation's ALL-of permissions and one
 * of its ANY-of permissions are held there. For a user-context OAuth client it passes when the client has a
 * scope the operation accepts (its permissions come from the signed-in user, which the stack does not hold).
 */
export function allowsOperation(
  stack: unknown,
  principal: string,
  operation: string,
  options?: AccessMatcherOptions,
): MatcherResult {
  const { graph, p, fail } = lookup(stack, principal);
  if (!p) return fail!;
  const op = Catalog.operation(operation);
  if (!op) return { pass: false, message: Catalog.explainUnknownOperation(operation) };
  const typo = divisionTypo(graph, options);
  if (typo) return typo;
  const label = `${op.key} (${op.operationId})`;
  const d = evaluate(
    graph,
    p,
    { operation: op },
    options?.division !== undefined ? { division: options.division } : {},
  );
  if (d.scope) {
    // A user-context client: the stack decides only the scope.
    if (d.scope.status === 'accepted') {
      return {
        pass: true,
        message: `${p.key} has scope ${d.scope.accepted[0]} for ${label}; the signed-in user's roles decide the permissions`,
      };
    }
    if (d.scope.status === 'unknown') {
      return {
        pass: false,
        message: `cannot tell whether ${p.key} can call ${label}: the catalog does not know which scopes it accepts`,
      };
    }
    return {
      pass: false,
      message: `${p.key} (${p.grantType}) lacks a scope for ${label}: add one of ${quoteList(d.scope.required)}; it has ${p.scopes.join(', ') || 'no scopes'}`,
    };
  }
  if (d.verdict === 'allowed') {
    const by = d.satisfiedBy.length ? ` via ${d.satisfiedBy.join(', ')}` : ' (no permission listed)';
    return { pass: true, message: `${p.key} can call ${label}${where(options)}${by}` };
  }
  if (d.verdict === 'unknown') return { pass: false, message: unknownMessage(p, `can call ${label}`, d, options) };
  const missing = [
    ...d.missing.allOf.map((x) => `${x} (required)`),
    ...(d.missing.anyOf.length ? [`one of ${d.missing.anyOf.join(', ')}`] : []),
  ];
  if (!missing.length)
    return { pass: false, message: `${p.key} cannot call ${label}${where(options)}: ${d.reasons[0].message}` };
  const okIn = d.allowedIn.map((x) => x.label);
  const hint =
    options?.division && okIn.length
      ? `; it is allowed only in ${quoteList(okIn, 'and')}: grant the role in "${options.division}"`
      : '';
  return {
    pass: false,
    message: `${p.key} cannot call ${label}${where(options)}: missing ${missing.join(' and ')}${hint}`,
  };
}

/** Passes if the principal's permissions in the division are exactly `permissions` (no more, no less). */
export function grantsExactly(
  stack: unknown,
  principal: string,
  permissions: readonly string[],
  options?: AccessMatcherOptions,
): MatcherResult {
  const { graph, p, fail } = lookup(stack, principal);
  if (!p) return fail!;
  const access = principalAccess(graph, p);
  const inert = access.inert?.message;
  let held: readonly string[];
  if (options?.division === undefined) {
    held = access.all.all.list;
  } else {
    const reach = access.divisions.filter((x) => divisionIs(x.division, options.division!));
    const all = access.divisions.find((x) => x.key === '*');
    held = [...new Set((reach.length ? reach : all ? [all] : []).flatMap((x) => x.effective.all.list))].sort();
  }
  const want = [...new Set(permissions)].sort();
  const extra = held.filter((x) => !want.includes(x));
  const missing = want.filter((x) => !held.includes(x));
  if (!extra.length && !missing.length) {
    return {
      pass: true,
      message: want.length
        ? `${p.key} holds exactly ${want.join(', ')}${where(options)}`
        : `${p.key} holds no permissions${where(options)}${inert ? ` (${inert})` : ''}`,
    };
  }
  const parts = [
    extra.length ? `extra (least privilege): ${extra.join(', ')}` : '',
    missing.length ? `missing: ${missing.join(', ')}` : '',
  ].filter(Boolean);
  if (inert) parts.push(inert);
  return { pass: false, message: `${p.key} permissions${where(options)} differ: ${parts.join('; ')}` };
}
