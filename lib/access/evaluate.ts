/**
 * THE evaluator: can principal P call operation O (or hold permission X), in division D? Every answer of this
 * library (report, diff, explain, deployer, the rules, the matchers) comes from here. The verdict is
 * `allowed`, `denied` or `unknown` (the input cannot tell), with what satisfied it, what is missing, the
 * divisions where it is allowed and the reasons, each a stable code plus one sentence.
 *
 * Decided here once: user-context inertness (roles on a CODE/TOKEN/... client grant nothing), all-divisions
 * reach (`*` reaches every division), implicit home, ANY-of vs ALL-of, wildcards, general permissions,
 * policy conditions, roles defined outside the input, scopes (and that orgs do not enforce them by default),
 * client state, group roles_enabled, user-specific APIs for client-credentials tokens, the org's
 * division-awareness and access policies where a live org says them. No format knowledge.
 */
import * as fs from 'fs';
import type { Operation, ScopesSource } from '../catalog/types';
import { dataFile } from '../util/package-root';
import { cmp } from '../util/compare';
import { ALL_DIVISIONS_KEY, divisionIs } from './divisions';
import type { AccessGraph, GraphPrincipal, GraphRole } from './graph';
import { GraphIndex, type RoleSetPermissions } from './graph-index';
import { PermissionSet } from './permission-match';
import {
  type DivisionAccess,
  isUserContextClient,
  pendingness,
  principalAccess,
  type PrincipalAccess,
} from './principal-access';
import { type Reason, reason } from './reasons';

/** The answer: allowed, denied, or unknown where the input cannot tell. */
export type Verdict = 'allowed' | 'denied' | 'unknown';

/** A division in a decision. */
export interface DecisionDivision {
  readonly key: string;
  readonly label: string;
}

/** How a user-context client's scopes meet the operation. */
export interface ScopeCheck {
  /** `accepted`: the client has a scope the operation accepts; `missing`: none; `unknown`: the catalog cannot tell. */
  readonly status: 'accepted' | 'missing' | 'unknown';
  /** The client's scopes the operation accepts. */
  readonly accepted: readonly string[];
  /** The scopes the operation accepts (any one), sorted. */
  readonly required: readonly string[];
  readonly source: ScopesSource;
}

/** A decision of the evaluator. */
export interface Decision {
  readonly verdict: Verdict;
  /** Why: the first reason decides the verdict; the others are notes. */
  readonly reasons: readonly Reason[];
  /** The principal's key. */
  readonly principal: string;
  /** The operation's key (`METHOD /path`), when an operation was asked. */
  readonly operation?: string;
  /** The permission, when a permission was asked. */
  readonly permission?: string;
  /** The division asked about, as given. */
  readonly division?: string;
  /** Held permissions that meet the rule (in the division asked, else in the divisions where allowed). */
  readonly satisfiedBy: readonly string[];
  /** What is not held (in the division asked, else in any division): ALL-of permissions, and the ANY-of list. */
  readonly missing: { readonly allOf: readonly string[]; readonly anyOf: readonly string[] };
  /** Divisions where the principal's grants meet the rule. */
  readonly allowedIn: readonly DecisionDivision[];
  /** Divisions where the input cannot tell. */
  readonly unknownIn: readonly DecisionDivision[];
  /** User-context clients asked about an operation: the scope check. */
  readonly scope?: ScopeCheck;
}

/** What to decide about. */
export type AccessTarget = { readonly operation: Operation } | { readonly permission: string };

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * The division of the object: a name, an id, a Terraform address, `home`, or `*`.
   * @default - any division the principal is granted in
   */
  readonly division?: string;
  /**
   * Whether the org enforces OAuth scopes.
   * @default - the graph's `org.scopesEnforced`, else not known (orgs do not enforce scopes by default)
   */
  readonly scopesEnforced?: boolean;
}

interface Requirement {
  readonly allOf: readonly string[];
  readonly anyOf: readonly string[];
}

interface Judgement {
  readonly verdict: Verdict;
  readonly satisfiedBy: readonly string[];
  readonly missingAllOf: readonly string[];
  readonly missingAnyOf: readonly string[];
  readonly reason?: Reason;
}

type Has = (permission: string) => boolean;

interface UserSpecificApis {
  readonly pathPattern: string;
  readonly except: ReadonlyArray<{ readonly path: string }>;
}

let userSpecific: { test(path: string): boolean } | undefined;

/** True for a user-specific API (data/user-specific-apis.json): client-credentials tokens cannot call it. */
export function isUserSpecificApi(op: Operation): boolean {
  if (!userSpecific) {
    const data = JSON.parse(fs.readFileSync(dataFile('user-specific-apis.json'), 'utf8')) as UserSpecificApis;
    const re = new RegExp(data.pathPattern);
    const except = new Set(data.except.map((e) => e.path));
    userSpecific = { test: (path) => re.test(path) && !except.has(path) };
  }
  return userSpecific.test(op.path);
}

function meetsWith(req: Requirement, has: Has): boolean {
  for (const p of req.allOf) if (!has(p)) return false;
  if (req.anyOf.length === 0) return true;
  for (const p of req.anyOf) if (has(p)) return true;
  return false;
}

function roleNames(roles: readonly GraphRole[]): string {
  return roles.map((r) => `"${r.name}" (${r.incompleteReason ?? 'not known'})`).join(', ');
}

/** `role "Agent" (looked up by data.genesyscloud_auth_role.agent) is defined outside the input: ...` */
function rolesUnknown(roles: readonly GraphRole[]): string {
  const many = roles.length > 1;
  const outside = roles.every((r) => r.origin !== 'managed');
  const where = outside ? 'defined outside the input' : 'not fully readable in the input';
  return `${many ? 'roles' : 'role'} ${roleNames(roles)} ${many ? 'are' : 'is'} ${where}: ${many ? 'their' : 'its'} permissions are not known`;
}

/** The requirement and its permissions, judged against one set of permissions. */
function judge(req: Requirement, perms: RoleSetPermissions, anywhere: Has | undefined): Judgement {
  const firm: Has = anywhere ? (p) => perms.firm.has(p) || anywhere(p) : (p) => perms.firm.has(p);
  const held = (has: Has): string[] => [...req.allOf.filter(has), ...req.anyOf.filter(has)];
  if (meetsWith(req, firm)) return { verdict: 'allowed', satisfiedBy: held(firm), missingAllOf: [], missingAnyOf: [] };
  const missingAllOf = req.allOf.filter((p) => !firm(p));
  const missingAnyOf = req.anyOf.length && !req.anyOf.some(firm) ? [...req.anyOf] : [];
  const all: Has = anywhere ? (p) => perms.all.has(p) || anywhere(p) : (p) => perms.all.has(p);
  if (meetsWith(req, all)) {
    const conditional = held(all).filter((p) => !firm(p));
    return {
      verdict: 'unknown',
      satisfiedBy: held(firm),
      missingAllOf,
      missingAnyOf,
      reason: reason(
        'CONDITIONS',
        `${conditional.join(', ')} ${conditional.length > 1 ? 'are' : 'is'} granted only by a policy with conditions, which narrow the grant to some objects: whether this object qualifies is not in the input`,
      ),
    };
  }
  if (perms.unknown.length) {
    return {
      verdict: 'unknown',
      satisfiedBy: held(firm),
      missingAllOf,
      missingAnyOf,
      reason: reason('ROLE_PERMISSIONS_UNKNOWN', rolesUnknown(perms.unknown)),
    };
  }
  return { verdict: 'denied', satisfiedBy: held(firm), missingAllOf, missingAnyOf };
}

function union(index: GraphIndex, divisions: readonly DivisionAccess[]): RoleSetPermissions | undefined {
  if (divisions.length === 0) return undefined;
  if (divisions.length === 1) return divisions[0].effective;
  const roles = new Map<string, GraphRole>();
  for (const d of divisions) {
    for (const r of d.roles) roles.set(r.key, r);
  }
  const all = divisions.find((d) => d.key === ALL_DIVISIONS_KEY);
  if (all) for (const r of all.roles) roles.set(r.key, r);
  return index.permissionsOf([...roles.values()]);
}

const EMPTY: RoleSetPermissions = { all: PermissionSet.EMPTY, firm: PermissionSet.EMPTY, unknown: [] };

function scopeCheck(op: Operation, p: GraphPrincipal): ScopeCheck {
  const required = [...op.scopes].sort(cmp);
  const accepted = required.filter((s) => p.scopes.includes(s));
  const status = op.scopes.length === 0 ? 'unknown' : accepted.length ? 'accepted' : 'missing';
  return { status, accepted, required, source: op.scopesSource };
}

function out(d: DivisionAccess): DecisionDivision {
  return { key: d.key, label: d.label };
}

interface Draft {
  verdict: Verdict;
  reasons: Reason[];
  satisfiedBy: readonly string[];
  missing: { allOf: readonly string[]; anyOf: readonly string[] };
  allowedIn: DecisionDivision[];
  unknownIn: DecisionDivision[];
  scope?: ScopeCheck;
}

function blank(verdict: Verdict, first: Reason): Draft {
  return {
    verdict,
    reasons: [first],
    satisfiedBy: [],
    missing: { allOf: [], anyOf: [] },
    allowedIn: [],
    unknownIn: [],
  };
}

function userContext(p: GraphPrincipal, op: Operation, enforced: boolean | undefined): Draft {
  const scope = scopeCheck(op, p);
  const open = op.allOf.length === 0 && op.anyOf.length === 0;
  const notes: Reason[] = [];
  let scopeOk: 'yes' | 'no' | 'unknown';
  if (scope.status === 'unknown') {
    notes.push(reason('SCOPE_UNKNOWN', `the catalog does not know which scopes ${op.key} accepts`));
    scopeOk = enforced === false ? 'yes' : 'unknown';
  } else if (scope.status === 'accepted') {
    notes.push(reason('SCOPE_ACCEPTED', `${p.key} has scope ${scope.accepted[0]}, which ${op.key} accepts`));
    scopeOk = scope.source === 'inferred' && enforced !== false ? 'unknown' : 'yes';
  } else {
    const msg = `${p.key} has none of the scopes ${op.key} accepts (${scope.required.join(', ')}); it has ${p.scopes.join(', ') || 'no scopes'}`;
    notes.push(reason('SCOPE_MISSING', enforced === true ? msg : `${msg}: denied where the org enforces scopes`));
    scopeOk =
      enforced === true ? (scope.source === 'inferred' ? 'unknown' : 'no') : enforced === false ? 'yes' : 'unknown';
    if (enforced === undefined) {
      notes.push(
        reason(
          'SCOPES_NOT_ENFORCED',
          "orgs do not enforce scopes by default; where they are not enforced the app has the signed-in user's access",
        ),
      );
    }
  }
  if (scope.source === 'inferred') {
    notes.push(
      reason('SCOPES_INFERRED', `the scopes of ${op.key} are inferred from similar operations, not documented`),
    );
  }
  const draft = (verdict: Verdict, first: Reason): Draft => ({
    ...blank(verdict, first),
    reasons: [first, ...notes.filter((n) => n !== first)],
    scope,
  });
  if (scopeOk === 'no') return draft('denied', notes[0]);
  const userDecides = reason(
    'USER_CONTEXT_USER_DECIDES',
    `${p.key} is a ${p.grantType} client: its token carries the signed-in user's permissions (${[...op.allOf, ...(op.anyOf.length ? [`one of ${op.anyOf.join(', ')}`] : [])].join(' and ') || 'none listed'}), which the input does not hold: check that user`,
  );
  if (scopeOk === 'unknown') return draft('unknown', notes.find((n) => n.code !== 'SCOPE_ACCEPTED') ?? userDecides);
  if (open)
    return draft(
      'allowed',
      reason(
        'NO_PERMISSION_REQUIRED',
        `${op.key} lists no permission, and ${scope.status === 'accepted' ? 'the client has an accepted scope' : 'scopes are not enforced'}`,
      ),
    );
  return draft('unknown', userDecides);
}

/** Decides whether `principal` can call the operation (or holds the permission) in the division. */
export function evaluate(
  graph: AccessGraph,
  principal: GraphPrincipal | string,
  target: AccessTarget,
  options: EvaluateOptions = {},
): Decision {
  const index = GraphIndex.of(graph);
  const p = typeof principal === 'string' ? index.principal(principal) : principal;
  if (!p) throw new Error(`evaluate: no principal "${String(principal)}" in the graph`);
  const op = 'operation' in target ? target.operation : undefined;
  const permission = 'permission' in target ? target.permission : undefined;
  const division = options.division;
  const draft = decide(graph, index, p, op, permission, division, options.scopesEnforced ?? graph.org?.scopesEnforced);
  return {
    verdict: draft.verdict,
    reasons: draft.reasons,
    principal: p.key,
    ...(op ? { operation: op.key } : {}),
    ...(permission !== undefined ? { permission } : {}),
    ...(division !== undefined ? { division } : {}),
    satisfiedBy: draft.satisfiedBy,
    missing: draft.missing,
    allowedIn: draft.allowedIn,
    unknownIn: draft.unknownIn,
    ...(draft.scope ? { scope: draft.scope } : {}),
  };
}

function decide(
  graph: AccessGraph,
  index: GraphIndex,
  p: GraphPrincipal,
  op: Operation | undefined,
  permission: string | undefined,
  division: string | undefined,
  scopesEnforced: boolean | undefined,
): Draft {
  if (p.kind === 'oauth-client' && p.state === 'inactive') {
    return blank(
      'denied',
      reason('CLIENT_INACTIVE', `${p.key} is inactive (state = "inactive"): it cannot get tokens`),
    );
  }
  const access = principalAccess(graph, p);
  if (isUserContextClient(p)) {
    if (op) {
      const draft = userContext(p, op, scopesEnforced);
      const pending = pendingness(p);
      if (draft.verdict === 'allowed' && pending) {
        draft.verdict = 'unknown';
        draft.reasons.unshift(pending);
      }
      return draft;
    }
    return blank('denied', access.inert!);
  }
  if (access.inert) return blank('denied', access.inert);
  const draft = grantsDecide(graph, index, access, op, permission, division);
  const notes: Reason[] = [];
  if (p.kind === 'oauth-client' && p.scopes.length) {
    notes.push(
      reason(
        'SCOPES_IGNORED',
        `its scopes (${p.scopes.join(', ')}) do nothing: a client-credentials token ignores scopes`,
      ),
    );
  }
  if (draft.verdict === 'allowed' && access.pending) {
    draft.verdict = 'unknown';
    draft.reasons.unshift(access.pending);
  }
  const byGrants = ['MISSING_PERMISSION', 'WRONG_DIVISION', 'SPLIT_DIVISIONS', 'NO_GRANTS'];
  if (draft.verdict === 'denied' && !p.grantsComplete && byGrants.includes(draft.reasons[0].code)) {
    draft.verdict = 'unknown';
    draft.reasons.unshift(
      reason(
        'GRANTS_INCOMPLETE',
        `some grants of ${p.key} cannot be read statically: ${p.grantsIncompleteReason ?? 'not known'}`,
      ),
    );
  }
  const policies = (graph.org?.policies ?? []).filter(
    (x) => x.active && (x.applyToClients || p.kind !== 'oauth-client'),
  );
  if (draft.verdict === 'allowed' && policies.length) {
    draft.verdict = 'unknown';
    draft.reasons.unshift(
      reason(
        'ACCESS_POLICY',
        `the org has ${policies.length} active access polic${policies.length > 1 ? 'ies' : 'y'} (${policies.map((x) => `"${x.name}"`).join(', ')}), which can deny what roles allow`,
      ),
    );
  }
  if (p.kind === 'user' && draft.verdict !== 'allowed')
    notes.push(reason('USER_GROUPS_NOT_SEEN', `grants through the groups ${p.name} belongs to are not in the input`));
  draft.reasons.push(...notes);
  return draft;
}

function grantsDecide(
  graph: AccessGraph,
  index: GraphIndex,
  access: PrincipalAccess,
  op: Operation | undefined,
  permission: string | undefined,
  division: string | undefined,
): Draft {
  const p = access.principal;
  if (op && p.kind === 'oauth-client' && isUserSpecificApi(op)) {
    return blank(
      'denied',
      reason(
        'CLIENT_CREDENTIALS_USER_API',
        `${op.key} is a user-specific API: a client-credentials token has no user, so ${p.key} cannot call it`,
      ),
    );
  }
  const divisions = access.divisions;
  if (op && op.allOf.length === 0 && op.anyOf.length === 0) {
    const d = blank(
      'allowed',
      reason('NO_PERMISSION_REQUIRED', `${op.key} lists no permission: any authenticated principal may call it`),
    );
    d.allowedIn = divisions.map(out);
    return d;
  }
  const req: Requirement = op ? { allOf: op.allOf, anyOf: op.anyOf } : { allOf: [permission!], anyOf: [] };
  const orgPerms = graph.org?.permissions;
  const anywhere: Has | undefined = orgPerms
    ? (x) => orgPerms[x]?.divisionAware === false && access.all.firm.has(x)
    : undefined;
  const per = divisions.map((d) => ({ d, j: judge(req, d.effective, anywhere) }));
  const allowedIn = per.filter((x) => x.j.verdict === 'allowed').map((x) => out(x.d));
  const unknownIn = per.filter((x) => x.j.verdict === 'unknown').map((x) => out(x.d));
  const notes: Reason[] = [];
  if (orgPerms) {
    const free = [...req.allOf, ...req.anyOf].filter((x) => orgPerms[x]?.divisionAware === false);
    if (free.length) {
      notes.push(
        reason(
          'NOT_DIVISION_AWARE',
          `the org says ${free.join(', ')} ${free.length > 1 ? 'are' : 'is'} not division-aware: a grant in any division satisfies ${free.length > 1 ? 'them' : 'it'}`,
        ),
      );
    }
  }
  const implicit = divisions.filter((d) => d.implicitHome);
  if (implicit.length) {
    const roles = [
      ...new Set(
        index
          .grantsOf(p.key)
          .filter((g) => g.implicitHome)
          .map((g) => index.requireRole(g.role).name),
      ),
    ].sort(cmp);
    notes.push(
      reason(
        'IMPLICIT_HOME',
        `role${roles.length > 1 ? 's' : ''} ${roles.map((r) => `"${r}"`).join(', ')} ${roles.length > 1 ? 'are' : 'is'} granted with no division, which the provider turns into the home division only`,
      ),
    );
  }

  if (division === undefined) {
    const base: Omit<Draft, 'verdict' | 'reasons'> = {
      satisfiedBy: [],
      missing: { allOf: [], anyOf: [] },
      allowedIn,
      unknownIn,
    };
    if (allowedIn.length) {
      const winners = per.filter((x) => x.j.verdict === 'allowed');
      const satisfiedBy = [...new Set(winners.flatMap((x) => x.j.satisfiedBy))];
      const reasons = [reason('ALLOWED_BY_GRANT', `allowed in ${allowedIn.map((d) => d.label).join(', ')}`)];
      addReach(
        reasons,
        winners.map((x) => x.d),
        req,
        satisfiedBy,
      );
      if (!winners.some((x) => x.d.key === ALL_DIVISIONS_KEY)) {
        reasons.push(
          reason(
            'OTHER_DIVISIONS_FORBIDDEN',
            'objects in divisions these grants do not reach return 403: give the division of the object to check it',
          ),
        );
      }
      return { ...base, verdict: 'allowed', satisfiedBy, reasons: [...reasons, ...notes] };
    }
    const whole = judge(req, access.all, anywhere);
    const missing = { allOf: whole.missingAllOf, anyOf: whole.missingAnyOf };
    if (unknownIn.length) {
      const first = per.find((x) => x.j.verdict === 'unknown')!.j.reason!;
      return { ...base, verdict: 'unknown', missing, satisfiedBy: whole.satisfiedBy, reasons: [first, ...notes] };
    }
    if (divisions.length === 0) {
      return {
        ...base,
        verdict: 'denied',
        missing,
        reasons: [reason('NO_GRANTS', `${p.key} has no role grants in the input`), ...notes],
      };
    }
    if (whole.verdict === 'allowed') {
      return {
        ...base,
        verdict: 'denied',
        satisfiedBy: [],
        missing,
        reasons: [
          reason(
            'SPLIT_DIVISIONS',
            `${whole.satisfiedBy.join(', ')} are held only in different divisions: no one division has them all`,
          ),
          ...notes,
        ],
      };
    }
    return {
      ...base,
      verdict: 'denied',
      satisfiedBy: whole.satisfiedBy,
      missing,
      reasons: [missingReason(req, whole), ...notes],
    };
  }

  // One division: the grants in it, plus those in all divisions (folded into `effective`).
  const inDivision = divisions.filter((d) => divisionIs(d.division, division));
  const reach = union(index, inDivision) ?? divisions.find((d) => d.key === ALL_DIVISIONS_KEY)?.effective ?? EMPTY;
  const j = judge(req, reach, anywhere);
  const base = {
    satisfiedBy: j.satisfiedBy,
    missing: { allOf: j.missingAllOf, anyOf: j.missingAnyOf },
    allowedIn,
    unknownIn,
  };
  if (j.verdict === 'allowed') {
    const reasons = [reason('ALLOWED_BY_GRANT', `allowed in "${division}"`)];
    addReach(
      reasons,
      inDivision.length ? inDivision : divisions.filter((d) => d.key === ALL_DIVISIONS_KEY),
      req,
      j.satisfiedBy,
    );
    return { ...base, verdict: 'allowed', reasons: [...reasons, ...notes] };
  }
  if (j.verdict === 'unknown') return { ...base, verdict: 'unknown', reasons: [j.reason!, ...notes] };
  // Could a division the input cannot resolve be this one?
  const unresolved = divisions.filter((d) => d.division.kind === 'unresolved' && !inDivision.includes(d));
  if (unresolved.length) {
    const maybe = judge(req, union(index, [...inDivision, ...unresolved])!, anywhere);
    if (maybe.verdict !== 'denied') {
      return {
        ...base,
        verdict: 'unknown',
        reasons: [
          reason(
            'DIVISION_UNKNOWN',
            `a grant names the division ${unresolved.map((d) => d.division.ref).join(', ')}, which the input cannot resolve: it may be "${division}"`,
          ),
          ...notes,
        ],
      };
    }
  }
  if (allowedIn.length) {
    return {
      ...base,
      verdict: 'denied',
      reasons: [
        reason(
          'WRONG_DIVISION',
          `its roles allow it only in ${allowedIn.map((d) => `"${d.label}"`).join(', ')}, not in "${division}"`,
        ),
        ...notes,
      ],
    };
  }
  if (divisions.length === 0) {
    return {
      ...base,
      verdict: 'denied',
      reasons: [reason('NO_GRANTS', `${p.key} has no role grants in the input`), ...notes],
    };
  }
  const whole = judge(req, access.all, anywhere);
  if (whole.verdict === 'allowed' || whole.satisfiedBy.length > j.satisfiedBy.length) {
    return {
      ...base,
      verdict: 'denied',
      reasons: [
        reason(
          'WRONG_DIVISION',
          `${whole.satisfiedBy.join(', ')} ${whole.satisfiedBy.length > 1 ? 'are' : 'is'} held only in other divisions, not in "${division}"`,
        ),
        ...notes,
      ],
    };
  }
  return { ...base, verdict: 'denied', reasons: [missingReason(req, j), ...notes] };
}

function missingReason(req: Requirement, j: Judgement): Reason {
  const parts = [
    ...j.missingAllOf.map((x) => `${x} (required)`),
    ...(j.missingAnyOf.length ? [`one of ${j.missingAnyOf.join(', ')}`] : []),
  ];
  return reason('MISSING_PERMISSION', `missing ${parts.join(' and ') || req.allOf.join(', ')}`);
}

function addReach(
  reasons: Reason[],
  winners: readonly DivisionAccess[],
  req: Requirement,
  satisfiedBy: readonly string[],
): void {
  if (winners.some((d) => d.key === ALL_DIVISIONS_KEY || !meetsWith(req, (x) => d.granted.has(x)))) {
    reasons.push(reason('ALL_DIVISIONS', 'a role granted in all divisions (*) reaches every division, now and future'));
  }
  const wild = satisfiedBy.filter((x) => winners.some((d) => d.effective.firm.coveringOf(x).some((c) => c !== x)));
  if (wild.length) {
    reasons.push(
      reason(
        'WILDCARD',
        `${wild.join(', ')} ${wild.length > 1 ? 'are' : 'is'} held through a wildcard, which the API expands into the permissions that exist when the role is saved`,
      ),
    );
  }
}

/** Everyone in the graph the evaluator allows (or cannot rule out) for the target, with the decisions. */
export function whoCan(graph: AccessGraph, target: AccessTarget, options: EvaluateOptions = {}): Decision[] {
  return graph.principals.map((p) => evaluate(graph, p, target, options)).filter((d) => d.verdict !== 'denied');
}
