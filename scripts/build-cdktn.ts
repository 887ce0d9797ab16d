/**
 * Builds `cdktn-genesyscloud-access`, the CDK Terrain (cdktn) flavour of this package, from the compiled `dist/`:
 * the same files with the module specifier `cdktf` rewritten to `cdktn` in the two places that import it (the
 * seam lib/constructs/core.ts and the generated provider bindings), and a package.json whose peers are cdktn and
 * the constructs range cdktn accepts. Everything else (the access graph, the evaluator, the rules, the CLI, the
 * data) is framework-free and copied as it is. Run by `npm run build` after tsc; writes `dist-cdktn/`, a package
 * directory ready for `npm pack dist-cdktn` / `npm publish dist-cdktn`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './util';

/** The CDK Terrain package: its name and the peers it is built for (cdktn 0.24 needs constructs >=10.6 <10.8). */
export const CDKTN_PACKAGE = {
  name: 'cdktn-genesyscloud-access',
  peerDependencies: { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' },
} as const;

/** The only compiled files allowed to import cdktf: the seam and the generated bindings. */
const SEAM = ['dist/lib/constructs/core.js', 'dist/lib/constructs/core.d.ts'];
const BINDINGS = 'dist/src/generated/provider/';

/**
 * `require("cdktf")`, `from 'cdktf'`, `import("cdktf")`, `import 'cdktf'` and their `cdktf/...` deep forms: module
 * specifiers only, so string data such as the input format name `'cdktf'` is left alone.
 */
const SPECIFIER = /(\brequire\(\s*|\bfrom\s+|\bimport\(\s*|\bimport\s+)(["'])cdktf(\/[^"']*)?\2/g;

/** Rewrites every cdktf module specifier in `text` to cdktn; returns the new text and how many were rewritten. */
export function rewriteCdktfImports(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(SPECIFIER, (_m, lead: string, quote: string, deep: string | undefined) => {
    count++;
    return `${lead}${quote}cdktn${deep ?? ''}${quote}`;
  });
  return { text: out, count };
}

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** The cdktn package.json, derived from this package's (same version, entry points and files). */
export function cdktnPackageJson(pkg: Record<string, unknown>): Record<string, unknown> {
  const keywords = (pkg.keywords as string[]).map((k) => (k === 'cdktf' ? 'cdktn' : k));
  return {
    name: CDKTN_PACKAGE.name,
    version: pkg.version,
    description: `${String(pkg.description).replace('typed CDKTF constructs', 'typed CDK Terrain (cdktn) constructs')} Built from the same source as cdktf-genesyscloud-access.`,
    license: pkg.license,
    engines: pkg.engines,
    main: pkg.main,
    types: pkg.types,
    bin: pkg.bin,
    exports: pkg.exports,
    typesVersions: pkg.typesVersions,
    files: pkg.files,
    peerDependencies: CDKTN_PACKAGE.peerDependencies,
    repository: pkg.repository,
    keywords: [...new Set([...keywords, 'cdk-terrain'])],
  };
}

/** Writes the cdktn package to `outDir` from `root`'s built `dist/`; returns the files whose imports were rewritten. */
export function buildCdktnPackage(root: string, outDir: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  if (!fs.existsSync(path.join(root, 'dist/lib/index.js'))) throw new Error('dist/ is missing: run tsc first');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const rewritten: string[] = [];
  for (const entry of pkg.files as string[]) {
    const src = path.join(root, entry);
    if (!fs.existsSync(src)) continue;
    if (!fs.statSync(src).isDirectory()) {
      fs.copyFileSync(src, path.join(outDir, entry));
      continue;
    }
    for (const file of walk(src)) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const dest = path.join(outDir, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (!/\.(js|d\.ts)$/.test(rel)) {
        fs.copyFileSync(file, dest);
        continue;
      }
      const { text, count } = rewriteCdktfImports(fs.readFileSync(file, 'utf8'));
      if (count > 0) {
        if (!SEAM.includes(rel) && !rel.startsWith(BINDINGS))
          throw new Error(`${rel} imports cdktf: only lib/constructs/core.ts and the generated bindings may`);
        rewritten.push(rel);
      }
      fs.writeFileSync(dest, text, { mode: fs.statSync(file).mode });
    }
  }
  const missingSeam = SEAM.filter((f) => !rewritten.includes(f));
  if (missingSeam.length) throw new Error(`the seam was not rewritten: ${missingSeam.join(', ')} import no cdktf`);
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(cdktnPackageJson(pkg), null, 2) + '\n');
  return rewritten;
}

if (require.main === module) {
  try {
    const files = buildCdktnPackage(ROOT, path.join(ROOT, 'dist-cdktn'));
    console.log(`build-cdktn: dist-cdktn/ (${CDKTN_PACKAGE.name}), cdktf imports rewritten in ${files.length} files`);
  } catch (err) {
    console.error(`build-cdktn: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
