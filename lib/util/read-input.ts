/**
 * The one safe way the CLI reads an input file: checked with `stat` before it is opened (a FIFO, a device or a
 * socket is refused without opening it, so nothing blocks and nothing reads forever), bounded in size, and
 * decoded as strict UTF-8 (an invalid byte is refused with its offset, never replaced silently). A leading UTF-8
 * byte order mark is accepted and dropped, as Terraform does (hcl2 ignores it since Terraform 0.12; RFC 8259 lets
 * JSON parsers ignore it). Errors are one line ({@link AccessValidationError}) naming the path as the user gave
 * it and the fix, never the file's content. No cdktf import.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { AccessValidationError } from '../errors';
import { cutValue } from '../cut';

/** Largest input file read by default: 256 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** The environment variable that overrides {@link DEFAULT_MAX_INPUT_BYTES} (a whole number of bytes). */
export const MAX_INPUT_ENV = 'GENESYS_ACCESS_MAX_INPUT_BYTES';

/** The size limit: {@link MAX_INPUT_ENV} when it is a positive whole number, else the default. */
export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_INPUT_ENV];
  if (raw === undefined || raw === '') return DEFAULT_MAX_INPUT_BYTES;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) {
    throw new AccessValidationError(
      `${MAX_INPUT_ENV} must be a positive whole number of bytes (got "${cutValue(raw, 40)}"): set it, e.g. ${MAX_INPUT_ENV}=${DEFAULT_MAX_INPUT_BYTES}, or unset it`,
    );
  }
  return Number(raw);
}

/** What a file that is neither a regular file nor a directory is, in words; undefined for those two. */
export function specialKind(st: fs.Stats): string | undefined {
  if (st.isFile() || st.isDirectory()) return undefined;
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Quotes a path as the user gave it, cut when long. */
export function shownPath(shown: string): string {
  return `"${cutValue(shown)}"`;
}

/** One line for a failed file-system call on `shown`. */
export function fsErrorLine(e: unknown, shown: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const q = shownPath(shown);
  switch (code) {
    case 'ENOENT':
      return `cannot read ${q}: no such file or directory: check the path`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${q}: permission denied: make it readable (chmod u+r) or run as a user who can read it`;
    case 'ELOOP':
      return `cannot read ${q}: too many levels of symbolic links (a symlink loop): point the link at a real file`;
    case 'ENOTDIR':
      return `cannot read ${q}: a part of the path is not a directory: check the path`;
    case 'ENAMETOOLONG':
      return `cannot read ${q}: the path is too long: check the path`;
    case 'EISDIR':
      return `${q} is a directory: give a file`;
    default:
      return `cannot read ${q}: ${code ?? 'error'}: check the path`;
  }
}

/** `stat` of an input (following symlinks); a missing or unreadable path is one line. */
export function statInput(file: string, shown: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (e) {
    throw new AccessValidationError(fsErrorLine(e, shown));
  }
}

/** `stat` of an input, or undefined when it does not exist or cannot be read (for detection only). */
export function tryStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Throws one line when `st` is a FIFO, device or socket: what it is and what to give instead. */
export function refuseSpecial(st: fs.Stats, shown: string, give = 'give a regular file or a directory'): void {
  const kind = specialKind(st);
  if (kind) throw new AccessValidationError(`${shownPath(shown)} is ${kind}, not a regular file: ${give}`);
}

/** Options of {@link readInputText}. */
export interface ReadInputOptions {
  /**
   * What to give instead, for the message when the path is a directory or a special file.
   * @default "give a regular file"
   */
  readonly give?: string;
  /**
   * The size limit in bytes.
   * @default - {@link maxInputBytes}()
   */
  readonly maxBytes?: number;
}

/** The byte offset of the first invalid UTF-8 sequence in `buf`, or -1 when it is all valid. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes strict UTF-8 (a leading BOM dropped); invalid bytes are one line with the byte offset and the fix.
 * Validation is `buffer.isUtf8` (the same check as `TextDecoder('utf-8', { fatal: true })`, several times
 * faster on large plans), then a plain decode.
 */
export function decodeUtf8(buf: Uint8Array, shown: string): string {
  if (!isUtf8(buf)) {
    const at = invalidUtf8Offset(buf);
    throw new AccessValidationError(
      `${shownPath(shown)} is not valid UTF-8${at >= 0 ? ` at byte ${at}` : ''}: save it as UTF-8 (e.g. \`iconv -f LATIN1 -t UTF-8\`)`,
    );
  }
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return b.toString('utf8', bom);
}

/**
 * Reads a regular file as strict UTF-8 text, after checking it is one and is not larger than the limit. A
 * directory, FIFO, device or socket is refused before it is opened.
 */
export function readInputText(file: string, shown: string, options: ReadInputOptions = {}): string {
  const give = options.give ?? 'give a regular file';
  const st = statInput(file, shown);
  if (st.isDirectory()) throw new AccessValidationError(`${shownPath(shown)} is a directory: ${give}`);
  refuseSpecial(st, shown, give);
  const max = options.maxBytes ?? maxInputBytes();
  if (st.size > max) throw new AccessValidationError(tooLarge(shown, st.size, max));
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new AccessValidationError(fsErrorLine(e, shown));
  }
  // The file may have grown between stat and read.
  if (buf.length > max) throw new AccessValidationError(tooLarge(shown, buf.length, max));
  return decodeUtf8(buf, shown);
}

function tooLarge(shown: string, size: number, max: number): string {
  return `${shownPath(shown)} is ${size} bytes, more than the ${max}-byte input limit: give the right file, or raise the limit with ${MAX_INPUT_ENV}=<bytes>`;
}
