/**
 * The vendored SARIF 2.1.0 schema (test/vendor, draft-04) compiled with ajv-draft-04, with the three formats it
 * uses checked for real: `uri` (absolute), `uri-reference` (relative allowed) and `date-time`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject } from 'ajv-draft-04';

const SCHEMA = path.resolve(__dirname, '../vendor/sarif-schema-2.1.0.json');

/** A URI reference: no spaces or raw characters a URI cannot hold, and one the URL parser accepts. */
function isUriReference(s: string): boolean {
  if (!/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s) || /%(?![0-9A-Fa-f]{2})/.test(s)) return false;
  try {
    new URL(s, 'file:///root/');
    return true;
  } catch {
    return false;
  }
}

function isUri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && isUriReference(s);
}

// unicodeRegExp off: the schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not a valid
// regular expression with the u flag, though it is one without it (as JSON Schema draft-04 reads it).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', isUri);
ajv.addFormat('uri-reference', isUriReference);
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

/** The schema errors of `log` (empty when it is valid SARIF 2.1.0). */
export function sarifErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
