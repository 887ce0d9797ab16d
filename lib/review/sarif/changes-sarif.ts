/**
 * `genesys-access diff --format sarif`: one SARIF 2.1.0 result per change (ruleId `genesys-access/<kind>`), at
 * level error when the change fails the gate, warning for other widening changes, note otherwise; changes a
 * policy exception covers carry it as an external suppression. No cdktf import.
 */
import { CHANGE_KINDS, type Change } from '../changes';
import { visible } from '../markdown';
import { cmp } from '../../util/compare';
import { changeRuleId, changeRules } from './change-rules';
import { fingerprint } from './fingerprint';
import { type LocationOptions, Locator, type Site } from './locations';
import type { SarifLevel, SarifLog, SarifResult } from './log';
import { sarifLog } from './run';

/** A change a policy exception covers. */
export interface ExceptedChange {
  /** Index into the changes. */
  readonly index: number;
  /** The exception's reason. */
  readonly reason: string;
}

/** A change that fails the gate, and why. */
export interface FailingChange {
  /** Index into the changes. */
  readonly index: number;
  /**
   * Why it fails (a kind failed on, a forbidden permission with the policy's reason).
   * @default - none: the result says only that it fails
   */
  readonly reason?: string;
}

/** Options of {@link changesSarif}. */
export interface ChangesSarifOptions extends LocationOptions {
  /**
   * The changes that fail the gate: indexes into the changes, or the gate's failures (`GateResult.failing`,
   * whose reasons the results show).
   * @default - none: no change fails
   */
  readonly failing?: Iterable<number | FailingChange>;
  /**
   * Changes a policy exception covers, with its reason.
   * @default - none
   */
  readonly excepted?: readonly ExceptedChange[];
  /**
   * The input file of each stack, by stack name: the location of changes whose input names no file.
   * @default - none: such changes have only logical locations
   */
  readonly stackFiles?: ReadonlyMap<string, string>;
}

/** The level of a change: error when it fails the gate, warning when it widens access, note otherwise. */
export function changeLevel(change: Change, failing: boolean): SarifLevel {
  return failing ? 'error' : change.widening ? 'warning' : 'note';
}

function siteOf(c: Change, stackFiles?: ReadonlyMap<string, string>): Site {
  const l = c.location;
  const file = l?.file ?? stackFiles?.get(c.stack);
  return {
    address: c.subject,
    ...(file !== undefined ? { file } : {}),
    ...(l?.pointer !== undefined ? { pointer: l.pointer } : {}),
    ...(l?.line !== undefined ? { line: l.line } : {}),
    ...(l?.constructPath !== undefined ? { constructPath: l.constructPath } : {}),
  };
}

const KIND_ORDER = new Map<string, number>(CHANGE_KINDS.map((k, i) => [k, i]));

/** What tells two changes apart, in reading order. */
function keyOf(c: Change): string[] {
  return [c.stack, c.subject, c.role ?? '', c.division ?? '', c.permission ?? '', c.scope ?? '', c.detail];
}

function order(changes: readonly Change[]): number[] {
  const keys = changes.map(keyOf);
  return changes
    .map((_, i) => i)
    .sort((a, b) => {
      const d = KIND_ORDER.get(changes[a].kind)! - KIND_ORDER.get(changes[b].kind)!;
      if (d) return d;
      for (let k = 0; k < keys[a].length; k++) {
        const c = cmp(keys[a][k], keys[b][k]);
        if (c) return c;
      }
      return a - b;
    });
}

function checkIndex(i: number, n: number, what: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new RangeError(`${what} index ${i} is not the index of one of the ${n} changes`);
  }
}

/** The SARIF log of diff changes: one rule per change kind, one result per change, sorted by kind then subject. */
export function changesSarif(changes: readonly Change[], options: ChangesSarifOptions = {}): SarifLog {
  const failing = new Map<number, string[]>();
  for (const f of options.failing ?? []) {
    const i = typeof f === 'number' ? f : f.index;
    checkIndex(i, changes.length, 'failing');
    const reasons = failing.get(i) ?? [];
    if (typeof f !== 'number' && f.reason !== undefined && !reasons.includes(f.reason)) reasons.push(f.reason);
    failing.set(i, reasons);
  }
  const excepted = new Map<number, string>();
  for (const e of options.excepted ?? []) {
    checkIndex(e.index, changes.length, 'excepted');
    excepted.set(e.index, e.reason);
  }
  const rules = changeRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sites = changes.map((c) => siteOf(c, options.stackFiles));
  const locator = new Locator(sites, options);
  const results = order(changes).map((i): SarifResult => {
    const c = changes[i];
    const ruleId = changeRuleId(c.kind);
    const reason = excepted.get(i);
    const fails = failing.get(i);
    const site = sites[i];
    const why = fails?.length ? ` Fails the gate: ${fails.join('; ')}.` : fails ? ' Fails the gate.' : '';
    return {
      ruleId,
      ruleIndex: ruleIndex.get(ruleId)!,
      level: changeLevel(c, fails !== undefined),
      message: { text: visible(`${c.kind} ${c.subject}: ${c.detail}${why}`) },
      locations: [locator.location(site)],
      partialFingerprints: fingerprint([ruleId, ...keyOf(c).slice(0, -1)]),
      ...(reason !== undefined
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: visible(reason) }] }
        : {}),
      properties: {
        changeIndex: i,
        stack: c.stack,
        subject: c.subject,
        name: c.name,
        widening: c.widening,
        ...(fails ? { failsGate: true } : {}),
        ...(c.role !== undefined ? { role: c.role } : {}),
        ...(c.division !== undefined ? { division: c.division } : {}),
        ...(c.permission !== undefined ? { permission: c.permission } : {}),
        ...(c.scope !== undefined ? { scope: c.scope } : {}),
        ...(site.pointer !== undefined ? { jsonPointer: site.pointer } : {}),
        ...(site.constructPath !== undefined ? { constructPath: site.constructPath } : {}),
      },
    };
  });
  return sarifLog(rules, results);
}
