/**
 * scripts/build-cdktn.ts: the CDK Terrain package is this package's build with the cdktf module specifiers of the
 * seam and the bindings rewritten, and nothing else changed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildCdktnPackage, CDKTN_PACKAGE, rewriteCdktfImports } from '../../scripts/build-cdktn';
import { ROOT, tmpApp } from './apps';

const SPECIFIER = /(\brequire\(\s*|\bfrom\s+|\bimport\(\s*|\bimport\s+)(["'])cdktf(\/[^"']*)?\2/;

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

describe('rewriteCdktfImports', () => {
  test.each([
    ['const cdktf = require("cdktf");', 'const cdktf = require("cdktn");'],
    ["import * as cdktf from 'cdktf';", "import * as cdktf from 'cdktn';"],
    ["export type { IResolvable } from 'cdktf';", "export type { IResolvable } from 'cdktn';"],
    ['let x: import("cdktf").TerraformStack;', 'let x: import("cdktn").TerraformStack;'],
    ["import 'cdktf/lib/testing/adapters/jest';", "import 'cdktn/lib/testing/adapters/jest';"],
  ])('rewrites %s', (input, output) => {
    expect(rewriteCdktfImports(input)).toEqual({ text: output, count: 1 });
  });

  test.each([
    "const format = { name: 'cdktf' };",
    "require('cdktf-genesyscloud-access')",
    'readFileSync("cdktf.json")',
    'class A extends cdktf.TerraformResource {}',
    "// import from 'cdktfx'",
  ])('leaves %s alone', (input) => {
    expect(rewriteCdktfImports(input)).toEqual({ text: input, count: 0 });
  });
});

describe('dist-cdktn/ (built by npm run build)', () => {
  const out = path.join(ROOT, 'dist-cdktn');
  beforeAll(() => {
    if (!fs.existsSync(path.join(out, 'package.json'))) throw new Error('dist-cdktn/ is missing: run `npm run build`');
  });

  test('holds the same files as the cdktf package; only the seam and the bindings differ, and only in imports', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const source = (pkg.files as string[]).flatMap((f) =>
      fs.statSync(path.join(ROOT, f)).isDirectory() ? files(path.join(ROOT, f)).map((x) => `${f}/${x}`) : [f],
    );
    expect(files(out)).toEqual([...source, 'package.json'].sort());
    const changed: string[] = [];
    for (const f of source.filter((x) => /\.(js|d\.ts)$/.test(x))) {
      const a = fs.readFileSync(path.join(ROOT, f), 'utf8');
      const b = fs.readFileSync(path.join(out, f), 'utf8');
      expect(SPECIFIER.test(b)).toBe(false);
      if (a === b) continue;
      changed.push(f);
      expect(b).toBe(rewriteCdktfImports(a).text);
    }
    const bindings = changed.filter((f) => f.startsWith('dist/src/generated/provider/'));
    expect(changed.filter((f) => !bindings.includes(f))).toEqual([
      'dist/lib/constructs/core.d.ts',
      'dist/lib/constructs/core.js',
    ]);
    expect(bindings.length).toBeGreaterThan(500); // 260 modules, .js and .d.ts each
  });

  test('its package.json: cdktn’s peers, the same version, entry points and bin, nothing for development', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const tn = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
    expect(tn.name).toBe(CDKTN_PACKAGE.name);
    expect(tn.peerDependencies).toEqual({ cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' });
    for (const key of ['version', 'main', 'types', 'bin', 'exports', 'typesVersions', 'files', 'engines'])
      expect([key, tn[key]]).toEqual([key, pkg[key]]);
    expect(tn.dependencies).toBeUndefined();
    expect(tn.devDependencies).toBeUndefined();
    expect(tn.scripts).toBeUndefined();
    expect(tn.keywords).toContain('cdktn');
    expect(tn.keywords).not.toContain('cdktf');
  });
});

test('the build fails when a file other than the seam or the bindings imports cdktf', () => {
  const root = tmpApp('build-cdktn');
  try {
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'x', version: '1.0.0', files: ['dist/lib'], keywords: [], description: '' }),
    );
    fs.mkdirSync(path.join(root, 'dist/lib/constructs'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/lib/index.js'), '');
    fs.writeFileSync(path.join(root, 'dist/lib/constructs/core.js'), 'require("cdktf");');
    fs.writeFileSync(path.join(root, 'dist/lib/constructs/core.d.ts'), "export { App } from 'cdktf';");
    expect(buildCdktnPackage(root, path.join(root, 'out'))).toEqual([
      'dist/lib/constructs/core.d.ts',
      'dist/lib/constructs/core.js',
    ]);
    fs.mkdirSync(path.join(root, 'dist/lib/rules'));
    fs.writeFileSync(path.join(root, 'dist/lib/rules/x.js'), 'const { App } = require("cdktf");');
    expect(() => buildCdktnPackage(root, path.join(root, 'out'))).toThrow(
      'dist/lib/rules/x.js imports cdktf: only lib/constructs/core.ts and the generated bindings may',
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
