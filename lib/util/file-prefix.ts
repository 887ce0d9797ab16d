/** The first bytes of a file, for telling input formats apart without reading or parsing the whole file. */
import * as fs from 'fs';

/** Up to `bytes` from the start of a regular file, and whether that is the whole file; undefined if unreadable. */
export function readFilePrefix(file: string, bytes: number): { text: string; whole: boolean } | undefined {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return undefined;
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(Math.min(bytes, stat.size));
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return { text: buf.toString('utf8', 0, n), whole: n >= stat.size };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
