/**
 * Every input format, in one place: the CLI and the library read inputs through {@link loadInputs}, which picks
 * the format by content (or by `format` when given) and returns one access graph per stack or configuration.
 * Each format lives in a folder of its own (cdktf/, ...) and knows nothing of the others. No cdktf import.
 */
import { AccessValidationError } from '../errors';
import { loadStacks, type LoadedStack } from './cdktf/load';
import { TERRAFORM_PLAN } from './terraform-plan';

export type { LoadedStack } from './cdktf/load';

/** Options of {@link loadInputs}. */
export interface LoadOptions {
  /**
   * The input format.
   * @default - detected from the input's content
   */
  readonly format?: string;
  /** The directory relative paths are resolved against. */
  readonly cwd?: string;
}

/** One input format. */
export interface InputFormat {
  /** The name `--input-format` takes. */
  readonly name: string;
  /** What it reads, for help and errors. */
  readonly description: string;
  /** Reads `input` (a path as the user gave it); throws one line when it is not this format. */
  load(input: string, cwd: string): LoadedStack[] | Promise<LoadedStack[]>;
  /** True when `input` looks like this format (cheap: no full parse beyond what load would do). */
  detect(input: string, cwd: string): boolean;
}

const CDKTF: InputFormat = {
  name: 'cdktf',
  description: 'a synthesized cdk.tf.json, a stack directory or a cdktf.out directory (cdktf or CDK Terrain)',
  load: (input, cwd) => loadStacks(input, cwd),
  detect: () => true,
};

/** The formats, most specific first; the last one is the fallback whose errors the user sees. */
export const INPUT_FORMATS: readonly InputFormat[] = [TERRAFORM_PLAN, CDKTF];

/** Reads one input into graphs: one per stack or configuration. */
export async function loadInputs(input: string, options: LoadOptions = {}): Promise<LoadedStack[]> {
  const cwd = options.cwd ?? process.cwd();
  if (options.format !== undefined) {
    const f = INPUT_FORMATS.find((x) => x.name === options.format);
    if (!f) {
      throw new AccessValidationError(
        `unknown input format "${options.format}": use ${INPUT_FORMATS.map((x) => x.name).join(', ')}`,
      );
    }
    return f.load(input, cwd);
  }
  const f = INPUT_FORMATS.find((x) => x.detect(input, cwd)) ?? INPUT_FORMATS[INPUT_FORMATS.length - 1];
  return f.load(input, cwd);
}
