/**
 * Reads a Terraform root module from disk: a directory of `.tf` (HCL, parsed with `@cdktf/hcl2json`, which
 * cdktf itself uses) and `.tf.json` files, or a single such file; override files merged last; variables from
 * `terraform.tfvars`, `*.auto.tfvars` (and their `.json`), `--var-file` and `--var`; child modules with local
 * sources followed. The result is one access graph per root module. Errors are one line with file and line.
 */
import * as path from 'path';
import { AccessValidationError } from '../../errors';
import { cmp } from '../../util/compare';
import { jsonPointer, type Json } from '../../util/json';
import { parseJsonInput } from '../../util/json-input';
import { readDirInput, tryReadDir } from '../../util/read-dir';
import { readInputText, tryStat } from '../../util/read-input';
import type { LoadedStack } from '../loaded-stack';
import { emptyModule, expandConfiguration, loadChildren, type ModuleConfig, parseVarFlag } from './configuration';
import { readTerraformDocument } from './document';
import { addFragment, isOverrideFile, type Locator } from './fragment';
import { withTerraformDuplicates } from './json-duplicates';

/** Options for reading a Terraform module. */
export interface TerraformModuleOptions {
  /** `--var-file` paths, in order (later files win). */
  readonly varFiles?: readonly string[];
  /** `--var name=value` pairs, in order (win over files). */
  readonly vars?: readonly string[];
  /**
   * The format name recorded in the graph.
   * @default "hcl" when the module has .tf files, else "terraform-json"
   */
  readonly format?: string;
}

/** A Terraform file's text, through the safe reader (no special files, size-bounded, strict UTF-8). */
export function readText(file: string, shown: string): string {
  return readInputText(file, shown, { give: 'give a .tf or .tf.json file, or a module directory' });
}

/** Where block headers are in an HCL file: `resource "type" "name" {` etc., by line. */
export function hclLocator(text: string, shown: string): Locator {
  const lines = new Map<string, number>();
  const re = /^[ \t]*(resource|data|variable|module)[ \t]+"([^"]+)"(?:[ \t]+"([^"]+)")?[ \t]*\{/gm;
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split('\n').length;
    const key = m[3] !== undefined ? `${m[1]}|${m[2]}|${m[3]}` : `${m[1]}||${m[2]}`;
    if (!lines.has(key)) lines.set(key, line);
  }
  return (kind, type, name) => {
    const line = lines.get(`${kind}|${type}|${name}`);
    return line !== undefined ? { file: shown, line } : { file: shown };
  };
}

/** Where blocks are in a JSON file: their JSON pointers. */
export function jsonLocator(shown: string): Locator {
  return (kind, type, name) => ({
    file: shown,
    pointer: type ? jsonPointer(kind, type, name) : jsonPointer(kind, name),
  });
}

let hcl2json: { parse(file: string, text: string): Promise<Json> } | undefined;

/** Parses HCL text with hcl2json; a syntax error becomes one line with the file and line. */
export async function parseHcl(text: string, shown: string): Promise<Json> {
  // Loaded on first use: the other commands never pay for the parser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hcl2json ??= require('@cdktf/hcl2json') as { parse(file: string, text: string): Promise<Json> };
  try {
    return await hcl2json.parse(path.basename(shown), text);
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    const m = /\[?[^\s:[]+:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+)/.exec(msg);
    throw new AccessValidationError(
      m
        ? `${shown}:${m[1]}: ${m[3].trim()}: fix the syntax (terraform validate shows the same)`
        : `${shown}: not valid HCL: fix the syntax (terraform validate shows where)`,
    );
  }
}

/** Parses a `.tf.json` file as Terraform reads it (repeated keys included); one line naming the file on error. */
export function parseJson(text: string, shown: string): Json {
  const v = parseJsonInput(text, shown, 'fix the syntax (a .tf.json file is one JSON object)');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new AccessValidationError(
      `"${shown}" is not Terraform JSON: expected one object with resource, data, variable or module sections`,
    );
  }
  // Terraform reads repeated keys (two "resource" keys apply both), JSON.parse keeps the last: read them as Terraform.
  return withTerraformDuplicates(text, v, shown) as Json;
}

/** The Terraform files of a directory, sorted, override files last. */
function moduleFiles(dir: string, shown?: string): string[] {
  const names = (shown === undefined ? tryReadDir(dir) : readDirInput(dir, shown)).map((e) => e.name);
  const files = names.filter((n) => (n.endsWith('.tf') || n.endsWith('.tf.json')) && n !== 'cdk.tf.json').sort(cmp);
  return [...files.filter((f) => !isOverrideFile(f)), ...files.filter((f) => isOverrideFile(f))];
}

/** True when `dir` holds Terraform files. */
export function isModuleDir(dir: string): boolean {
  return moduleFiles(dir).length > 0;
}

/** Reads one module directory (or one file) into its declarations. */
export async function readModule(abs: string, shown: string): Promise<ModuleConfig> {
  const st = tryStat(abs);
  const isDir = st?.isDirectory() ?? false;
  const dir = isDir ? abs : path.dirname(abs);
  // One file given: Terraform still merges the directory's override files over it, so they are read too.
  const files = isDir
    ? moduleFiles(abs, shown)
    : [path.basename(abs), ...moduleFiles(dir).filter((f) => isOverrideFile(f) && f !== path.basename(abs))];
  if (isDir && files.length === 0) {
    throw new AccessValidationError(`no Terraform files (.tf or .tf.json) in "${shown}": give the module directory`);
  }
  const mod = emptyModule(dir, isDir ? shown : path.dirname(shown));
  for (const f of files) {
    const file = path.join(dir, f);
    const fileShown = isDir
      ? path.join(shown, f)
      : f === path.basename(abs)
        ? shown
        : path.join(path.dirname(shown), f);
    const text = readText(file, fileShown);
    const json = f.endsWith('.json') ? parseJson(text, fileShown) : await parseHcl(text, fileShown);
    const locate = f.endsWith('.json') ? jsonLocator(fileShown) : hclLocator(text, fileShown);
    const over = isOverrideFile(f) && (isDir || f !== path.basename(abs));
    addFragment(mod, json, locate, over ? (isDir ? true : 'lenient') : false, fileShown);
  }
  return mod;
}

/** Variables from tfvars files in the root module, then --var-file, then --var. */
async function variables(
  dir: string,
  shown: string,
  options: TerraformModuleOptions,
  cwd: string,
): Promise<Record<string, unknown>> {
  const layers: Array<Record<string, unknown>> = [];
  const read = async (file: string, fileShown: string): Promise<Record<string, unknown>> => {
    const text = readText(file, fileShown);
    const json = file.endsWith('.json') ? parseJson(text, fileShown) : await parseHcl(text, fileShown);
    return json;
  };
  const names = tryReadDir(dir).map((e) => e.name);
  for (const n of ['terraform.tfvars', 'terraform.tfvars.json']) {
    if (names.includes(n)) layers.push(await read(path.join(dir, n), path.join(shown, n)));
  }
  for (const n of names.filter((x) => x.endsWith('.auto.tfvars') || x.endsWith('.auto.tfvars.json')).sort(cmp)) {
    layers.push(await read(path.join(dir, n), path.join(shown, n)));
  }
  for (const f of options.varFiles ?? []) layers.push(await read(path.resolve(cwd, f), f));
  layers.push(Object.fromEntries((options.vars ?? []).map(parseVarFlag)));
  // Later layers win, as Terraform applies them.
  return Object.assign({}, ...layers) as Record<string, unknown>;
}

/** Reads a Terraform root module (a directory, or one `.tf` / `.tf.json` file) into one access graph. */
export async function loadTerraformModule(
  input: string,
  cwd: string,
  options: TerraformModuleOptions = {},
): Promise<LoadedStack[]> {
  const abs = path.resolve(cwd, input);
  const root = await readModule(abs, input);
  const st = tryStat(abs);
  const vars = await variables(root.dir, root.shown, options, cwd);
  let calls = 0;
  await loadChildren(root, (dir, shown) => {
    if (++calls > 256)
      throw new AccessValidationError(`"${shown}": more than 256 module calls: is a module calling itself?`);
    return readModule(dir, shown);
  });
  const { doc, locations } = expandConfiguration(root, vars);
  const hasHcl = st?.isDirectory() ? moduleFiles(abs).some((f) => f.endsWith('.tf')) : input.endsWith('.tf');
  const name = st?.isDirectory() ? path.basename(abs) : path.basename(abs).replace(/\.tf(\.json)?$/, '');
  const graph = readTerraformDocument(doc, {
    name,
    file: input,
    format: options.format ?? (hasHcl ? 'hcl' : 'terraform-json'),
    locate: (address) => locations.get(address),
    strict: true,
  });
  return [{ name: graph.source.name, file: input, graph }];
}
