import { AccessValidationError } from '../errors';
import { readCdktf } from '../sources/cdktf/read';
import { checkSuppression, runRules } from '../rules/engine';
import { GENESYS_ACCESS_PACK, type RulePack } from '../rules/packs';
import type { Finding, PlacedSuppression, RuleOptions, Suppression } from '../rules/types';
import { AccessMetadataRecorder } from './access-metadata';
import { Annotations, TerraformStack, type IConstruct } from './core';
import { cliPrintsErrors, mistakesOf, reportMistake, surfaceErrors } from './mistakes';
import { requireScope } from './scope-check';
import { visible } from '../review/markdown';
import { describeValue } from './props';

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
    requireScope(stack, 'AccessRules.check(this)');
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
        const errors: Array<{ message: string; at: IConstruct }> = [];
        let byPath: Map<string, IConstruct> | undefined;
        const at = (path: string | undefined): IConstruct => {
          byPath ??= new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
          return (path && byPath.get(path)) || stack;
        };
        // A construct that reported its own mistake is not judged again by the rules: the role an invented
        // permission was dropped from would also be "empty", and that would be a second line for one fix.
        const mistaken = stack.node
          .findAll()
          .filter((c) => mistakesOf(c).length > 0)
          .map((c) => c.node.path);
        const ownMistake = (path: string | undefined): boolean =>
          !!path && mistaken.some((m) => path === m || path.startsWith(`${m}/`));
        for (const f of state.findings) {
          if (f.suppressedBy) continue;
          if (f.level === 'error') {
            if (ownMistake(f.path)) continue;
            const message = `${f.message} (fix: ${pack.rules.find((r) => r.id === f.ruleId)!.fix})`;
            // Under cdktf-cli each error is an annotation on the construct it is about: one line, no stack trace.
            errors.push({ message, at: cliPrintsErrors() ? at(f.path) : stack });
            continue;
          }
          Annotations.of(at(f.path)).addWarning(visible(f.message));
        }
        const returned: string[] = [];
        for (const e of errors) returned.push(...surfaceErrors(e.at, [e.message]));
        return returned;
      },
    });
  }

  /**
   * Suppresses rule findings on `construct` and everything under it. Each suppression needs a reason of at
   * least 10 characters (recorded in the synthesized output); some rules cannot be suppressed.
   */
  public static addSuppressions(construct: IConstruct, suppressions: readonly Suppression[]): void {
    if (typeof construct !== 'object' || construct === null || !('node' in construct)) {
      throw new AccessValidationError(
        `AccessRules.addSuppressions needs a construct (the stack, or the construct to silence) first (got ${describeValue(construct)})`,
      );
    }
    if (!Array.isArray(suppressions)) {
      reportMistake(
        construct,
        `AccessRules.addSuppressions needs a list of { id, reason, appliesTo? } (got ${describeValue(suppressions)})`,
      );
      return;
    }
    const state = stateOf(construct);
    for (const s of suppressions as unknown[]) {
      try {
        checkSuppression(s as Suppression, GENESYS_ACCESS_PACK.rules);
      } catch (e) {
        reportMistake(construct, (e as Error).message);
        continue;
      }
      const ok = s as Suppression;
      state.suppressions.push({
        id: ok.id,
        reason: ok.reason.trim(),
        ...(ok.appliesTo ? { appliesTo: [...ok.appliesTo] } : {}),
        path: construct.node.path,
      });
    }
  }

  /** The findings of the last synth of `stack` (suppressed ones included, marked). */
  public static findings(stack: TerraformStack): readonly Finding[] {
    return stateOf(requireScope(stack, 'AccessRules.findings(stack)')).findings;
  }
}
