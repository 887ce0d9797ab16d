/**
 * What `--fail-on` (and the policy's `failOn`) takes: change kinds and the named sets `broadening`, `high-risk`
 * and `none`, and which changes a selection fails. Plain data. No cdktf import.
 */
import { cutValue } from '../cut';
import { didYouMean } from '../errors';
import { type Change, CHANGE_KINDS, type ChangeKind } from './changes';
import { nearest } from './suggest';

/** Named sets of kinds `--fail-on` takes besides the kinds themselves. */
export const FAIL_ON_SETS = {
  /** Every change that widens access. */
  broadening: 'widening',
  /** The narrow set: all divisions, admin-grade or destructive, wildcards, exposed secrets. */
  'high-risk': ['all-divisions', 'admin-grade', 'wildcard', 'secret-exposed'],
  /** No change fails (the policy's forbidden permissions and admin list still apply). */
  none: [],
} as const satisfies Record<string, 'widening' | readonly ChangeKind[]>;

/** What fails the gate. */
export interface FailOn {
  /** The words given, as written (sorted, distinct). */
  readonly names: readonly string[];
  /** Kinds that fail whether or not the change widens. */
  readonly kinds: ReadonlySet<ChangeKind>;
  /** True when every widening change fails (`broadening`). */
  readonly widening: boolean;
}

/** Every word `--fail-on` takes. */
export const FAIL_ON_NAMES: readonly string[] = [...Object.keys(FAIL_ON_SETS), ...CHANGE_KINDS];

/** Thrown for a `--fail-on` word that is neither a kind nor a set. */
export class FailOnError extends Error {}

/** Parses `broadening`, `high-risk`, `none`, kinds, or a comma list of them. */
export function parseFailOn(values: readonly string[]): FailOn {
  const names = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()))].filter(Boolean).sort();
  if (names.length === 0) throw new FailOnError(`--fail-on needs a value: ${FAIL_ON_NAMES.join(', ')}`);
  const kinds = new Set<ChangeKind>();
  let widening = false;
  for (const n of names) {
    if (n in FAIL_ON_SETS) {
      const set = FAIL_ON_SETS[n as keyof typeof FAIL_ON_SETS];
      if (set === 'widening') widening = true;
      else for (const k of set) kinds.add(k);
    } else if ((CHANGE_KINDS as readonly string[]).includes(n)) {
      kinds.add(n as ChangeKind);
    } else {
      const shown = cutValue(n, 60);
      throw new FailOnError(
        `unknown --fail-on value "${shown}": give broadening, high-risk, none or change kinds (${CHANGE_KINDS.join(', ')}).${didYouMean(nearest(n.slice(0, 60), FAIL_ON_NAMES, 2))}`,
      );
    }
  }
  if (names.includes('none') && names.length > 1) {
    throw new FailOnError('--fail-on none cannot be combined with other values');
  }
  return { names, kinds, widening };
}

/** Whether `failOn` fails this change (unknowns are judged apart: see {@link evaluateGate}). */
export function failsOn(failOn: FailOn, c: Change): boolean {
  if (failOn.kinds.has(c.kind)) return true;
  return failOn.widening && c.widening && c.kind !== 'unknown-introduced';
}
