import { AccessValidationError } from '../errors';
import { type AccessGraph, isAccessGraph } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { readCdktf } from '../sources/cdktf/read';
import { cmp } from '../util/compare';
import { compileAppliesTo, type FindingMatcher } from '../util/pattern';
import type { Finding, PlacedSuppression, Rule, RuleOptions, Suppression } from './types';

export { compileAppliesTo } from '../util/pattern';

/** How a finding is named in messages and reports: `GCA-X[finding]`, or `GCA-X` for a finding without a name. */
export function findingId(f: { readonly ruleId: string; readonly finding?: string }): string {
  return f.finding !== undefined ? `${f.ruleId}[${f.finding}]` : f.ruleId;
}

/** Minimum length of a suppression reason. */
export const MIN_REASON_LENGTH = 10;

const DEFAULT_OPTIONS: Required<RuleOptions> = { maxTokenValiditySeconds: 86400 };

/** Checks a suppression on add: known rule, reason long enough, rule suppressible. Throws one line. */
export function checkSuppression(s: Suppression, rules: readonly Rule[]): void {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    throw new AccessValidationError(
      `a suppression must be { id, reason, appliesTo? }, e.g. { id: "GCA-DIV1", reason: "single-division org" } (got ${s === null ? 'null' : Array.isArray(s) ? 'a list' : JSON.stringify(s)})`,
    );
  }
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
  if (s.appliesTo !== undefined) {
    if (!Array.isArray(s.appliesTo))
      throw new AccessValidationError(
        `suppression of ${s.id}: appliesTo must be a list of finding ids or /regex/ patterns`,
      );
    for (const a of s.appliesTo) {
      try {
        compileAppliesTo(a);
      } catch (e) {
        throw new AccessValidationError(`suppression of ${s.id}: ${(e as Error).message}`);
      }
    }
  }
}

const compiled = new Map<string, FindingMatcher>();

function appliesTo(s: PlacedSuppression, finding: string | undefined): boolean {
  if (!s.appliesTo?.length) return true;
  if (finding === undefined) return false;
  return s.appliesTo.some((a) => {
    let test = compiled.get(a);
    if (!test) {
      test = compileAppliesTo(a);
      if (compiled.size < 1000) compiled.set(a, test);
    }
    return test(finding);
  });
}

function covers(s: PlacedSuppression, path: string | undefined, stackPath: string | undefined): boolean {
  if (s.path === stackPath) return true;
  if (!path) return false;
  return path === s.path || path.startsWith(`${s.path}/`);
}

/** Where the input says a resource is written: `file:line`, `file#pointer`, or the file. */
export function locationOf(graph: AccessGraph, address: string): string | undefined {
  // A cdktf synthesis records construct paths, not files: nothing to look up.
  if (graph.source.format === 'cdktf') return undefined;
  const p = GraphIndex.of(graph).provenanceOf(address);
  if (!p?.file) return undefined;
  return p.line !== undefined ? `${p.file}:${p.line}` : p.pointer !== undefined ? `${p.file}#${p.pointer}` : p.file;
}

/** The construct path the input recorded for a resource, if any. */
export function constructPathOf(graph: AccessGraph, address: string): string | undefined {
  return GraphIndex.of(graph).provenanceOf(address)?.constructPath;
}

/**
 * Runs `rules` over an access graph (or a cdk.tf.json document, read first). Findings are sorted by rule id,
 * address and finding; suppressed ones are marked.
 */
export function runRules(
  graphOrJson: AccessGraph | unknown,
  rules: readonly Rule[],
  options: RuleOptions = {},
  extraSuppressions: readonly PlacedSuppression[] = [],
): Finding[] {
  const graph = isAccessGraph(graphOrJson) ? graphOrJson : readCdktf(graphOrJson);
  const ctx = { graph, index: GraphIndex.of(graph), options: { ...DEFAULT_OPTIONS, ...options } };
  const suppressions = [...(graph.intent?.suppressions ?? []), ...extraSuppressions] as PlacedSuppression[];
  const stackPath = graph.source.name;
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.check(ctx)) {
      const path = constructPathOf(graph, hit.address);
      const location = locationOf(graph, hit.address);
      const by = rule.suppressible
        ? suppressions.find((s) => s.id === rule.id && covers(s, path, stackPath) && appliesTo(s, hit.finding))
        : undefined;
      const id = findingId({ ruleId: rule.id, finding: hit.finding || undefined });
      out.push({
        ruleId: rule.id,
        level: rule.level,
        address: hit.address,
        ...(path ? { path } : {}),
        ...(location ? { location } : {}),
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
