/**
 * Reads synthesized stacks from a `cdk.tf.json` file, a stack directory or a `cdktf.out` directory into access
 * graphs. Errors are one line ({@link AccessValidationError}) naming the path as the user gave it. No cdktf
 * import.
 */
import * as path from 'path';
import type { LoadedStack } from '../loaded-stack';
import { AccessValidationError } from '../../errors';
import { cmp } from '../../util/compare';
import { parseJsonObject } from '../../util/json-input';
import { readDirInput } from '../../util/read-dir';
import { readInputText, refuseSpecial, shownPath, statInput, tryStat } from '../../util/read-input';
import type { Json } from '../../util/json';
import { withTerraformDuplicates } from '../terraform/json-duplicates';
import { isOverrideFile } from '../terraform/fragment';
import { hclLocator, jsonLocator, parseHcl, parseJson, readText } from '../terraform/module-dir';
import { readCdktf, type StackFile } from './read';

export type { LoadedStack } from '../loaded-stack';

const STACK_FILE = 'cdk.tf.json';

/** What to give instead of a file that is not a stack. */
const GIVE = 'give a synthesized cdk.tf.json, a stack directory or a cdktf.out directory';
/** What to do about a broken cdk.tf.json. */
const FIX = 'fix the syntax or regenerate it with `cdktf synth`';

/**
 * The stack directory's other Terraform files (`*.tf`, `*.tf.json`; override files among them), which Terraform
 * reads with cdk.tf.json when cdktf runs it there. Sorted by name, as Terraform reads them.
 */
function stackFiles(file: string, shown: string, hcl: ReadonlyMap<string, Json>): StackFile[] {
  const dir = path.dirname(file);
  const out: StackFile[] = [];
  for (const n of otherFiles(dir)) {
    const fileShown = path.join(path.dirname(shown), n);
    const text = readText(path.join(dir, n), fileShown);
    if (n.endsWith('.tf')) {
      const json = hcl.get(n);
      if (!json) {
        throw new AccessValidationError(
          `"${fileShown}" is HCL beside ${STACK_FILE}, which Terraform reads with the stack: read the stack with the genesys-access CLI, or move the file out of the stack directory`,
        );
      }
      out.push({ json, shown: fileShown, override: isOverrideFile(n), locate: hclLocator(text, fileShown) });
      continue;
    }
    out.push({
      json: parseJson(text, fileShown),
      shown: fileShown,
      override: isOverrideFile(n),
      locate: jsonLocator(fileShown),
    });
  }
  return out;
}

/** The Terraform files of a stack directory other than cdk.tf.json, sorted by name as Terraform reads them. */
function otherFiles(dir: string): string[] {
  const names = readDirInput(dir, dir)
    .filter((e) => !e.isDirectory())
    .map((e) => e.name);
  return names.filter((x) => (x.endsWith('.tf') || x.endsWith('.tf.json')) && x !== STACK_FILE).sort(cmp);
}

/** Parses one `cdk.tf.json`, with the other Terraform files of its directory. */
export function loadStackFile(
  file: string,
  shown: string,
  fallbackName: string,
  hcl: ReadonlyMap<string, Json> = new Map(),
): LoadedStack {
  const text = readInputText(file, shown, { give: GIVE });
  const json = parseJsonObject(text, shown, 'a synthesized cdk.tf.json (a JSON object)', FIX);
  // Terraform reads repeated keys (two "resource" keys apply both), JSON.parse keeps the last: read them as Terraform.
  const doc = withTerraformDuplicates(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, json, shown) as Record<
    string,
    unknown
  >;
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
  const others = path.basename(file) === STACK_FILE ? stackFiles(file, shown, hcl) : [];
  const graph = readCdktf(doc, { name: fallbackName, file: shown, strict: true }, others);
  return { name: graph.source.name, file: shown, graph };
}

/** The stack directories in `dir` (those holding a cdk.tf.json); an unreadable `dir` is one line. */
function stackDirs(dir: string, shown: string): string[] {
  return readDirInput(dir, shown)
    .filter((e) => e.isDirectory() && tryStat(path.join(dir, e.name, STACK_FILE)) !== undefined)
    .map((e) => e.name)
    .sort(cmp);
}

interface StackLocation {
  readonly file: string;
  readonly shown: string;
  readonly fallback: string;
}

/** Where the stacks at `input` are (see {@link loadStacks}). */
function stackLocations(input: string, cwd: string): StackLocation[] {
  const abs = path.resolve(cwd, input);
  const stat = statInput(abs, input);
  refuseSpecial(stat, input, GIVE);
  if (!stat.isDirectory()) {
    const base = path.basename(abs);
    const fallback = base === STACK_FILE ? path.basename(path.dirname(abs)) : base.replace(/\.json$/i, '');
    return [{ file: abs, shown: input, fallback }];
  }
  if (tryStat(path.join(abs, STACK_FILE)) !== undefined) {
    return [{ file: path.join(abs, STACK_FILE), shown: path.join(input, STACK_FILE), fallback: path.basename(abs) }];
  }
  const stacks = path.join(abs, 'stacks');
  for (const [sub, shownSub] of [
    ...(tryStat(stacks)?.isDirectory() ? [[stacks, path.join(input, 'stacks')]] : []),
    [abs, input],
  ]) {
    const names = stackDirs(sub, shownSub);
    if (names.length) {
      return names.map((n) => ({
        file: path.join(sub, n, STACK_FILE),
        shown: path.join(shownSub, n, STACK_FILE),
        fallback: n,
      }));
    }
  }
  throw new AccessValidationError(
    `no stacks in ${shownPath(input)}: expected ${STACK_FILE} (a stack directory) or stacks/<name>/${STACK_FILE} (a cdktf.out directory); run \`cdktf synth\` first`,
  );
}

/**
 * The stacks at `input`: a `cdk.tf.json` file (one stack), a stack directory holding `cdk.tf.json`, a `cdktf.out`
 * directory (every `stacks/<name>/cdk.tf.json`, sorted by name) or its `stacks` directory. The other `.tf.json`
 * files of a stack directory are read with it (Terraform reads them all); an HCL `.tf` file there is an error
 * here, since HCL parses only asynchronously: {@link loadStacksAsync} reads it.
 */
export function loadStacks(input: string, cwd: string = process.cwd()): LoadedStack[] {
  return stackLocations(input, cwd).map((l) => loadStackFile(l.file, l.shown, l.fallback));
}

/** {@link loadStacks}, with the HCL `.tf` files of stack directories read too (what the CLI uses). */
export async function loadStacksAsync(input: string, cwd: string = process.cwd()): Promise<LoadedStack[]> {
  const out: LoadedStack[] = [];
  for (const l of stackLocations(input, cwd)) {
    const hcl = new Map<string, Json>();
    if (path.basename(l.file) === STACK_FILE) {
      for (const n of otherFiles(path.dirname(l.file)).filter((x) => x.endsWith('.tf'))) {
        const shown = path.join(path.dirname(l.shown), n);
        hcl.set(n, await parseHcl(readText(path.join(path.dirname(l.file), n), shown), shown));
      }
    }
    out.push(loadStackFile(l.file, l.shown, l.fallback, hcl));
  }
  return out;
}
