/**
 * Reads synthesized stacks from a `cdk.tf.json` file, a stack directory or a `cdktf.out` directory into access
 * graphs. Errors are one line ({@link AccessValidationError}) naming the path as the user gave it. No cdktf
 * import.
 */
import * as path from 'path';
import type { AccessGraph } from '../../access/graph';
import { AccessValidationError } from '../../errors';
import { cmp } from '../../util/compare';
import { parseJsonObject } from '../../util/json-input';
import { readDirInput } from '../../util/read-dir';
import { readInputText, refuseSpecial, shownPath, statInput, tryStat } from '../../util/read-input';
import { readCdktf } from './read';

/** One input read into an access graph. */
export interface LoadedStack {
  /** cdktf's stack name (`"//".metadata.stackName`), else the directory or file name. */
  readonly name: string;
  /** The file, relative to the input the user gave (for messages only). */
  readonly file: string;
  readonly graph: AccessGraph;
}

const STACK_FILE = 'cdk.tf.json';

/** What to give instead of a file that is not a stack. */
const GIVE = 'give a synthesized cdk.tf.json, a stack directory or a cdktf.out directory';
/** What to do about a broken cdk.tf.json. */
const FIX = 'fix the syntax or regenerate it with `cdktf synth`';

/** Parses one `cdk.tf.json`. */
export function loadStackFile(file: string, shown: string, fallbackName: string): LoadedStack {
  const text = readInputText(file, shown, { give: GIVE });
  const doc = parseJsonObject(text, shown, 'a synthesized cdk.tf.json (a JSON object)', FIX);
  const known = ['resource', 'data', 'locals', 'terraform', 'provider', 'output', '//'];
  if (Object.keys(doc).length > 0 && !known.some((k) => k in doc)) {
    throw new AccessValidationError(
      `${shownPath(shown)} is not a synthesized cdk.tf.json: it has none of the sections ${known.join(', ')}`,
    );
  }
  for (const section of ['resource', 'data', 'locals']) {
    const v = doc[section];
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) {
      throw new AccessValidationError(
        `${shownPath(shown)} is not a synthesized cdk.tf.json: "${section}" is not an object`,
      );
    }
  }
  const graph = readCdktf(doc, { name: fallbackName, file: shown });
  return { name: graph.source.name, file: shown, graph };
}

/** The stack directories in `dir` (those holding a cdk.tf.json); an unreadable `dir` is one line. */
function stackDirs(dir: string, shown: string): string[] {
  return readDirInput(dir, shown)
    .filter((e) => e.isDirectory() && tryStat(path.join(dir, e.name, STACK_FILE)) !== undefined)
    .map((e) => e.name)
    .sort(cmp);
}

/**
 * The stacks at `input`: a `cdk.tf.json` file (one stack), a stack directory holding `cdk.tf.json`, a `cdktf.out`
 * directory (every `stacks/<name>/cdk.tf.json`, sorted by name) or its `stacks` directory.
 */
export function loadStacks(input: string, cwd: string = process.cwd()): LoadedStack[] {
  const abs = path.resolve(cwd, input);
  const stat = statInput(abs, input);
  refuseSpecial(stat, input, GIVE);
  if (!stat.isDirectory()) {
    const base = path.basename(abs);
    const fallback = base === STACK_FILE ? path.basename(path.dirname(abs)) : base.replace(/\.json$/i, '');
    return [loadStackFile(abs, input, fallback)];
  }
  if (tryStat(path.join(abs, STACK_FILE)) !== undefined) {
    return [loadStackFile(path.join(abs, STACK_FILE), path.join(input, STACK_FILE), path.basename(abs))];
  }
  const stacks = path.join(abs, 'stacks');
  for (const [sub, shownSub] of [
    ...(tryStat(stacks)?.isDirectory() ? [[stacks, path.join(input, 'stacks')]] : []),
    [abs, input],
  ]) {
    const names = stackDirs(sub, shownSub);
    if (names.length) {
      return names.map((n) => loadStackFile(path.join(sub, n, STACK_FILE), path.join(shownSub, n, STACK_FILE), n));
    }
  }
  throw new AccessValidationError(
    `no stacks in ${shownPath(input)}: expected ${STACK_FILE} (a stack directory) or stacks/<name>/${STACK_FILE} (a cdktf.out directory); run \`cdktf synth\` first`,
  );
}
