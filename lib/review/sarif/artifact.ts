/**
 * Files as SARIF names them: a POSIX path relative to the repository root (`%SRCROOT%`), percent-encoded, or an
 * absolute `file:` URI for a file outside it. No cdktf import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { type SarifArtifactLocation, SRCROOT } from './log';

/** The repository root of `cwd`: its nearest ancestor holding `.git`, else `cwd` itself. */
export function sourceRoot(cwd: string): string {
  const start = path.resolve(cwd);
  for (let dir = start; ;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

/** The artifact location of `file` (as the user named it, relative to `cwd`) for a log rooted at `root`. */
export function artifactLocation(file: string, cwd: string, root: string): SarifArtifactLocation {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(path.resolve(root), abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return { uri: pathToFileURL(abs).href };
  }
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
