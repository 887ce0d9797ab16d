/**
 * CDK Terrain: examples-cdktn/screen-recording-qa, a cdktn 0.24 app, gets `cdktn-genesyscloud-access` (built by
 * `npm run build` into dist-cdktn/, packed with npm pack) installed next to cdktn and constructs from the
 * registry, in a folder outside this repository, with no cdktf anywhere Node or TypeScript could find it. Then:
 * tsc type-checks the app, its tests and every declaration file of the package against cdktn; `app.synth()`
 * runs on this Node (20 in CI; cdktn-cli needs 22.19); jest runs its matchers; and the output is the cdktf
 * example's, with the same schema check and the same `report` and `explain` answers.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { build } from '../../examples/screen-recording-qa/main';
import { assertValidTerraformJson } from '../../lib/testing';
import { CDKTN_PACKAGE } from '../../scripts/build-cdktn';
import { copyApp, linkFromRepo, node, pack, resolvable, ROOT, run, tmpApp } from './apps';

const EXAMPLE = path.join(ROOT, 'examples-cdktn/screen-recording-qa');
const STACK = 'screen-recording-qa';

describe('examples-cdktn/screen-recording-qa: the library on CDK Terrain, without cdktf', () => {
  const tmp = tmpApp('cdktn');
  const app = path.join(tmp, 'app');
  const pkgDir = path.join(app, 'node_modules', CDKTN_PACKAGE.name);
  const tscBin = (): string => path.join(app, 'node_modules/typescript/bin/tsc');
  let cdktfOut: string;

  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist-cdktn/package.json')))
      throw new Error('dist-cdktn/ is missing: run `npm run build`');
    const tgz = pack(path.join(ROOT, 'dist-cdktn'), path.join(tmp, 'pack'));
    copyApp(EXAMPLE, app);
    // As published: the example names the package by version; here it is this build's tarball. Its toolchain
    // (typescript, jest, ts-jest, @types) is linked from this repository instead of installed again.
    const pkgFile = path.join(app, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    expect(pkg.dependencies[CDKTN_PACKAGE.name]).toBe(
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    );
    pkg.dependencies[CDKTN_PACKAGE.name] = `file:${tgz}`;
    const toolchain = Object.keys(pkg.devDependencies);
    delete pkg.devDependencies;
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
    linkFromRepo(app, toolchain);

    // The cdktf example, synthesized by cdktf, for comparison.
    cdktfOut = path.join(tmp, 'cdktf.out');
    const cdktfApp = new App({ outdir: cdktfOut });
    build(cdktfApp, STACK);
    cdktfApp.synth();
  }, 120000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('npm installed cdktn, constructs in its range and the package, and no cdktf: nothing can load it', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
    const entries = Object.keys(lock.packages).filter((p) => p !== '');
    expect(entries.filter((p) => !p.slice('node_modules/'.length).includes('node_modules/')).sort()).toEqual([
      'node_modules/cdktn',
      `node_modules/${CDKTN_PACKAGE.name}`,
      'node_modules/constructs',
    ]);
    expect(entries.filter((p) => /(^|\/)node_modules\/cdktf$/.test(p))).toEqual([]);
    expect(lock.packages['node_modules/cdktn'].version).toBe('0.24.0');
    const peers = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).peerDependencies;
    expect(peers).toEqual(CDKTN_PACKAGE.peerDependencies);
    const cdktnPeers = JSON.parse(
      fs.readFileSync(path.join(app, 'node_modules/cdktn/package.json'), 'utf8'),
    ).peerDependencies;
    expect(peers.constructs).toBe(cdktnPeers.constructs);
    expect(resolvable('cdktf', app)).toBe(false);
    expect(resolvable('cdktf', pkgDir)).toBe(false);
    expect(resolvable('cdktn', pkgDir)).toBe(true);
  });

  test('tsc type-checks the app and its tests against cdktn (the stock template tsconfig)', () => {
    node(tscBin(), ['-p', '.'], app);
    expect(fs.existsSync(path.join(app, 'main.js'))).toBe(true);
  });

  test('every declaration file of the package (constructs, bindings, rules, matchers) type-checks against cdktn', () => {
    fs.writeFileSync(
      path.join(app, 'tsconfig.declarations.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'CommonJS',
          target: 'ES2022',
          lib: ['ES2022'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: [`node_modules/${CDKTN_PACKAGE.name}/dist/**/*.d.ts`],
      }),
    );
    const { stdout } = node(tscBin(), ['-p', 'tsconfig.declarations.json', '--listFiles'], app);
    const ours = stdout.split('\n').filter((f) => f.includes(`/node_modules/${CDKTN_PACKAGE.name}/`));
    expect(ours.filter((f) => f.includes('/generated/provider/')).length).toBeGreaterThan(250);
    expect(ours.some((f) => f.endsWith('/dist/lib/testing/jest.d.ts'))).toBe(true);
    expect(stdout).toContain('/node_modules/cdktn/lib/index.d.ts');
  });

  test('app.synth() on this Node writes the stack; it matches the provider schema', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
    node('main.js', [], app);
    const json = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out/stacks', STACK, 'cdk.tf.json'), 'utf8'));
    expect(() => assertValidTerraformJson(json)).not.toThrow();
    expect(json['//'].metadata.version).toBe('0.24.0');
  });

  test('it is the cdktf example: the same cdk.tf.json but for the framework version', () => {
    const read = (out: string): Record<string, any> => {
      const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', STACK, 'cdk.tf.json'), 'utf8'));
      delete json['//'].metadata.version;
      return json;
    };
    expect(read(path.join(app, 'cdktf.out'))).toEqual(read(cdktfOut));
  });

  test.each([
    ['report', 0, ['report', `cdktf.out/stacks/${STACK}`]],
    ['report --format json', 0, ['report', `cdktf.out/stacks/${STACK}`, '--format', 'json']],
    [
      'explain (the seed 403: allowed in Chicago)',
      0,
      ['explain', 'GET', '/api/v2/conversations/c-1/recordings', '--plan', `cdktf.out/stacks/${STACK}`],
    ],
    [
      'explain (audio export: denied)',
      1,
      ['explain', 'POST', '/api/v2/recording/jobs', '--plan', `cdktf.out/stacks/${STACK}`],
    ],
  ] as const)('the installed genesys-access %s gives the cdktf example’s answer (exit %d)', (_, status, args) => {
    const withPrincipal =
      args[0] === 'explain'
        ? [...args, '--principal', 'QA screen recording downloader', '--division', 'Chicago']
        : args;
    const cli = path.join(app, 'node_modules/.bin/genesys-access');
    const answer = (cwd: string): { status: number | null; stdout: string; stderr: string } => {
      const r = spawnSync(process.execPath, [cli, ...withPrincipal], { cwd, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const cdktn = answer(app);
    expect([cdktn.status, cdktn.stderr]).toEqual([status, '']);
    expect(cdktn).toEqual(answer(tmp));
  });

  test('jest (ts-jest) runs the app’s tests with the matchers, typed against cdktn', () => {
    run(
      process.execPath,
      [path.join(app, 'node_modules/jest/bin/jest.js'), '--ci', '--json', '--outputFile=jest-results.json'],
      app,
    );
    const results = JSON.parse(fs.readFileSync(path.join(app, 'jest-results.json'), 'utf8'));
    expect({ passed: results.numPassedTests, failed: results.numFailedTests }).toEqual({ passed: 2, failed: 0 });
  });
});
