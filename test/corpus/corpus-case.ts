/**
 * The shape of one hostile-input corpus case (test/corpus/cases/<class>/<case>/case.json) and how to prepare
 * its directory. The files beside case.json are the input; `setup` makes what git cannot store (FIFOs, symlink
 * loops, huge files, raw bytes).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Something made in the case's copy before the run. */
export type SetupStep =
  | { readonly fifo: string }
  | { readonly symlink: string; readonly to: string }
  | {
      readonly file: string;
      readonly repeat: string;
      readonly times: number;
      readonly prefix?: string;
      readonly suffix?: string;
    }
  | { readonly file: string; readonly base64: string }
  /** `mode` is octal, e.g. "000"; run as root, the case runs as the unprivileged user `nobody` (65534). */
  | { readonly chmod: string; readonly mode: string }
  | { readonly mkdir: string }
  | { readonly many: string; readonly count: number };

/** One case. */
export interface CorpusCase {
  /** Why the case exists: the class and what must not happen. */
  readonly why: string;
  /** The CLI arguments (without `genesys-access`); `{big:N}` in an argument is replaced by N `x` characters. */
  readonly args: readonly string[];
  /** The exit code the CLI must give. */
  readonly exit: number;
  /** A regular expression stderr must match (for exit 2: the one line naming the fix). */
  readonly stderr?: string;
  /** A regular expression stdout must match. */
  readonly stdout?: string;
  /** Strings that must appear in neither stream (raw input that must not reach the output). */
  readonly forbid?: readonly string[];
  /** Run in a child process with a timeout (special files that could block a read). @default false */
  readonly isolate?: boolean;
  /** Made before the run. @default [] */
  readonly setup?: readonly SetupStep[];
  /** Environment variables for the run (the case then runs in a child process). @default {} */
  readonly env?: Readonly<Record<string, string>>;
}

/** True when the case changes permissions (as root these block nothing, so the runner drops privileges). */
export function changesModes(c: CorpusCase): boolean {
  return (c.setup ?? []).some((s) => 'chmod' in s);
}

/** Reads and checks a case.json. */
export function readCase(dir: string): CorpusCase {
  const c = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CorpusCase;
  if (typeof c.why !== 'string' || !Array.isArray(c.args) || typeof c.exit !== 'number') {
    throw new Error(`${dir}/case.json needs why (string), args (array) and exit (number)`);
  }
  return c;
}

/** Copies the case's input to `into` and runs its setup there. */
export function prepare(dir: string, c: CorpusCase, into: string): void {
  fs.cpSync(dir, into, { recursive: true, filter: (src) => path.basename(src) !== 'case.json' });
  for (const s of c.setup ?? []) {
    if ('fifo' in s) {
      execFileSync('mkfifo', [path.join(into, s.fifo)]);
    } else if ('symlink' in s) {
      fs.mkdirSync(path.dirname(path.join(into, s.symlink)), { recursive: true });
      fs.symlinkSync(s.to, path.join(into, s.symlink));
    } else if ('repeat' in s) {
      fs.mkdirSync(path.dirname(path.join(into, s.file)), { recursive: true });
      fs.writeFileSync(path.join(into, s.file), `${s.prefix ?? ''}${s.repeat.repeat(s.times)}${s.suffix ?? ''}`);
    } else if ('base64' in s) {
      fs.mkdirSync(path.dirname(path.join(into, s.file)), { recursive: true });
      fs.writeFileSync(path.join(into, s.file), Buffer.from(s.base64, 'base64'));
    } else if ('chmod' in s) {
      fs.chmodSync(path.join(into, s.chmod), parseInt(s.mode, 8));
    } else if ('mkdir' in s) {
      fs.mkdirSync(path.join(into, s.mkdir), { recursive: true });
    } else if ('many' in s) {
      const d = path.join(into, s.many);
      fs.mkdirSync(d, { recursive: true });
      for (let i = 0; i < s.count; i++) fs.writeFileSync(path.join(d, `f${i}`), '');
    }
  }
}

/** The arguments with `{big:N}` expanded. */
export function expandArgs(args: readonly string[]): string[] {
  return args.map((a) => a.replace(/\{big:(\d+)\}/g, (_, n: string) => 'x'.repeat(Number(n))));
}
