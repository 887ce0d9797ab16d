/**
 * Reads a synthesized `cdk.tf.json` (one cdktf or CDK Terrain stack) into the access graph. cdk.tf.json is
 * Terraform JSON with cdktf's `"//"` metadata (construct paths, the stack name) and our constructs' intent in
 * `locals.genesyscloud_access`; the reading itself is the shared Terraform document reader. A stack that uses
 * `count`, `for_each` or a `dynamic` block (cdktf's TerraformIterator) is expanded first where the values are
 * static, exactly as an HCL module is, so iterator-written grants are not invisible.
 */
import type { AccessGraph } from '../../access/graph';
import { emptyModule, expandConfiguration } from '../terraform/configuration';
import { type ReadDocumentOptions, readTerraformDocument, type SourceLocation } from '../terraform/document';
import { addFragment, type Locator } from '../terraform/fragment';
import { isObject, jsonPointer, type Json } from '../../util/json';

export type { ReadDocumentOptions as ReadCdktfOptions } from '../terraform/document';

/** The resource types the access graph reads: only their count, for_each or dynamic blocks matter. */
const ACCESS_TYPES = [
  'genesyscloud_auth_role',
  'genesyscloud_auth_division',
  'genesyscloud_oauth_client',
  'genesyscloud_user',
  'genesyscloud_user_roles',
  'genesyscloud_group',
  'genesyscloud_group_roles',
];

/** True when some resource the access graph reads uses count, for_each or a dynamic block. */
function needsExpansion(doc: unknown): doc is Json {
  if (!isObject(doc)) return false;
  for (const kind of ['resource', 'data']) {
    const section = doc[kind];
    if (!isObject(section)) continue;
    for (const type of ACCESS_TYPES) {
      const byName = section[type];
      if (!isObject(byName)) continue;
      for (const name in byName) {
        const body = byName[name];
        if (isObject(body) && (body.count !== undefined || body.for_each !== undefined || body.dynamic !== undefined)) {
          return true;
        }
      }
    }
  }
  return false;
}

/** Another Terraform file of a stack directory, read beside cdk.tf.json (Terraform reads every one). */
export interface StackFile {
  /** The file as normalised JSON (HCL through hcl2json). */
  readonly json: Json;
  /** The file as the user would name it. */
  readonly shown: string;
  /** An override file (`override.tf.json`, `*_override.tf.json`, ...): merged over the blocks it names. */
  readonly override: boolean;
  readonly locate: Locator;
}

function expand(
  doc: Json,
  file: string,
  others: readonly StackFile[],
): { doc: Json; locate?: (address: string) => SourceLocation | undefined } {
  const mod = emptyModule('.', '.');
  addFragment(
    mod,
    { resource: doc.resource, data: doc.data, variable: doc.variable, locals: doc.locals, output: doc.output },
    (kind, type, name) => ({ file, pointer: jsonPointer(kind, type, name) }),
    false,
    file,
  );
  for (const f of others.filter((x) => !x.override)) addFragment(mod, f.json, f.locate, false, f.shown);
  for (const f of others.filter((x) => x.override)) addFragment(mod, f.json, f.locate, true, f.shown);
  const { doc: expanded, locations } = expandConfiguration(mod, {});
  const merged = { ...doc, resource: expanded.resource, data: expanded.data };
  if (others.length === 0) return { doc: merged };
  return { doc: merged, locate: (address) => locations.get(address) };
}

/**
 * Reads one synthesized stack (object or JSON text) into a graph; throws one line naming a bad value. `others`
 * are the stack directory's other Terraform files, which Terraform merges with cdk.tf.json (overrides last).
 */
export function readCdktf(
  json: unknown,
  options: Omit<ReadDocumentOptions, 'format'> = {},
  others: readonly StackFile[] = [],
): AccessGraph {
  const doc = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (others.length === 0 && !needsExpansion(doc)) return readTerraformDocument(doc, { ...options, format: 'cdktf' });
  // Check the types as written first (the expansion must not hide a bad value), then read the expansion.
  readTerraformDocument(doc, { ...options, format: 'cdktf' });
  const { doc: expanded, locate } = expand(doc as Json, options.file ?? 'the stack', others);
  return readTerraformDocument(expanded, { ...options, format: 'cdktf', ...(locate ? { locate } : {}) });
}
