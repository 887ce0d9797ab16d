/**
 * The pull-request gate over a diff's changes: which kinds fail (`--fail-on`, or the policy's `failOn`), what the
 * policy forbids or allows, and the outcome: pass, fail, or unknown (a change the input cannot tell, which fails
 * closed unless the policy allows it). Plain data. No cdktf import.
 */
import { permissionCovers } from '../access/permission-match';
import type { Change } from './changes';
import { type FailOn, failsOn } from './fail-on';
import type { Policy } from './policy';

/** Why one change fails the gate. */
export interface GateFailure {
  /** Index into the diff's `changes`. */
  readonly index: number;
  /** `fail-on` (its kind is failed on), `forbidden-permission`, `admin-not-allowed`. */
  readonly rule: 'fail-on' | 'forbidden-permission' | 'admin-not-allowed';
  readonly reason: string;
}

/** A change the policy lets through, with the policy's reason. */
export interface GateException {
  readonly index: number;
  readonly reason: string;
}

/** The gate's verdict. */
export interface GateResult {
  /** The `--fail-on` words (or the policy's). */
  readonly failOn: readonly string[];
  /** The policy file read, relative to the working directory. */
  readonly policy?: string;
  readonly outcome: 'pass' | 'fail' | 'unknown';
  readonly failing: readonly GateFailure[];
  /** Unknown-introduced changes that make the outcome unknown (none when the policy allows unknowns). */
  readonly unknown: readonly number[];
  readonly excepted: readonly GateException[];
}

function matchesPrincipal(pattern: string, c: Change): boolean {
  return pattern === c.subject || pattern === c.name;
}

function permissionsOf(c: Change): string[] {
  if (c.permissions) return c.permissions.map((p) => p.replace(/ \(with conditions\)$/, ''));
  return c.permission !== undefined ? [c.permission] : [];
}

/** A permission granted that a forbidden one names: equal, or either covers the other (wildcards). */
function forbids(forbidden: string, granted: string): boolean {
  return permissionCovers(forbidden, granted) || permissionCovers(granted, forbidden);
}

/** The gate over `changes` with `failOn` and an optional policy. */
export function evaluateGate(
  changes: readonly Change[],
  failOn: FailOn,
  policy?: Policy,
  policyFile?: string,
): GateResult {
  const failing: GateFailure[] = [];
  const unknown: number[] = [];
  const excepted: GateException[] = [];
  changes.forEach((c, index) => {
    const exception = policy?.exceptions.find(
      (e) =>
        e.kind === c.kind &&
        (e.principal === undefined || matchesPrincipal(e.principal, c)) &&
        (e.permission === undefined || permissionsOf(c).some((p) => forbids(e.permission!, p))) &&
        (e.division === undefined || e.division === c.division),
    );
    const forbidden = policy?.forbiddenPermissions.find((f) => permissionsOf(c).some((p) => forbids(f.permission, p)));
    if (forbidden && c.widening) {
      // Forbidden permissions take no exception: the policy says never.
      failing.push({
        index,
        rule: 'forbidden-permission',
        reason: `${forbidden.permission} is never to be granted: ${forbidden.reason}`,
      });
      return;
    }
    if (exception) {
      excepted.push({ index, reason: exception.reason });
      return;
    }
    if (c.kind === 'admin-grade' && policy && policy.adminAllowed.length) {
      const allowed = policy.adminAllowed.find((a) => matchesPrincipal(a.principal, c));
      if (allowed) {
        excepted.push({ index, reason: allowed.reason });
        return;
      }
      failing.push({
        index,
        rule: 'admin-not-allowed',
        reason: `only ${policy.adminAllowed.map((a) => a.principal).join(', ')} may hold admin-grade access (policy adminAllowed)`,
      });
      return;
    }
    if (failsOn(failOn, c)) {
      failing.push({ index, rule: 'fail-on', reason: `--fail-on ${failOn.names.join(',')} fails ${c.kind}` });
      return;
    }
    if (c.kind === 'unknown-introduced' && !policy?.allowUnknown && failOn.names.join() !== 'none') {
      unknown.push(index);
    }
  });
  return {
    failOn: failOn.names,
    ...(policyFile !== undefined ? { policy: policyFile } : {}),
    outcome: failing.length ? 'fail' : unknown.length ? 'unknown' : 'pass',
    failing,
    unknown,
    excepted,
  };
}
