/**
 * Listing an input directory safely: a bound on entries (a directory of a million files is not an input), an
 * unreadable directory said as such (never "no stacks"). Walks list entries with `withFileTypes`, whose symbolic
 * links are not directories, so a symlink loop is never followed. No cdktf import.
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
