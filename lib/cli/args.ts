/**
 * A small argument parser: `--flag value`, `--flag=value`, boolean flags, `--` to end flags, and one-line usage
 * errors with did-you-mean. No dependencies.
 */
import { didYouMean } from '../errors';
import { nearest } from '../review/suggest';

/** A flag a command accepts. */
export interface FlagSpec {
  /** Long name without dashes, e.g. `format`. */
  readonly name: string;
  /** Single-letter alias without the dash, e.g. `h`. */
  readonly short?: string;
  /** Name of the value in help (`<file>`); absent for boolean flags. */
  readonly value?: string;
  /** Allowed values. */
  readonly choices?: readonly string[];
  readonly description: string;
  /** True when the flag may be given several times (read with {@link flagList}). */
  readonly repeatable?: boolean;
}

/** Parsed arguments. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Value flags by name (`true` for boolean flags). */
  readonly flags: ReadonlyMap<string, string | true>;
}

/** A mistake in how the command was called (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at, if any. */
    public readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `argv` against the flags of `command`. */
export function parseArgs(argv: readonly string[], flags: readonly FlagSpec[], command?: string): ParsedArgs {
  const positionals: string[] = [];
  const out = new Map<string, string | true>();
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.short).map((f) => [f.short!, f]));
  const where = command ? ` for "genesys-access ${command}"` : '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: FlagSpec | undefined;
    let inline: string | undefined;
    let shown = arg;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) inline = arg.slice(eq + 1);
      shown = `--${name}`;
      spec = byName.get(name);
    } else if (/^-[A-Za-z]$/.test(arg)) {
      spec = byShort.get(arg.slice(1));
    } else {
      positionals.push(arg);
      continue;
    }
    if (!spec) {
      const names = flags.map((f) => `--${f.name}`);
      throw new UsageError(`unknown flag "${shown}"${where}.${didYouMean(nearest(shown, names, 2))}`, command);
    }
    if (out.has(spec.name) && !spec.repeatable) throw new UsageError(`--${spec.name} is given more than once`, command);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`--${spec.name} takes no value`, command);
      out.set(spec.name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) {
        throw new UsageError(
          `--${spec.name} needs a value${spec.choices ? ` (${spec.choices.join(' or ')})` : ` ${spec.value}`}`,
          command,
        );
      }
      value = next;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(
        `--${spec.name} must be ${spec.choices.join(' or ')} (got "${value}").${didYouMean(nearest(value, spec.choices, 1))}`,
        command,
      );
    }
    if (value === '') throw new UsageError(`--${spec.name} needs a value ${spec.value}`, command);
    const prior = out.get(spec.name);
    out.set(spec.name, typeof prior === 'string' ? `${prior}${LIST_SEPARATOR}${value}` : value);
  }
  return { positionals, flags: out };
}

const LIST_SEPARATOR = '\u0000';

/** Every value of a repeatable flag, in order. */
export function flagList(args: ParsedArgs, name: string): string[] {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v.split(LIST_SEPARATOR) : [];
}

/** The value of a value flag. */
export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
