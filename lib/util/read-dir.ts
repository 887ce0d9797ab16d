/**
 * Listing an input directory safely: a bound on entries (a directory of a million files is not an input), an
 * unreadable directory said as such (never "no stacks"), and loops through symbolic links detected by real path.
 * No cdktf import.
 */
import * as fs from 'fs';
import { AccessValidationError } from '../errors';
import { fsErrorLine, shownPath } from './read-input';

/** Most entries one input directory may hold. */
export const MAX_DIR_ENTRIES = 10000;

/** The entries of `dir`, sorted by name; an unreadable or oversized directory is one line. */
export function readDirInput(dir: string, shown: string): fs.Dirent[] {
  let d: fs.Dir;
  try {
    d = fs.opendirSync(dir);
  } catch (e) {
    throw new AccessValidationError(fsErrorLine(e, shown));
  }
  const out: fs.Dirent[] = [];
  try {
    for (let e = d.readSync(); e !== null; e = d.readSync()) {
      if (out.length >= MAX_DIR_ENTRIES) {
        throw new AccessValidationError(
          `${shownPath(shown)} holds more than ${MAX_DIR_ENTRIES} entries: give the cdktf.out, stack or module directory itself`,
        );
      }
      out.push(e);
    }
  } catch (e) {
    if (AccessValidationError.isAccessValidationError(e)) throw e;
    throw new AccessValidationError(fsErrorLine(e, shown));
  } finally {
    d.closeSync();
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The names in `dir`, or [] when it cannot be listed (for detection only, never for reading). */
export function tryReadDir(dir: string): fs.Dirent[] {
  try {
    return readDirInput(dir, dir);
  } catch {
    return [];
  }
}

/** Real paths already visited in one walk: a directory reached twice (a symlink loop) is not walked again. */
export class VisitedDirs {
  private readonly seen = new Set<string>();

  /** True the first time `dir`'s real path is seen; false for a loop or an unresolvable path. */
  public enter(dir: string): boolean {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return false;
    }
    if (this.seen.has(real)) return false;
    this.seen.add(real);
    return true;
  }
}
