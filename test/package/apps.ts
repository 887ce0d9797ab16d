/**
 * Helpers for the tests that install this package into a user's app, as a user would: pack the built package
 * with `npm pack`, make the app in a temporary folder outside this repository (so nothing resolves from this
 * repository's node_modules by accident), `npm install` the tarball there, and link the toolchain (typescript,
 * jest, ts-jest, ts-node, @types) from this repository's node_modules instead of installing ~500 MB again.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
const NODE_MODULES = path.join(ROOT, 'node_modules');

/** A fresh temporary folder outside the repository. */
export function tmpApp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gca-${prefix}-`));
}

/** Runs a command; throws with its output when it fails, so a failing step says what went wrong. */
export function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', npm_config_update_notifier: 'false', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `\`${cmd} ${args.join(' ')}\` in ${cwd} exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`.slice(
        0,
        20000,
      ),
    );
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Runs `node <script> ...args` with this Node. */
export function node(script: string, args: readonly string[], cwd: string): { stdout: string; stderr: string } {
  return run(process.execPath, [script, ...args], cwd);
}

/** `npm pack`s the package folder `dir` (built already) into `dest`; returns the tarball's path. */
export function pack(dir: string, dest: string): string {
  fs.mkdirSync(dest, { recursive: true });
  const { stdout } = run('npm', ['pack', dir, '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
  return path.join(dest, (JSON.parse(stdout) as Array<{ filename: string }>)[0].filename);
}

/** The version of a package installed in this repository. */
export function repoVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(NODE_MODULES, name, 'package.json'), 'utf8')).version;
}

/** Links packages (and their bins) from this repository's node_modules into `app`/node_modules. */
export function linkFromRepo(app: string, names: readonly string[]): void {
  const bin = path.join(app, 'node_modules', '.bin');
  fs.mkdirSync(bin, { recursive: true });
  for (const name of names) {
    const target = path.join(NODE_MODULES, name);
    const link = path.join(app, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(target, link, 'dir');
    const pkg = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
    const bins: Record<string, string> =
      typeof pkg.bin === 'string' ? { [name.split('/').pop()!]: pkg.bin } : (pkg.bin ?? {});
    for (const [b, file] of Object.entries(bins)) {
      const dest = path.join(bin, b);
      if (!fs.existsSync(dest)) fs.symlinkSync(path.join(link, file), dest);
    }
  }
}

/** Copies `src` to `dest` (no node_modules, cdktf.out or emitted JavaScript besides config files). */
export function copyApp(src: string, dest: string): void {
  fs.cpSync(src, dest, {
    recursive: true,
    filter: (p) => {
      const base = path.basename(p);
      if (base === 'node_modules' || base === 'cdktf.out') return false;
      return !(/\.(js|d\.ts)$/.test(base) && base !== 'jest.config.js');
    },
  });
}

/** Whether `name` can be resolved from `dir` by Node (walking up node_modules folders), asked in a fresh process. */
export function resolvable(name: string, dir: string): boolean {
  const r = spawnSync(
    process.execPath,
    ['-e', `require.resolve(${JSON.stringify(name)}, { paths: [process.cwd()] })`],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
  return r.status === 0;
}
