/**
 * The hostile-input corpus (test/corpus/cases/<class>/<case>/): every case runs the CLI on its input and must
 * give its exit code, at most one line on stderr (no stack trace, no internal error), no raw control, ESC or
 * bidi character in either stream, none of its forbidden strings, and finish within 2 s. Cases that could block
 * a read (FIFOs, devices), that set environment variables or change file modes run in a child process with a
 * timeout (as root, the mode cases run as `nobody`, since root reads through any mode); the rest in-process
 * through `run`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../lib/cli/main';
import { CLI, memoryIo, requireBuiltCli, tmpDir } from '../cli/fixtures';
import { changesModes, type CorpusCase, expandArgs, prepare, readCase } from './corpus-case';

const CASES = path.join(__dirname, 'cases');
const LIMIT_MS = 2000;
/** Root reads through any mode: cases that chmod then run as `nobody`, so the mode really blocks the read. */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Raw control characters (but tab and new line), ESC, C1, bidi overrides and isolates, zero-width characters. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function caseDirs(): string[] {
  if (!fs.existsSync(CASES)) return [];
  return fs
    .readdirSync(CASES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((cls) =>
      fs
        .readdirSync(path.join(CASES, cls.name), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => path.join(cls.name, d.name)),
    )
    .sort();
}

interface Outcome {
  readonly exit: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

async function runCase(c: CorpusCase, cwd: string): Promise<Outcome> {
  const args = expandArgs(c.args);
  const start = Date.now();
  const drop = AS_ROOT && changesModes(c);
  if (c.isolate || c.env || drop) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      timeout: LIMIT_MS * 2,
      env: { ...process.env, GENESYS_ACCESS_DEBUG: '', ...c.env },
      ...(drop ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    return { exit: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
  }
  const m = memoryIo(cwd);
  const exit = await run(args, m.io);
  return { exit, stdout: m.out(), stderr: m.err(), ms: Date.now() - start };
}

const dirs = caseDirs();
let tmp: string;

beforeAll(() => {
  requireBuiltCli();
  tmp = tmpDir('corpus');
  // mkdtemp makes the directory 0700: let `nobody` reach the cases that drop privileges.
  if (AS_ROOT) fs.chmodSync(tmp, 0o755);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the corpus holds cases', () => {
  expect(dirs.length).toBeGreaterThan(0);
});

describe.each(dirs.map((d) => [d]))('%s', (rel) => {
  test('exits as documented, in one safe line, in time', async () => {
    const dir = path.join(CASES, rel);
    const c = readCase(dir);
    const cwd = path.join(tmp, rel.replace(/[\\/]/g, '__'));
    prepare(dir, c, cwd);
    const r = await runCase(c, cwd);
    // Give back what the case took away, so the temporary directory can be removed.
    for (const s of c.setup ?? []) if ('chmod' in s) fs.chmodSync(path.join(cwd, s.chmod), 0o755);
    const shown = `${rel}: ${c.why}\nexit ${r.exit}\nstderr: ${r.stderr.slice(0, 2000)}\nstdout: ${r.stdout.slice(0, 500)}`;
    expect({ exit: r.exit, shown }).toEqual({ exit: c.exit, shown });
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect(r.stderr).not.toMatch(/internal error|unexpected error|\n\s+at /);
    expect(r.stderr.replace(/\n$/, '')).not.toContain('\n');
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stdout).not.toMatch(RAW);
    if (c.stderr !== undefined) expect(r.stderr).toMatch(new RegExp(c.stderr));
    if (c.stdout !== undefined) expect(r.stdout).toMatch(new RegExp(c.stdout));
    if (c.exit === 2) expect(r.stderr.length).toBeGreaterThan(0);
    for (const f of c.forbid ?? []) {
      expect(r.stderr).not.toContain(f);
      expect(r.stdout).not.toContain(f);
    }
  });
});
