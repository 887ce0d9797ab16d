import { AccessValidationError } from '../errors';
import { AccessPlan } from '../model/plan';
import { cmp } from '../util/compare';
import type { Finding, PlacedSuppression, Rule, RuleOptions, Suppression } from './types';

/** How a finding is named in messages and reports: `GCA-X[finding]`, or `GCA-X` for a finding without a name. */
export function findingId(f: { readonly ruleId: string; readonly finding?: string }): string {
  return f.finding !== undefined ? `${f.ruleId}[${f.finding}]` : f.ruleId;
}

/** Minimum length of a suppression reason. */
export const MIN_REASON_LENGTH = 10;

const DEFAULT_OPTIONS: Required<RuleOptions> = { maxTokenValiditySeconds: 86400 };

/** Checks a suppression on add: known rule, reason long enough, rule suppressible. Throws one line. */
export function checkSuppression(s: Suppression, rules: readonly Rule[]): void {
  const rule = rules.find((r) => r.id === s.id);
  if (!rule) {
    throw new AccessValidationError(
      `suppression of unknown rule "${s?.id}": rule ids are ${rules.map((r) => r.id).join(', ')}`,
    );
  }
  const reason = typeof s.reason === 'string' ? s.reason.trim() : '';
  if (reason.length < MIN_REASON_LENGTH) {
    throw new AccessValidationError(
      `suppression of ${s.id} needs a reason of at least ${MIN_REASON_LENGTH} characters saying why it is acceptable (got ${JSON.stringify(s.reason ?? '')}); see RULES.md`,
    );
  }
  if (!rule.suppressible) {
    throw new AccessValidationError(`${s.id} cannot be suppressed (${rule.info}); fix it: ${rule.fix}`);
  }
}

function appliesTo(s: PlacedSuppression, finding: string | undefined): boolean {
  if (!s.appliesTo?.length) return true;
  if (finding === undefined) return false;
  return s.appliesTo.some((a) => {
    const m = /^\/(.*)\/([a-z]*)$/.exec(a);
    return m ? new RegExp(m[1], m[2]).test(finding) : a === finding;
  });
}

function covers(s: PlacedSuppression, path: string | undefined, stackPath: string | undefined): boolean {
  if (s.path === stackPath) return true;
  if (!path) return false;
  return path === s.path || path.startsWith(`${s.path}/`);
}

/** The construct path cdktf recorded for a resource (`"//".metadata.path`), if any. */
export function constructPathOf(plan: AccessPlan, address: string): string | undefined {
  const parts = address.split('.');
  const [kind, type, name] =
    parts[0] === 'data' ? ['data' as const, parts[1], parts[2]] : ['resource' as const, parts[0], parts[1]];
  const body = plan.section(kind, type)[name] as { '//'?: { metadata?: { path?: string } } } | undefined;
  return body?.['//']?.metadata?.path;
}

/** Runs `rules` over a plan. Findings are sorted by rule id, address and finding; suppressed ones are marked. */
export function runRules(
  planOrJson: AccessPlan | unknown,
  rules: readonly Rule[],
  options: RuleOptions = {},
  extraSuppressions: readonly PlacedSuppression[] = [],
): Finding[] {
  const plan = planOrJson instanceof AccessPlan ? planOrJson : AccessPlan.fromJson(planOrJson);
  const ctx = { plan, options: { ...DEFAULT_OPTIONS, ...options } };
  const suppressions = [...(plan.metadata.suppressions ?? []), ...extraSuppressions] as PlacedSuppression[];
  const stackPath = plan.stackName;
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(ctx)) {
      const path = constructPathOf(plan, hit.address);
      const by = rule.suppressible
        ? suppressions.find((s) => s.id === rule.id && covers(s, path, stackPath) && appliesTo(s, hit.finding))
        : undefined;
      const id = findingId({ ruleId: rule.id, finding: hit.finding || undefined });
      out.push({
        ruleId: rule.id,
        level: rule.level,
        address: hit.address,
        ...(path ? { path } : {}),
        ...(hit.finding ? { finding: hit.finding } : {}),
        message: `${id} ${hit.address}: ${hit.detail}`,
        ...(by ? { suppressedBy: by } : {}),
      });
    }
  }
  return out.sort(
    (a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.address, b.address) || cmp(a.finding ?? '', b.finding ?? ''),
  );
}
