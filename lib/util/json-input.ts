/**
 * Parsing JSON read from an input file: a syntax error says where (line and column) and what to do, never what
 * the file holds (it may be a secret given by mistake: /etc/passwd, a state file). No cdktf import.
 */
import { AccessValidationError } from '../errors';
import { jsonErrorOffset } from './json-syntax';
import { shownPath } from './read-input';

/** Line and column (both from 1) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/**
 * Parses `text` (from the file the user gave as `shown`) as JSON. `fix` says what to do, e.g. "fix the syntax or
 * regenerate it with cdktf synth". An empty file, a truncated file and a syntax error are one line each.
 */
export function parseJsonInput(text: string, shown: string, fix: string): unknown {
  const q = shownPath(shown);
  if (text.trim() === '') throw new AccessValidationError(`${q} is empty: ${fix}`);
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    if (offset < 0) throw new AccessValidationError(`${q} is not valid JSON: ${fix}`);
    if (offset >= text.trimEnd().length) {
      throw new AccessValidationError(`${q} is not valid JSON: it ends too early (cut off?): ${fix}`);
    }
    const { line, column } = lineColumn(text, offset);
    throw new AccessValidationError(`${q} is not valid JSON at line ${line}, column ${column}: ${fix}`);
  }
}

/** What a parsed JSON value is, in words, for "expected an object" messages: never the value itself. */
export function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
}

/** Parses `text` and checks its top level is an object; `what` names the expected document. */
export function parseJsonObject(text: string, shown: string, what: string, fix: string): Record<string, unknown> {
  const v = parseJsonInput(text, shown, fix);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new AccessValidationError(`${shownPath(shown)} holds ${jsonKind(v)} at the top, not ${what}: ${fix}`);
  }
  return v as Record<string, unknown>;
}
