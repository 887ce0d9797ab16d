import * as fs from 'fs';
import * as path from 'path';

let root: string | undefined;

/** This package's names: the cdktf package and its CDK Terrain build (scripts/build-cdktn.ts), same files. */
const PACKAGE_NAMES = new Set(['cdktf-genesyscloud-access', 'cdktn-genesyscloud-access']);

/** This package's root folder (where `data/` lives), from source or from `dist/`. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj) && PACKAGE_NAMES.has(JSON.parse(fs.readFileSync(pj, 'utf8')).name)) {
      root = dir;
      return dir;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cdktf-genesyscloud-access: cannot find the package root (package.json)');
    dir = up;
  }
}

/** Absolute path of a file under the package's `data/` folder. */
export function dataFile(...parts: string[]): string {
  return path.join(packageRoot(), 'data', ...parts);
}
