/**
 * A new user's app: made from cdktf-cli's own TypeScript template (the one `cdktf init --template typescript`
 * copies, with its tsconfig as it is: `"module": "CommonJS"`, no `moduleResolution`), with the packed tarball of
 * this package installed by npm, offline. The README's quick start and jest blocks are written into it as they
 * are, then the template's own scripts run: `npm run build` (tsc), `npm run synth` (cdktf synth, ts-node),
 * `genesys-access report`, and `npm test` (jest with ts-jest, which type-checks the matchers).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { FUTURE_FLAGS } from 'cdktf/lib/features';
import { validateTerraformJson } from '../../lib/testing';
import { linkFromRepo, pack, ROOT, run, tmpApp } from './apps';

const TEMPLATE = path.join(ROOT, 'node_modules/cdktf-cli/bundle/templates/typescript');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README's code blocks that name their file on the first line (`// main.ts`), by file. */
function readmeFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of README.matchAll(/```ts\n\/\/ ([\w./-]+\.ts)\n([\s\S]*?)```/g)) files[m[1]!] = m[2]!;
  return files;
}

/** Renders the template as `cdktf init` does (sscaff: `{{ key }}` in names and contents), without its npm hook. */
function renderTemplate(src: string, dest: string, vars: Record<string, string>): void {
  const sub = (s: string): string =>
    s.replace(/\{\{\s*([$\w]*)\s*\}\}/g, (m, key: string) => {
      if (key === '') return '';
      if (!(key in vars)) throw new Error(`template variable ${m} is not known to this test`);
      return vars[key]!;
    });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    if (e.name === '.hooks.sscaff.js') continue; // the post hook runs `npm install`: done below, offline
    const from = path.join(src, e.name);
    const to = path.join(dest, sub(e.name));
    if (e.isDirectory()) {
      fs.mkdirSync(to, { recursive: true });
      renderTemplate(from, to, vars);
    } else fs.writeFileSync(to, sub(fs.readFileSync(from, 'utf8')));
  }
}

describe('an app made from the cdktf-cli TypeScript template, with the packed package installed', () => {
  const tmp = tmpApp('template');
  const app = path.join(tmp, 'qa-app');
  let installed: string;

  /** The import specifiers of every `exports` entry (one binding for `./provider/*`), resolved by TypeScript. */
  function resolveEntryPoints(override: Record<string, string>): Record<string, string | undefined> {
    const config = ts.readConfigFile(path.join(app, 'tsconfig.json'), ts.sys.readFile).config;
    const parsed = ts.parseJsonConfigFileContent(
      { ...config, compilerOptions: { ...config.compilerOptions, ...override } },
      ts.sys,
      app,
    );
    const from = path.join(app, 'main.ts');
    const out: Record<string, string | undefined> = {};
    for (const spec of Object.keys(expectedEntryPoints())) {
      const r = ts.resolveModuleName(spec, from, parsed.options, ts.sys).resolvedModule;
      out[spec] = r && path.relative(installed, r.resolvedFileName);
    }
    return out;
  }

  /** What each specifier must resolve to: the `types` target of its `exports` entry. */
  function expectedEntryPoints(): Record<string, string> {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(pkg.exports as Record<string, string | { types?: string }>)) {
      if (typeof entry === 'string' || !entry.types) continue;
      const sub = key.replace('*', 'oauth-client').replace(/^\./, '');
      out[`cdktf-genesyscloud-access${sub}`] = path.normalize(entry.types.replace('*', 'oauth-client'));
    }
    return out;
  }

  beforeAll(() => {
    const tgz = pack(ROOT, path.join(tmp, 'pack'));
    fs.mkdirSync(app);
    renderTemplate(TEMPLATE, app, {
      $base: 'qa-app',
      projectId: '00000000-0000-4000-8000-000000000000',
      sendCrashReports: 'false',
      futureFlags: Object.entries(FUTURE_FLAGS)
        .map(([k, v]) => `    "${k}": ${JSON.stringify(v)}`)
        .join(',\n'),
    });
    // The template's hook installs cdktf and constructs, then the toolchain. Here cdktf and constructs are this
    // repository's copies (same versions, no network), the package comes from the tarball, all through npm.
    const pkgFile = path.join(app, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    pkg.dependencies = {
      cdktf: `file:${path.join(ROOT, 'node_modules/cdktf')}`,
      constructs: `file:${path.join(ROOT, 'node_modules/constructs')}`,
    };
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tgz], app);
    linkFromRepo(app, ['cdktf-cli', 'typescript', 'jest', 'ts-jest', 'ts-node', '@types/jest', '@types/node']);
    installed = path.join(app, 'node_modules/cdktf-genesyscloud-access');

    // The README's blocks, as they are, and the jest.config.js change it asks for.
    for (const [file, text] of Object.entries(readmeFiles())) {
      fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      fs.writeFileSync(path.join(app, file), text);
    }
    const setupFiles = /`setupFilesAfterEnv: (\[[^\]]*\])`/.exec(README.replace(/\n/g, ' '))![1]!;
    const config = fs.readFileSync(path.join(app, 'jest.config.js'), 'utf8');
    const edited = config.replace(
      /setupFilesAfterEnv: \["<rootDir>\/setup\.js"\]/,
      `setupFilesAfterEnv: ${setupFiles}`,
    );
    expect(edited).not.toBe(config);
    fs.writeFileSync(path.join(app, 'jest.config.js'), edited);
  }, 120000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('the app has the stock tsconfig (CommonJS, node10 resolution) and the README blocks', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(app, 'tsconfig.json'), 'utf8'));
    expect(tsconfig).toEqual(JSON.parse(fs.readFileSync(path.join(TEMPLATE, 'tsconfig.json'), 'utf8')));
    expect(tsconfig.compilerOptions.module).toBe('CommonJS');
    expect(tsconfig.compilerOptions.moduleResolution).toBeUndefined();
    expect(Object.keys(readmeFiles()).sort()).toEqual(['__tests__/access-test.ts', 'jest.setup.ts', 'main.ts']);
    const version = (dir: string): string =>
      JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    expect(version(installed)).toBe(version(ROOT));
  });

  test('`npm run build` (tsc) compiles main.ts and the tests', () => {
    run('npm', ['run', 'build'], app);
    expect(fs.existsSync(path.join(app, 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(app, '__tests__/access-test.js'))).toBe(true);
  });

  test.each([
    ['the stock tsconfig (node10: typesVersions)', {}],
    ['node16 (exports)', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler (exports)', { module: 'preserve', moduleResolution: 'bundler' }],
  ])('every exported entry point resolves to its declarations under %s', (_, override) => {
    expect(resolveEntryPoints(override)).toEqual(expectedEntryPoints());
  });

  test('`npm run synth` (cdktf synth, ts-node) writes a stack that matches the provider schema', () => {
    run('npm', ['run', 'synth'], app);
    const json = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out/stacks/qa/cdk.tf.json'), 'utf8'));
    expect(validateTerraformJson(json)).toEqual([]);
    const [client] = Object.values(json.resource.genesyscloud_oauth_client) as Array<Record<string, unknown>>;
    expect(client!.authorized_grant_type).toBe('CLIENT-CREDENTIALS');
  });

  test('`npx genesys-access report` reads it: exactly screen-recording view in Chicago', () => {
    const { stdout } = run(path.join(app, 'node_modules/.bin/genesys-access'), ['report', 'cdktf.out/stacks/qa'], app);
    expect(stdout).toContain('## Genesys Cloud access: qa');
    expect(stdout).toContain('| Chicago | `recording:screenRecording:view` | `screen-recording-read` |');
  });

  test('`npm test` (jest, ts-jest type-checking) runs the README test with the matchers', () => {
    const { stderr } = run('npm', ['test', '--', '--ci', '--json', '--outputFile=jest-results.json'], app);
    const results = JSON.parse(fs.readFileSync(path.join(app, 'jest-results.json'), 'utf8'));
    expect({ passed: results.numPassedTests, failed: results.numFailedTests }).toEqual({ passed: 1, failed: 0 });
    expect(stderr).not.toMatch(/ts-jest\[[^\]]*\] \(WARN\)/);
  });

  test('without typesVersions the stock tsconfig resolves none of the subpaths (what users saw: TS2307)', () => {
    const file = path.join(installed, 'package.json');
    const original = fs.readFileSync(file, 'utf8');
    const pkg = JSON.parse(original);
    delete pkg.typesVersions;
    fs.writeFileSync(file, JSON.stringify(pkg));
    try {
      const resolved = resolveEntryPoints({});
      expect(Object.entries(resolved).filter(([, to]) => to !== undefined)).toEqual([
        ['cdktf-genesyscloud-access', expectedEntryPoints()['cdktf-genesyscloud-access']],
      ]);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
