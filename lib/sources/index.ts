/**
 * Every input format, in one place: the CLI and the library read inputs through {@link loadInputs}, which picks
 * the format by content (or by `format` when given) and returns one access graph per stack or configuration.
 * Each format lives in a folder of its own (cdktf/, terraform/, genesys-org/ for snapshots of a live org) and
 * knows nothing of the others. Reading a snapshot file never loads the live client. No cdktf import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AccessValidationError } from '../errors';
import { readFilePrefix } from '../util/file-prefix';
import { cutValue } from '../cut';
import { tryReadDir } from '../util/read-dir';
import { refuseSpecial, shownPath, tryStat } from '../util/read-input';
import { loadStacksAsync, type LoadedStack } from './cdktf/load';
import { isSnapshotFile, loadSnapshotInput } from './genesys-org/snapshot-file';
import { isModuleDir, loadTerraformModule } from './terraform/module-dir';
import { TERRAFORM_PLAN } from './terraform-plan';

export type { LoadedStack } from './cdktf/load';

/** Options of {@link loadInputs}. */
export interface LoadOptions {
  /**
   * The input format.
   * @default - detected from the input's content
   */
  readonly format?: string;
  /**
   * The directory relative paths are resolved against.
   * @default process.cwd()
   */
  readonly cwd?: string;
  /** Terraform variable files (`--var-file`), in order. */
  readonly varFiles?: readonly string[];
  /** Terraform variables as `name=value` (`--var`), in order. */
  readonly vars?: readonly string[];
}

/** One input format. */
export interface InputFormat {
  /** The name `--input-format` takes. */
  readonly name: string;
  /** What it reads, for help and errors. */
  readonly description: string;
  /** Reads `input` (a path as the user gave it); throws one line when it is not this format. */
  load(input: string, cwd: string, options: LoadOptions): LoadedStack[] | Promise<LoadedStack[]>;
  /** True when `input` looks like this format (cheap: names and a directory listing, no parse). */
  detect(input: string, cwd: string): boolean;
}

function statOf(input: string, cwd: string): fs.Stats | undefined {
  return tryStat(path.resolve(cwd, input));
}

function isCdktfDir(abs: string): boolean {
  return ['cdk.tf.json', 'stacks', 'manifest.json'].some((f) => fs.existsSync(path.join(abs, f)));
}

const HCL: InputFormat = {
  name: 'hcl',
  description: 'Terraform HCL: a .tf file or a module directory (with its .tf.json files, tfvars and local modules)',
  load: (input, cwd, o) => loadTerraformModule(input, cwd, { ...o, format: 'hcl' }),
  detect: (input, cwd) => {
    const st = statOf(input, cwd);
    if (!st) return false;
    const abs = path.resolve(cwd, input);
    if (st.isDirectory()) return !isCdktfDir(abs) && isModuleDir(abs);
    return input.endsWith('.tf');
  },
};

const TERRAFORM_JSON: InputFormat = {
  name: 'terraform-json',
  description:
    'Terraform JSON configuration: a .tf.json file, e.g. genesyscloud_tf_export output (genesyscloud.tf.json), or the JSON hcl2json makes',
  // genesyscloud_tf_export writes genesyscloud.tf.json: recorded as its own format, read the same way.
  load: (input, cwd, o) =>
    loadTerraformModule(input, cwd, {
      ...o,
      format: path.basename(input) === 'genesyscloud.tf.json' ? 'tf-export' : 'terraform-json',
    }),
  detect: (input, cwd) => {
    const st = statOf(input, cwd);
    if (!st?.isFile() || path.basename(input) === 'cdk.tf.json' || !input.endsWith('.json')) return false;
    if (input.endsWith('.tf.json')) return true;
    // Any other JSON: Terraform configuration unless cdktf's "//" metadata says it is a synthesized stack.
    const text = readFilePrefix(path.resolve(cwd, input), 4096)?.text ?? '';
    return !text.includes('"//"') && /"(resource|variable|module|data)"\s*:/.test(text);
  },
};

/** A directory of stack directories (a cdktf.out's `stacks`). */
function isStacksDir(abs: string): boolean {
  return tryReadDir(abs).some((e) => e.isDirectory() && fs.existsSync(path.join(abs, e.name, 'cdk.tf.json')));
}

const CDKTF: InputFormat = {
  name: 'cdktf',
  description: 'a synthesized cdk.tf.json, a stack directory or a cdktf.out directory (cdktf or CDK Terrain)',
  load: (input, cwd) => loadStacksAsync(input, cwd),
  detect: (input, cwd) => {
    const st = statOf(input, cwd);
    const abs = path.resolve(cwd, input);
    return !st || st.isFile() || isCdktfDir(abs) || isStacksDir(abs);
  },
};

const SNAPSHOT: InputFormat = {
  name: 'snapshot',
  description: 'an org snapshot written by `genesys-access snapshot` (the live org, offline)',
  load: (input, cwd) => loadSnapshotInput(input, cwd),
  detect: (input, cwd) => isSnapshotFile(input, cwd),
};

/** The formats, most specific first. */
export const INPUT_FORMATS: readonly InputFormat[] = [SNAPSHOT, TERRAFORM_PLAN, HCL, TERRAFORM_JSON, CDKTF];

/** What to give instead of a special file. */
const GIVE =
  'give a cdktf.out or stack directory, a cdk.tf.json, a Terraform module directory or file, or an org snapshot';

/** Reads one input into graphs: one per stack or configuration. */
export async function loadInputs(input: string, options: LoadOptions = {}): Promise<LoadedStack[]> {
  const cwd = options.cwd ?? process.cwd();
  const st = statOf(input, cwd);
  if (st) refuseSpecial(st, input, GIVE);
  if (options.format !== undefined) {
    const f = INPUT_FORMATS.find((x) => x.name === options.format);
    if (!f) {
      throw new AccessValidationError(
        `unknown input format "${cutValue(options.format)}": use ${INPUT_FORMATS.map((x) => x.name).join(', ')}`,
      );
    }
    return f.load(input, cwd, options);
  }
  const f = INPUT_FORMATS.find((x) => x.detect(input, cwd));
  if (!f) {
    throw new AccessValidationError(
      `no input in ${shownPath(input)}: expected a cdktf.out or stack directory (cdk.tf.json; run \`cdktf synth\` first), a Terraform module directory or file (.tf, .tf.json), or choose the format with --input-format (${INPUT_FORMATS.map((x) => x.name).join(', ')})`,
    );
  }
  return f.load(input, cwd, options);
}
