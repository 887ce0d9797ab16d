#!/usr/bin/env node
/**
 * `genesys-access`: review Genesys Cloud access in synthesized CDKTF plans and org snapshots, offline, from files;
 * `snapshot` (the one command that goes online) reads a live org into such a file.
 *
 * `run(argv, io)` is the whole CLI (tests call it in-process); the bottom of this file wires it to the process.
 * Exit codes: 0 ok, 1 findings / a failing gate / denied, 2 usage or input error, 3 cannot tell. Errors are one line on stderr,
 * never a stack trace. No cdktf import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AccessValidationError, didYouMean, oneLine } from '../errors';
import { visible } from '../review/markdown';
import { nearest } from '../review/suggest';
import { packageRoot } from '../util/package-root';
import { DEFAULT_MAX_INPUT_BYTES, MAX_INPUT_ENV } from '../util/read-input';
import { type FlagSpec, parseArgs, UsageError } from './args';
import { type Command, COMMANDS, EXIT, type Io } from './commands/index';

export type { Io };
export { EXIT };

const NAME = 'genesys-access';

const TOP_FLAGS: readonly FlagSpec[] = [
  { name: 'help', short: 'h', description: 'show help (also `genesys-access <command> --help`)' },
  { name: 'version', short: 'v', description: 'print the version' },
];

const EXIT_CODES = [
  '0  ok',
  '1  report: unsuppressed error findings; diff: the gate (--fail-on or the policy file) fails;',
  '   explain: the principal cannot call the operation',
  '2  usage or input error: unknown command, flag, principal or operation; missing file; malformed JSON;',
  '   a directory with no stacks; snapshot: credentials, network or an API error (a 403 names the permission)',
  '3  explain: the input cannot tell (see the reasons); diff: the gate cannot tell (a change the input',
  '   cannot tell, and the policy does not allow unknowns)',
];

const ENVIRONMENT = [
  'GENESYS_ACCESS_DEBUG=1              print the stack trace of an internal error (report it with the command)',
  `${MAX_INPUT_ENV}=<n>  largest input file read, in bytes (default ${DEFAULT_MAX_INPUT_BYTES}, 256 MiB)`,
];

function flagLines(flags: readonly FlagSpec[]): string[] {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return flags.map((f, i) => `  ${left[i].padEnd(width)}${f.description}`);
}

/** The top-level help. */
export function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `${NAME}: review Genesys Cloud access in synthesized CDKTF plans (cdk.tf.json) and org snapshots, offline;`,
    '`snapshot` reads the live org.',
    '',
    'Usage:',
    ...COMMANDS.flatMap((c) => c.usage.map((u) => `  ${u}`)),
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    ...flagLines(TOP_FLAGS),
    '',
    'Exit codes:',
    ...EXIT_CODES.map((l) => `  ${l}`),
    '',
    'Environment:',
    ...ENVIRONMENT.map((l) => `  ${l}`),
    '',
    `Run \`${NAME} <command> --help\` for a command's options.`,
    '',
  ].join('\n');
}

/** The help of one command. */
export function commandHelp(c: Command): string {
  return [
    `${NAME} ${c.name}: ${c.summary}`,
    '',
    'Usage:',
    ...c.usage.map((u) => `  ${u}`),
    '',
    c.description,
    '',
    'Options:',
    ...flagLines(c.flags),
    '',
    'Exit codes:',
    ...c.exits.map((l) => `  ${l}`),
    '',
    'Examples:',
    ...c.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** This package's version. */
export function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Longest error line written (a 100 KB argument is not echoed whole). */
const MAX_LINE = 2000;

/** One safe line for the terminal: folded, control and bidi characters shown visibly, cut when too long. */
export function safeLine(message: string): string {
  const line = visible(oneLine(message));
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 3)}...` : line;
}

function fail(io: Io, message: string, command?: string): number {
  const hint = command !== undefined ? ` (see \`${NAME} ${command} --help\`)` : ` (see \`${NAME} --help\`)`;
  io.stderr(`${NAME}: ${safeLine(message)}${hint}\n`);
  return EXIT.usage;
}

/** Runs the CLI on `argv` (without `node` and the script). Resolves to the exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let command: Command | undefined;
  try {
    const first = argv[0];
    if (first === undefined) {
      return fail(io, `missing command: ${COMMANDS.map((c) => c.name).join(', ')}`);
    }
    if (first.startsWith('-')) {
      const top = parseArgs(argv, TOP_FLAGS);
      if (top.flags.has('help')) {
        io.stdout(topHelp());
        return EXIT.ok;
      }
      if (top.flags.has('version')) {
        io.stdout(`${version()}\n`);
        return EXIT.ok;
      }
      throw new UsageError(`missing command before "${top.positionals[0]}"`);
    }
    if (first === 'help') {
      const target = argv[1];
      if (target === undefined) {
        io.stdout(topHelp());
        return EXIT.ok;
      }
      const c = COMMANDS.find((x) => x.name === target);
      if (!c) throw new UsageError(unknownCommand(target));
      io.stdout(commandHelp(c));
      return EXIT.ok;
    }
    command = COMMANDS.find((c) => c.name === first);
    if (!command) throw new UsageError(unknownCommand(first));
    const args = parseArgs(argv.slice(1), command.flags, command.name);
    if (args.flags.has('help')) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) return fail(io, e.message, e.command ?? command?.name);
    if (AccessValidationError.isAccessValidationError(e)) {
      io.stderr(`${NAME}: ${safeLine((e as Error).message)}\n`);
      return EXIT.usage;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `${NAME}: internal error: ${safeLine(message)}; please report it with the command you ran (GENESYS_ACCESS_DEBUG=1 shows the stack)\n`,
    );
    if (process.env.GENESYS_ACCESS_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.usage;
  }
}

function unknownCommand(name: string): string {
  const names = COMMANDS.map((c) => c.name);
  return `unknown command "${name}".${didYouMean(nearest(name, names, 2))} Commands: ${names.join(', ')}`;
}

/** The process's streams. */
export function processIo(): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

if (require.main === module) {
  // A closed pipe (`genesys-access report . | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`${NAME}: cannot write the output: ${oneLine(e.message)}\n`);
    process.exit(EXIT.usage);
  });
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
