import { AccessValidationError } from '../errors';
import { readCdktf } from '../sources/cdktf/read';
import { checkSuppression, runRules } from '../rules/engine';
import { GENESYS_ACCESS_PACK, type RulePack } from '../rules/packs';
import type { Finding, PlacedSuppression, RuleOptions, Suppression } from '../rules/types';
import { AccessMetadataRecorder } from './access-metadata';
import { Annotations, TerraformStack, type IConstruct } from './core';

const STATE = Symbol.for('cdktf-genesyscloud-access/rules');

/** Options of {@link AccessRules.check}. */
export interface AccessRulesOptions extends RuleOptions {
  /**
   * The rules to run.
   * @default GENESYS_ACCESS_PACK (every rule)
   */
  readonly pack?: RulePack;
}

interface StackState {
  checked: boolean;
  suppressions: PlacedSuppression[];
  findings: Finding[];
}

function stateOf(scope: IConstruct): StackState {
  const stack = TerraformStack.of(scope) as unknown as Record<symbol, StackState>;
  if (!stack[STATE]) {
    const state: StackState = { checked: false, suppressions: [], findings: [] };
    stack[STATE] = state;
    AccessMetadataRecorder.of(scope).addSection((m) => {
      if (state.suppressions.length) {
        m.suppressions = [...state.suppressions]
          .sort((a, b) => (a.path + a.id < b.path + b.id ? -1 : 1))
          .map((s) => ({ ...s }));
      }
      const silenced = state.findings.filter((f) => f.suppressedBy);
      if (silenced.length) {
        m.suppressedFindings = silenced.map((f) => ({
          id: f.finding ? `${f.ruleId}[${f.finding}]` : f.ruleId,
          address: f.address,
          reason: f.suppressedBy!.reason,
        }));
      }
    });
  }
  return stack[STATE];
}

function suppressedFindings(state: StackState): Array<{ id: string; address: string; reason: string }> {
  return state.findings
    .filter((f) => f.suppressedBy)
    .map((f) => ({
      id: f.finding ? `${f.ruleId}[${f.finding}]` : f.ruleId,
      address: f.address,
      reason: f.suppressedBy!.reason,
    }));
}

/** Writes the audit trail of the findings just computed into an already rendered stack. */
function recordSuppressedFindings(json: Record<string, unknown>, state: StackState): void {
  const silenced = suppressedFindings(state);
  const meta = ((json.locals as Record<string, Record<string, unknown>> | undefined) ?? {}).genesyscloud_access;
  if (meta && silenced.length) meta.suppressedFindings = silenced;
}

/**
 * Synth-time access rules (cdk-nag style). `AccessRules.check(stack)` runs the rule pack over everything the
 * stack synthesizes (our constructs and raw `genesyscloud_*` resources alike): error findings fail
 * `cdktf synth`, warnings become annotations prefixed with the rule id. Suppress with a reason.
 */
export class AccessRules {
  /** Runs the rules on `stack` at synth. Call once per stack; later calls are ignored. */
  public static check(stack: TerraformStack, options: AccessRulesOptions = {}): void {
    const state = stateOf(stack);
    if (state.checked) return;
    state.checked = true;
    const pack = options.pack ?? GENESYS_ACCESS_PACK;
    // The rules need the rendered stack, and rendering a large stack is the most expensive step of synth. The
    // validation renders it once and hands that very object to the synthesizer's next toTerraform() call (which
    // follows the validations directly), instead of rendering twice. Any other call renders afresh.
    const render = stack.toTerraform.bind(stack);
    let rendered: Record<string, unknown> | undefined;
    stack.toTerraform = () => {
      const out = rendered ?? render();
      rendered = undefined;
      return out;
    };
    stack.node.addValidation({
      validate: () => {
        const json = render() as Record<string, unknown>;
        state.findings = runRules(readCdktf(json), pack.rules, options, state.suppressions);
        recordSuppressedFindings(json, state);
        rendered = json;
        const errors: string[] = [];
        let byPath: Map<string, IConstruct> | undefined;
        for (const f of state.findings) {
          if (f.suppressedBy) continue;
          if (f.level === 'error') {
            errors.push(`${f.message} (fix: ${pack.rules.find((r) => r.id === f.ruleId)!.fix})`);
            continue;
          }
          byPath ??= new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
          Annotations.of((f.path && byPath.get(f.path)) || stack).addWarning(f.message);
        }
        return errors;
      },
    });
  }

  /**
   * Suppresses rule findings on `construct` and everything under it. Each suppression needs a reason of at
   * least 10 characters (recorded in the synthesized output); some rules cannot be suppressed.
   */
  public static addSuppressions(construct: IConstruct, suppressions: readonly Suppression[]): void {
    const state = stateOf(construct);
    for (const s of suppressions) {
      try {
        checkSuppression(s, GENESYS_ACCESS_PACK.rules);
      } catch (e) {
        throw new AccessValidationError((e as Error).message, construct.node.path);
      }
      state.suppressions.push({
        id: s.id,
        reason: s.reason.trim(),
        ...(s.appliesTo ? { appliesTo: [...s.appliesTo] } : {}),
        path: construct.node.path,
      });
    }
  }

  /** The findings of the last synth of `stack` (suppressed ones included, marked). */
  public static findings(stack: TerraformStack): readonly Finding[] {
    return stateOf(stack).findings;
  }
}
