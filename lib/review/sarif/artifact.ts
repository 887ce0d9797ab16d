/**
 * Files as SARIF names them: a POSIX path relative to the file's repository root (`%SRCROOT%`), percent-encoded,
 * or an absolute `file:` URI for a file in no repository and outside the working directory. No cdktf import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { type SarifArtifactLocation, SRCROOT } from './log';

/** The nearest ancestor of `dir` (itself included) holding `.git`, or undefined. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ;) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** `abs` relative to `root` as a POSIX path, or undefined when it is not inside `root`. */
function inside(abs: string, root: string): string | undefined {
  const rel = path.relative(path.resolve(root), abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * The artifact location of `file` (as the user named it, relative to `cwd`): relative to `root` when given, else
 * to the file's own repository root (what upload-sarif's checkout_path maps into the pull request, also when the
 * tool runs in another checkout), else to `cwd`; an absolute `file:` URI when it is inside none of them.
 */
export function artifactLocation(file: string, cwd: string, root?: string): SarifArtifactLocation {
  const abs = path.resolve(cwd, file);
  const base = root ?? repositoryRoot(path.dirname(abs)) ?? cwd;
  const rel = inside(abs, base);
  if (rel === undefined) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
