/**
 * What every command shares: the output streams, exit codes, the command shape, common flags and reading the
 * inputs. One file per command beside this one; lib/cli/main.ts dispatches. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import { INPUT_FORMATS, type LoadedStack, loadInputs } from '../../sources';
import { type FlagSpec, flag, flagList, type ParsedArgs, UsageError } from '../args';

/** Where output goes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** True when stderr is a terminal (the snapshot's progress line is shown only then). */
  readonly stderrIsTTY?: boolean;
  /** The environment (GENESYSCLOUD_* for the snapshot). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Exit codes. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unknown: 3 } as const;

/** A command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: readonly string[];
  readonly flags: readonly FlagSpec[];
  /** Paragraphs after the flags in --help. */
  readonly description: string;
  /** Exit codes in --help. */
  readonly exits: readonly string[];
  readonly examples: readonly string[];
  run(args: ParsedArgs, io: Io): number | Promise<number>;
}

export const FORMAT: FlagSpec = {
  name: 'format',
  value: '<markdown|json>',
  choices: ['markdown', 'json'],
  description: 'output format (default: markdown, sized for a PR comment; json is compact, for programs)',
};
/** `--format` of the commands that also write SARIF (report, diff). */
export const FORMAT_WITH_SARIF: FlagSpec = {
  name: 'format',
  value: '<markdown|json|sarif>',
  choices: ['markdown', 'json', 'sarif'],
  description:
    'output format (default: markdown, sized for a PR comment; json is compact, for programs; sarif is SARIF 2.1.0, for code scanning)',
};
export const HELP: FlagSpec = { name: 'help', short: 'h', description: 'show this help' };

export const INPUT = '<cdktf.out | cdk.tf.json | .tf dir | .tf | .tf.json | org.json>';

/** The flags every command that reads inputs takes. */
export const INPUT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'input-format',
    value: '<name>',
    description: `the input format, when detection by content is not wanted (${INPUT_FORMATS.map((f) => f.name).join(', ')})`,
  },
  {
    name: 'var',
    value: '<name=value>',
    repeatable: true,
    description: 'a Terraform variable for HCL and .tf.json inputs (repeatable; JSON values are parsed)',
  },
  {
    name: 'var-file',
    value: '<file>',
    repeatable: true,
    description:
      'a Terraform variables file (.tfvars or .tfvars.json; repeatable), after terraform.tfvars and *.auto.tfvars',
  },
];

/** The input options the flags give. */
export function inputOptions(args: ParsedArgs): { format?: string; vars?: string[]; varFiles?: string[] } {
  const f = flag(args, 'input-format');
  const vars = flagList(args, 'var');
  const varFiles = flagList(args, 'var-file');
  return {
    ...(f !== undefined ? { format: f } : {}),
    ...(vars.length ? { vars } : {}),
    ...(varFiles.length ? { varFiles } : {}),
  };
}

export function format(args: ParsedArgs): 'markdown' | 'json' {
  return (flag(args, 'format') as 'markdown' | 'json' | undefined) ?? 'markdown';
}

/** The stacks of every positional input; a stack name given twice is an error. */
export async function inputs(args: ParsedArgs, command: string, io: Io): Promise<LoadedStack[]> {
  if (args.positionals.length === 0) throw new UsageError(`missing input: ${INPUT}`, command);
  const stacks: LoadedStack[] = [];
  for (const p of args.positionals) stacks.push(...(await loadInputs(p, { cwd: io.cwd, ...inputOptions(args) })));
  const names = stacks.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new AccessValidationError(`two inputs have a stack named "${dup}": give each once`);
  return stacks;
}
