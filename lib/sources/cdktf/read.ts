/**
 * Reads a synthesized `cdk.tf.json` (one cdktf or CDK Terrain stack) into the access graph. cdk.tf.json is
 * Terraform JSON with cdktf's `"//"` metadata (construct paths, the stack name) and our constructs' intent in
 * `locals.genesyscloud_access`; the reading itself is the shared Terraform document reader. A stack that uses
 * `count`, `for_each` or a `dynamic` block (cdktf's TerraformIterator) is expanded first where the values are
 * static, exactly as an HCL module is, so iterator-written grants are not invisible.
 */
import type { AccessGraph } from '../../access/graph';
import { emptyModule, expandConfiguration } from '../terraform/configuration';
import { type ReadDocumentOptions, readTerraformDocument } from '../terraform/document';
import { addFragment } from '../terraform/fragment';
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

function expand(doc: Json, file: string): Json {
  const mod = emptyModule('.', '.');
  addFragment(
    mod,
    { resource: doc.resource, data: doc.data, variable: doc.variable, locals: doc.locals },
    (kind, type, name) => ({ file, pointer: jsonPointer(kind, type, name) }),
    false,
    file,
  );
  const { doc: expanded } = expandConfiguration(mod, {});
  return { ...doc, resource: expanded.resource, data: expanded.data };
}

/** Reads one synthesized stack (object or JSON text) into a graph; throws one line naming a bad value. */
export function readCdktf(json: unknown, options: Omit<ReadDocumentOptions, 'format'> = {}): AccessGraph {
  const doc = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (!needsExpansion(doc)) return readTerraformDocument(doc, { ...options, format: 'cdktf' });
  // Check the types as written first (the expansion must not hide a bad value), then read the expansion.
  readTerraformDocument(doc, { ...options, format: 'cdktf' });
  return readTerraformDocument(expand(doc, options.file ?? 'the stack'), { ...options, format: 'cdktf' });
}
